// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QLatin1StringView>
#include <QList>
#include <QSslCertificate>
#include <QString>

class QProcessEnvironment;
class QSettings;

// Certificate authorities a feed's https certificate may chain to besides the system's: a
// company's own CA, the one cargo is told of with http.cainfo. One PEM file, read with a
// bound; its certificates join the system's for every request of the process. The setting's
// key, cargo's variable and the file's limits live here only.
class ExtraCaCertificates
{
    Q_DECLARE_TR_FUNCTIONS(ExtraCaCertificates)

public:
    static constexpr QLatin1StringView FileKey{"network/caFile"};
    // cargo's own variable: the command line trusts what the cargo next to it trusts.
    static constexpr QLatin1StringView CargoVariable{"CARGO_HTTP_CAINFO"};
    // A system's whole bundle is about 200 KiB; anything much larger is not a CA file.
    static constexpr qint64 MaximumFileBytes = 4 * 1024 * 1024;

    struct Loaded
    {
        QString file;
        // The system's CAs and the file's, ready for install(); empty when the file is bad.
        QList<QSslCertificate> trusted;
        qsizetype fromFile = 0;
        QString error; // what is wrong with the file, naming it

        bool ok() const { return error.isEmpty(); }
    };

    static QString configuredFile(const QSettings &settings);
    static void setConfiguredFile(QSettings &settings, const QString &file);
    // For the command line: cargo's variable when set, as it wins over cargo's config, else
    // the setting.
    static QString commandLineFile(const QSettings &settings, const QProcessEnvironment &environment);

    // Reads the file and the system's CAs: blocking, so the app calls it on a worker thread.
    // An empty name loads nothing and is ok.
    static Loaded load(const QString &file);
    // From now on, TLS in this process trusts what `loaded` holds (nothing loaded: the
    // system's CAs only, loaded by Qt as it needs them). Cheap; thread-safe.
    static void install(const Loaded &loaded);
};
