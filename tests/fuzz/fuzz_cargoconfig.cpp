// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: a cargo config.toml as `cargo-setup --project` finds it in a cloned
// project (anyone's text). CargoConfigEditor parses it (TomlGuard, toml++), then registers a
// feed as cargo-setup does: TomlLayout finds where to splice, and validate() checks that the
// result means the original plus the values set. TomlLayout also reads the raw text itself,
// as it takes any text. Refusals must say why; an accepted edit must validate.
#include "cargo/cargoconfigeditor.h"
#include "cargo/tomllayout.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace Qt::Literals::StringLiterals;

namespace {

// Fails the run loudly, saying which promise broke (the replay log shows it).
void check(bool condition, const QString &what = {})
{
    if (condition)
        return;
    std::fprintf(stderr, "fuzz_cargoconfig: %s\n", qUtf8Printable(what));
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    (void)TomlLayout::scan(text, &error);

    CargoConfigEditor editor(text);
    if (!editor.isValid()) {
        check(!editor.errorString().isEmpty());
        return 0;
    }
    const QList<std::pair<QStringList, QString>> sets{
        {{u"registries"_s, u"acme"_s, u"index"_s}, CargoConfigEditor::basicString(u"sparse+http://127.0.0.1:8080/"_s)},
        {{u"registries"_s, u"acme"_s, u"credential-provider"_s}, CargoConfigEditor::stringArray({u"cratedesk"_s, u"credential"_s})},
        {{u"registry"_s, u"default"_s}, CargoConfigEditor::basicString(u"acme"_s)},
        {{u"source"_s, u"crates-io"_s, u"replace-with"_s}, CargoConfigEditor::basicString(u"acme"_s)},
    };
    for (const auto &[path, value] : sets) {
        if (!editor.setValue(path, value)) {
            check(!editor.errorString().isEmpty());
            return 0;
        }
    }
    // An edit that does not mean exactly the original plus the values set is a bug of ours,
    // found here rather than in a user's cargo config.
    check(editor.validate(), editor.errorString());
    return 0;
}
