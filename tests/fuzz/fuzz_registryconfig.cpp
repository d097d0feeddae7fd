// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: a feed's config.json, the first thing any feed (or a hostile one) sends.
// RegistryConfig::parse must accept or refuse with a reason, and what it accepts must give
// download and API URLs without a fault, whatever `dl` and `api` hold.
#include "cargotypes/registryconfig.h"

#include <cstdint>
#include <cstdlib>

using namespace Qt::Literals::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const std::optional<RegistryConfig> config = RegistryConfig::parse(json, &error);
    if (!config) {
        if (error.isEmpty())
            std::abort();
        return 0;
    }
    if (config->dl.isEmpty())
        std::abort();
    // Names and versions as an index may give them, short and long; the checksum as cargo sends it.
    const QString cksum(64, u'a');
    for (const auto &[crate, version] : {std::pair{u"a"_s, u"0.1.0"_s}, std::pair{u"ab"_s, u"1.0.0-rc.1+b"_s},
                                         std::pair{u"abc"_s, u"2.0.0"_s}, std::pair{u"Serde_JSON-x"_s, u"1.0.0"_s}})
        (void)config->downloadUrl(crate, version, cksum);
    (void)config->apiUrl(u"/crates?q=x"_s);
    return 0;
}
