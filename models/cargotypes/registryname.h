// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

// The names cargo's configuration gives registries ([registries.NAME], `registry = "NAME"`,
// `--registry NAME`, `--feed NAME` of `cratedesk credential`). One rule, used by the feed
// settings, the cargo setup and the dependency line alike.
namespace RegistryName {

// Empty when cargo accepts `name` as a registry name, else cargo's own sentence for it (a
// Unicode XID identifier that may also hold '-', not starting with a digit). `crates-io` is
// refused too: cargo reserves it for crates.io, so a feed of that name would never be asked.
QString validationError(QStringView name);
inline bool isValid(QStringView name)
{
    return validationError(name).isEmpty();
}

// A name cargo accepts, made from a display name such as "Acme Crates (prod)": the name
// itself when cargo accepts it, else lower case
// (cargo lower-cases names it reads from the environment), every run of other characters one
// '-', no '-' at either end, "feed-" before a leading digit, never empty or `crates-io`.
QString fromDisplayName(QStringView displayName);

} // namespace RegistryName
