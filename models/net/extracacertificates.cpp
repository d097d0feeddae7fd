// SPDX-License-Identifier: GPL-3.0-or-later
#include "extracacertificates.h"

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QSet>
#include <QSettings>
#include <QSslConfiguration>

using namespace Qt::Literals::StringLiterals;

namespace {

// Qt's configuration before the first install, so that a later load or a cleared file starts
// from exactly what Qt had, never from an earlier file's CAs.
const QSslConfiguration &originalConfiguration()
{
    static const QSslConfiguration original = QSslConfiguration::defaultConfiguration();
    return original;
}

// The system's CAs, each once. Where Qt cannot look them up on demand it has read them all
// already (on Debian the bundle and every file beside it: each CA twice), so those are reused
// rather than read a second time; else they are read here.
QList<QSslCertificate> systemCasOnce()
{
    QList<QSslCertificate> system = originalConfiguration().caCertificates();
    if (system.isEmpty())
        system = QSslConfiguration::systemCaCertificates();
    return system;
}

// Every TLS context copies each CA into OpenSSL's store, duplicates too.
QList<QSslCertificate> withoutDuplicates(const QList<QSslCertificate> &certificates)
{
    QList<QSslCertificate> distinct;
    distinct.reserve(certificates.size());
    QSet<QByteArray> seen;
    for (const QSslCertificate &certificate : certificates) {
        const qsizetype before = seen.size();
        seen.insert(certificate.digest(QCryptographicHash::Sha256));
        if (seen.size() > before)
            distinct.append(certificate);
    }
    return distinct;
}

} // namespace

QString ExtraCaCertificates::configuredFile(const QSettings &settings)
{
    return settings.value(FileKey).toString();
}

void ExtraCaCertificates::setConfiguredFile(QSettings &settings, const QString &file)
{
    if (file.isEmpty())
        settings.remove(FileKey);
    else
        settings.setValue(FileKey, file);
}

QString ExtraCaCertificates::commandLineFile(const QSettings &settings, const QProcessEnvironment &environment)
{
    const QString fromCargo = environment.value(CargoVariable);
    return fromCargo.isEmpty() ? configuredFile(settings) : fromCargo;
}

ExtraCaCertificates::Loaded ExtraCaCertificates::load(const QString &file)
{
    Loaded loaded;
    loaded.file = file;
    if (file.isEmpty())
        return loaded;
    const QString shown = QDir::toNativeSeparators(file);
    QFile pem(file);
    if (!pem.open(QIODevice::ReadOnly)) {
        loaded.error = tr("The CA certificates file %1 cannot be read: %2").arg(shown, pem.errorString());
        return loaded;
    }
    // Read one byte past the limit rather than trusting size(): a pipe or /proc file has none.
    const QByteArray data = pem.read(MaximumFileBytes + 1);
    if (data.size() > MaximumFileBytes) {
        loaded.error = tr("The CA certificates file %1 is larger than %2 MiB; it should hold PEM certificates only.")
                           .arg(shown)
                           .arg(MaximumFileBytes / (1024 * 1024));
        return loaded;
    }
    QList<QSslCertificate> certificates = QSslCertificate::fromData(data, QSsl::Pem);
    certificates.removeIf([](const QSslCertificate &certificate) { return certificate.isNull(); });
    if (certificates.isEmpty()) {
        loaded.error = tr("The CA certificates file %1 holds no PEM certificate (-----BEGIN CERTIFICATE-----).").arg(shown);
        return loaded;
    }
    loaded.fromFile = certificates.size();
    // Adding to Qt's list turns off its loading of the system's CAs on demand, so they are
    // named here, once, off the caller's thread.
    loaded.trusted = withoutDuplicates(systemCasOnce() + certificates);
    return loaded;
}

void ExtraCaCertificates::install(const Loaded &loaded)
{
    QSslConfiguration configuration = originalConfiguration();
    if (!loaded.trusted.isEmpty())
        configuration.setCaCertificates(loaded.trusted);
    QSslConfiguration::setDefaultConfiguration(configuration);
}
