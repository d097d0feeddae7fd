// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "testcrate.h"

#include <QList>

// Three versions of one crate, each changing what Compare Versions and `cratedesk diff` tell
// apart: from 1.0.0 to 1.1.0 a file is added, one removed, a text file, a binary file and a
// file over the text-diff limit change, one stays; license, edition, rust-version and links
// change; a dependency's requirement changes, one is added, a dev-dependency removed, a
// target-specific one stays; features are added, removed and changed.
namespace EvolvingCrate {

inline QByteArray bigText(int changedLine)
{
    QByteArray text;
    for (int line = 0; line < 60000; ++line) // about 3 MB, more than a text diff reads
        text += "line " + QByteArray::number(line == changedLine ? -line : line) + " of a large generated table\n";
    return text;
}

inline QList<TestCrate> versions()
{
    TestCrate early(QStringLiteral("evolving"), QStringLiteral("0.9.0"));

    TestCrate older(QStringLiteral("evolving"), QStringLiteral("1.0.0"));
    older.extraManifest = "rust-version = \"1.70\"\n\n"
                          "[dependencies]\nserde = { version = \"1.0\", optional = true }\nlibc = \"0.2\"\n\n"
                          "[dev-dependencies]\nlog = \"0.4\"\n\n"
                          "[target.'cfg(unix)'.dependencies]\nnix = \"0.26\"\n\n"
                          "[features]\ndefault = [\"std\"]\nstd = []\nderive = [\"serde\"]\nold = []\n";
    older.files = {{QStringLiteral("README.md"), "# evolving\n"},
                   {QStringLiteral("same.txt"), "unchanged\n"},
                   {QStringLiteral("data.bin"), QByteArray("\x00\x01\x02\x03", 4)},
                   {QStringLiteral("big.txt"), bigText(-1)},
                   {QStringLiteral("src/extra.rs"), "fn one() {}\nfn two() {}\nfn three() {}\nfn four() {}\n"}};

    TestCrate newer(QStringLiteral("evolving"), QStringLiteral("1.1.0"));
    newer.license = "MIT OR Apache-2.0";
    newer.edition = "2024";
    newer.extraManifest = "rust-version = \"1.75\"\nlinks = \"evolving\"\n\n"
                          "[dependencies]\nserde = { version = \"1.0.200\", optional = true }\nlibc = \"0.2\"\nanyhow = \"1\"\n\n"
                          "[target.'cfg(unix)'.dependencies]\nnix = \"0.26\"\n\n"
                          "[features]\ndefault = [\"std\", \"derive\"]\nstd = []\nderive = [\"serde\"]\nfast = []\n";
    newer.files = {{QStringLiteral("CHANGELOG.md"), "## 1.1.0\n\n- faster\n"},
                   {QStringLiteral("same.txt"), "unchanged\n"},
                   {QStringLiteral("data.bin"), QByteArray("\x00\x01\x02\x04", 4)},
                   {QStringLiteral("big.txt"), bigText(30000)},
                   {QStringLiteral("src/extra.rs"), "fn one() {}\nfn two() -> u8 { 2 }\nfn three() {}\nfn four() {}\n"}};
    return {early, older, newer};
}

} // namespace EvolvingCrate
