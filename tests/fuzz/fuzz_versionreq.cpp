// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: version requirements and versions as index lines, publish metadata and
// command lines give them. The input is "VERSION\nREQUIREMENT" (without a newline, both
// read the whole text). Each must parse or be refused with a reason; what parses must print
// back as cargo would and read back as itself, and matching must never fault.
#include "cargotypes/semver.h"
#include "cargotypes/versionreq.h"

#include <cstdint>
#include <cstdlib>

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype newline = text.indexOf(u'\n');
    const QStringView versionText = newline < 0 ? QStringView(text) : QStringView(text).first(newline);
    const QStringView reqText = newline < 0 ? QStringView(text) : QStringView(text).sliced(newline + 1);

    QString error;
    const std::optional<SemVer> version = SemVer::parse(versionText, &error);
    if (version) {
        check(version->toString() == versionText); // "exactly the text it was parsed from"
        check(version->comparePrecedence(*version) == 0);
        const std::optional<SemVer> stripped = SemVer::parse(version->withoutBuild());
        check(stripped && stripped->comparePrecedence(*version) == 0);
    } else {
        check(!error.isEmpty());
    }

    error.clear();
    const std::optional<VersionReq> req = VersionReq::parse(reqText, &error);
    if (!req) {
        check(!error.isEmpty());
        return 0;
    }
    check(req->comparators().size() <= VersionReq::MaxComparators);
    const std::optional<VersionReq> again = VersionReq::parse(req->toString());
    check(again.has_value());
    check(again->toString() == req->toString());
    if (version) {
        (void)req->matches(*version);
        (void)req->highestMatching({*version, SemVer(0, 0, 0), SemVer(1, 0, 0)});
    }
    return 0;
}
