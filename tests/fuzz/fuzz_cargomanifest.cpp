// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: CargoManifest::parse on hostile TOML (toml++ and the checks on top).
#include "crate/cargomanifest.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray toml(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto result = CargoManifest::parse(toml, QStringLiteral("Cargo.toml"));
    if (!result.isOk()) {
        if (result.error.message.isEmpty())
            std::abort();
        return 0;
    }
    // Copying and comparing walk every field once more.
    const CargoManifest copy = *result.manifest;
    if (!(copy == *result.manifest))
        std::abort();
    return 0;
}
