// SPDX-License-Identifier: GPL-3.0-or-later
#include "cratename.h"

#include <QByteArray>
#include <QCoreApplication>

#include <algorithm>
#include <iterator>

using namespace Qt::Literals::StringLiterals;

namespace {

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isAllowedChar(QChar c)
{
    return isAsciiLetter(c) || (c >= u'0' && c <= u'9') || c == u'-' || c == u'_';
}

// Device names Windows will not create a file for, whatever the case: the crate could not be
// unpacked or built there.
bool isWindowsReserved(QStringView name)
{
    static constexpr QStringView plain[] = {u"con", u"prn", u"aux", u"nul"};
    for (const QStringView device : plain) {
        if (name.compare(device, Qt::CaseInsensitive) == 0)
            return true;
    }
    return name.size() == 4 && (name.startsWith(u"com", Qt::CaseInsensitive) || name.startsWith(u"lpt", Qt::CaseInsensitive))
        && name.at(3) >= u'1' && name.at(3) <= u'9';
}

// One character as CrateName::canonical() writes it.
char16_t canonicalChar(QChar c)
{
    const char16_t lower = c.toLower().unicode();
    return lower == u'-' ? u'_' : lower;
}

// CrateName::canonical(a) == CrateName::canonical(b), without making either: every crate name
// the feed or the index parser checks is compared with the whole reserved list.
bool canonicallyEqual(QStringView a, QStringView b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (canonicalChar(a.at(i)) != canonicalChar(b.at(i)))
            return false;
    }
    return true;
}

// crates.io's reserved_crate_names table: the crates of the Rust distribution, old and new.
// crates.io compares them canonically, so "proc-macro" is as reserved as "proc_macro".
QStringView reservedMatch(QStringView name)
{
    static constexpr QStringView reserved[] = {
        u"alloc",          u"arena",       u"ast",          u"builtins",       u"collections",
        u"compiler-builtins", u"compiler-rt", u"compiletest", u"core",       u"coretest",
        u"debug",          u"driver",      u"flate",        u"fmt_macros",     u"grammar",
        u"graphviz",       u"macro",       u"macros",       u"proc_macro",     u"rbml",
        u"rust-installer", u"rustbook",    u"rustc",        u"rustc_back",     u"rustc_borrowck",
        u"rustc_driver",   u"rustc_llvm",  u"rustc_resolve", u"rustc_trans",   u"rustc_typeck",
        u"rustdoc",        u"rustllvm",    u"rustuv",       u"serialize",      u"std",
        u"syntax",         u"test",        u"unicode",
    };
    for (const QStringView candidate : reserved) {
        if (canonicallyEqual(candidate, name))
            return candidate;
    }
    return {};
}

// Rust's keywords, strict and reserved, across editions (cargo's list). Case matters: "Self"
// is a keyword and "SELF" is not.
bool isKeyword(QStringView name)
{
    static constexpr QStringView keywords[] = {
        u"Self",  u"abstract", u"as",     u"async",  u"await",   u"become", u"box",    u"break",  u"const",
        u"continue", u"crate", u"do",     u"dyn",    u"else",    u"enum",   u"extern", u"false",  u"final",
        u"fn",    u"for",      u"gen",    u"if",     u"impl",    u"in",     u"let",    u"loop",   u"macro",
        u"match", u"mod",      u"move",   u"mut",    u"override", u"priv",  u"pub",    u"ref",    u"return",
        u"self",  u"static",   u"struct", u"super",  u"trait",   u"true",   u"try",    u"type",   u"typeof",
        u"unsafe", u"unsized", u"use",    u"virtual", u"where",  u"while",  u"yield",
    };
    return std::find(std::begin(keywords), std::end(keywords), name) != std::end(keywords);
}

bool isUtf8Boundary(const QByteArray &bytes, qsizetype at)
{
    return at >= bytes.size() || (static_cast<unsigned char>(bytes.at(at)) & 0xC0) != 0x80;
}

// cargo's make_dep_path, byte for byte: it measures and slices the UTF-8 bytes.
QString dependencyPath(const QString &name, bool prefixOnly)
{
    const QByteArray bytes = name.toUtf8();
    QByteArray path;
    switch (bytes.size()) {
    case 0:
        return {};
    case 1:
        path = "1";
        break;
    case 2:
        path = "2";
        break;
    case 3:
        if (!isUtf8Boundary(bytes, 1))
            return {};
        path = "3/" + bytes.left(1);
        break;
    default:
        if (!isUtf8Boundary(bytes, 2) || !isUtf8Boundary(bytes, 4))
            return {};
        path = bytes.left(2) + '/' + bytes.mid(2, 2);
        break;
    }
    if (!prefixOnly)
        path += '/' + bytes;
    return QString::fromUtf8(path);
}

} // namespace

namespace CrateName {

QString validationError(QStringView name)
{
    auto invalid = [&](const QString &reason) {
        return QCoreApplication::translate("CrateName", "invalid crate name \"%1\": %2").arg(name, reason);
    };

    if (name.isEmpty())
        return invalid(QCoreApplication::translate("CrateName", "the name is empty"));
    if (!isAsciiLetter(name.front()))
        return invalid(QCoreApplication::translate("CrateName", "the first character must be an ASCII letter"));
    for (const QChar c : name) {
        if (!isAllowedChar(c)) {
            return invalid(QCoreApplication::translate("CrateName", "invalid character '%1'; only ASCII letters, digits, '-' and '_' are allowed").arg(c));
        }
    }
    if (name.size() > MaxLength)
        return invalid(QCoreApplication::translate("CrateName", "%n characters, at most %1 are allowed", nullptr, int(name.size())).arg(MaxLength));
    if (isWindowsReserved(name))
        return invalid(QCoreApplication::translate("CrateName", "it is a reserved Windows device name"));
    if (const QStringView match = reservedMatch(name); !match.isEmpty()) {
        if (match == name)
            return invalid(QCoreApplication::translate("CrateName", "the name is reserved"));
        return invalid(QCoreApplication::translate("CrateName", "the name is reserved (as \"%1\")").arg(match));
    }
    if (isKeyword(name))
        return invalid(QCoreApplication::translate("CrateName", "it is a Rust keyword"));
    return {};
}

QString canonical(QStringView name)
{
    return name.toString().toLower().replace(u'-', u'_');
}

QString indexPath(QStringView name)
{
    return dependencyPath(name.toString().toLower(), false);
}

QString prefix(QStringView name)
{
    return dependencyPath(name.toString(), true);
}

QString lowerPrefix(QStringView name)
{
    return dependencyPath(name.toString().toLower(), true);
}

} // namespace CrateName
