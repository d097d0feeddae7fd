// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// What the user asked for when registering a feed with cargo (dialog or `cratedesk
// cargo-setup`). Plain data; CargoSetupPlan turns it into file changes.
struct CargoSetupOptions
{
    // Keychain: cargo asks `cratedesk credential` for the token, which answers from the one
    // keychain entry CrateDesk already keeps for the feed. CargoToken: cargo's own
    // `cargo:token`, i.e. the token copied in plain text into credentials.toml (only when
    // the user asks for it).
    enum class TokenHandling { Keychain, CargoToken };

    QString registryName;  // the name cargo knows the feed by ([registries.NAME])
    QString cargoIndexUrl; // "sparse+https://host/path/"
    bool makeDefault = false;
    bool proxyCratesIo = false;
    TokenHandling tokenHandling = TokenHandling::Keychain;
    // The provider command without `--cargo-plugin`, e.g. {"/usr/bin/cratedesk", "credential",
    // "--feed", "NAME"}; only for Keychain.
    QStringList providerCommand;
    QString cargoHome;  // $CARGO_HOME: global config.toml and credentials.toml live here
    QString projectDir; // when set, the config goes to PROJECT/.cargo/config.toml instead
    QByteArray token;   // only for CargoToken; never shown in a diff

    // {PROGRAM, "credential", "--feed", FEED}: what cargo runs to ask for a feed's token.
    // PROGRAM is the command-line cratedesk even when the window asks (it runs as
    // cratedesk-desktop): cargo starts the provider for every authenticated command, and the
    // desktop binary would load the widgets each time.
    static QStringList providerCommandFor(const QString &feedCommandLineName);
    // `running` unless it is cratedesk-desktop; then the cratedesk beside it (a build tree) or
    // in the bin folder of its installation.
    static QString commandLineProgram(const QString &running);

    // The folder whose config.toml is edited.
    QString configDir() const { return projectDir.isEmpty() ? cargoHome : projectDir + QStringLiteral("/.cargo"); }
};
