// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "crate/publishcandidate.h"
#include "cargotypes/registryerror.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QStringList>

class QTimer;
class RegistryClient;
class RegistryReply;

// Publishes one checked crate to one feed, the way `cargo publish` does: the framed PUT, then
// polling the index until the version is visible. "Uploaded" and "visible in the index" are
// separate stages because a registry may accept a crate and index it later. Finishes once.
class CratePublisher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CratePublisher)

public:
    enum class Route {
        CargoApi,     // PUT {api}/api/v1/crates/new, as cargo does
        ProGetUpload, // PUT /api/packages/{feed}/upload with the raw .crate
    };
    enum class Stage {
        Waiting,
        Uploading,
        WaitingForIndex, // uploaded, not yet in the index
        Visible,         // done: uploaded and in the index
        NotVisible,      // done: uploaded, but the index did not show it in time
        Failed,
        Cancelled,
    };
    Q_ENUM(Stage)

    CratePublisher(RegistryClient *client, const PublishCandidate &candidate, QObject *parent = nullptr);
    ~CratePublisher() override;

    void setRoute(Route route) { m_route = route; }
    // cargo waits 60 s and looks once a second.
    void setVisibilityTimeout(int ms) { m_visibilityTimeoutMs = ms; }
    void setPollInterval(int ms) { m_pollIntervalMs = ms; }

    void start();
    // Stops the upload; once uploaded, stops waiting for the index (the crate stays published).
    void cancel();
    // The feed went away (RegistryClient::retired): ends now, saying why.
    void abandon(const QString &reason);

    const PublishCandidate &candidate() const { return m_candidate; }
    Stage stage() const { return m_stage; }
    bool isFinished() const;
    const RegistryError &error() const { return m_error; }
    QStringList warnings() const { return m_warnings; }

    static bool isFinal(Stage stage);
    static QString stageText(Stage stage);

Q_SIGNALS:
    void uploadProgress(qint64 sent, qint64 total);
    void stageChanged(CratePublisher::Stage stage);
    void finished();

private:
    void setStage(Stage stage);
    void upload(const QByteArray &body);
    void uploaded();
    void poll();
    void fail(const RegistryError &error);

    QPointer<RegistryClient> m_client; // null once the feed was edited or removed
    QString m_feedName;
    PublishCandidate m_candidate;
    Route m_route = Route::CargoApi;
    Stage m_stage = Stage::Waiting;
    RegistryError m_error;
    QStringList m_warnings;
    int m_visibilityTimeoutMs = 60000;
    int m_pollIntervalMs = 1000;
    QPointer<RegistryReply> m_reply;
    QTimer *m_pollTimer;
    QElapsedTimer m_sinceUpload;
};
