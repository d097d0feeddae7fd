// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

// Package names: what a registry accepts, how it tells two names apart, and where the sparse
// index keeps them.
namespace CrateName {

inline constexpr qsizetype MaxLength = 64;

// Empty when crates.io would accept the name, else a sentence for the user that quotes it.
// cargo itself is laxer (any XID identifier, any length), but a crate that crates.io refuses
// cannot move there later, and non-ASCII names break cargo's own index paths.
QString validationError(QStringView name);
inline bool isValid(QStringView name) { return validationError(name).isEmpty(); }

// The uniqueness key: "Foo-Bar", "foo_bar" and "FOO-bar" are one crate.
QString canonical(QStringView name);

// Where the sparse index keeps the crate's file, relative to the index root, lower-cased as
// cargo requests it: "1/a", "2/ab", "3/a/abc", "se/rd/serde". Empty when cargo could not
// compute one: an empty name, or one whose byte slicing would cut a UTF-8 character.
QString indexPath(QStringView name);

// The directory part alone, as `{prefix}` (original case) and `{lowerprefix}` in a dl
// template: "My/_C" and "my/_c" for "My_Crate", then "1", "2", "3/a".
QString prefix(QStringView name);
QString lowerPrefix(QStringView name);

} // namespace CrateName
