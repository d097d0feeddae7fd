// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: CargoLock::parse on a hostile Cargo.lock. What it accepts must hold only
// valid names, SemVer versions and sha256 checksums, and a registry package its index.
#include "cargotypes/cratename.h"
#include "cargotypes/semver.h"
#include "crate/cargolock.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray toml(reinterpret_cast<const char *>(data), qsizetype(size));
    const CargoLock::Result result = CargoLock::parse(toml);
    if (!result.lock) {
        if (result.error.isEmpty())
            std::abort();
        return 0;
    }
    for (const CargoLock::Package &package : result.lock->packages) {
        if (!CrateName::isValid(package.name) || !SemVer::parse(package.version))
            std::abort();
        if (!package.checksum.isEmpty() && package.checksum.size() != 64)
            std::abort();
        const bool registry = package.origin == CargoLock::Package::Origin::Registry;
        if (registry == package.registryIndex().isEmpty())
            std::abort();
    }
    return 0;
}
