// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

#include <toml++/toml.hpp>

// The one door through which TOML from outside (a .crate's Cargo.toml, a cloned project's
// .cargo/config.toml) reaches toml++. Debian's toml++ 3.4 has faults on inputs that a
// fuzzer or a hostile file finds at once: stack overflows on deep nesting, and undefined
// behaviour (__builtin_unreachable()) on some code points where it asks "is this
// whitespace?". prepare() refuses the input that would reach them with a message that says
// what and where, and rewrites the one valid shape that reaches them into the same TOML
// spelled so that it does not (see tomlguard.cpp). Every toml::parse of outside text goes
// through parse(), or through prepare() and then Result::text.
class TomlGuard final
{
public:
    // A longer dotted key or table name is refused; real files need about five parts
    // (target.'cfg(unix)'.dependencies.foo.features).
    static constexpr int MaxKeyParts = 128;
    // Table name parts, dotted key parts, arrays and inline tables, all counted together:
    // the depth of the tree toml++ builds and that its callers walk recursively.
    static constexpr int MaxDepth = 128;

    struct Problem
    {
        int line = 1; // 1-based
        int column = 1; // 1-based, in bytes
        QString message;
    };

    struct Result
    {
        QByteArray text; // what to hand to toml::parse (the input, or its safe rewrite)
        std::optional<Problem> problem;

        bool isOk() const { return !problem.has_value(); }
    };

    static Result prepare(const QByteArray &toml);

    struct Parsed
    {
        std::optional<toml::table> table;
        std::optional<Problem> problem; // the guard's refusal or toml++'s parse error
    };
    // prepare() and toml::parse in one: the way outside TOML becomes a table. `sourceName`
    // goes into toml++'s source positions.
    static Parsed parse(const QByteArray &toml, const QString &sourceName = {});
};
