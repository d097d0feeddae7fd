// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: an SPDX license expression as an upstream's index or crate declares it.
// SpdxExpression::parse must accept or refuse with a reason; what it accepts must evaluate
// under license rules, list its licenses and print a normal form that reads back as itself.
#include "curation/spdxexpression.h"

#include <cstdint>
#include <cstdlib>

using namespace Qt::Literals::StringLiterals;

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
    QString error;
    const std::optional<SpdxExpression> expression = SpdxExpression::parse(text, &error);
    LicenseRules rules;
    rules.allowed = {u"MIT"_s, u"Apache-2.0"_s, u"GPL-2.0 WITH Classpath-exception-2.0"_s};
    rules.blocked = {u"GPL-3.0"_s, u"AGPL-3.0-only"_s};
    rules.allowUnknown = false;
    (void)LicenseVerdict::judge(text, rules); // takes any text, parsed or not
    if (!expression) {
        check(!error.isEmpty());
        return 0;
    }
    (void)expression->evaluate(rules);
    (void)expression->evaluate(LicenseRules{});
    (void)expression->licenses();
    const QString normal = expression->toString();
    const std::optional<SpdxExpression> again = SpdxExpression::parse(normal);
    check(again.has_value());
    check(again->toString() == normal);
    check(again->licenses() == expression->licenses());
    return 0;
}
