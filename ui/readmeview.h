// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QImage>
#include <QSet>
#include <QTextBrowser>
#include <QTimer>
#include <QUrl>

// A crate's readme. Its Markdown comes from the feed, so nothing in it reaches out by itself:
// an image shows only once CrateDesk fetched it (imageWanted(), answered with addImage()),
// from the web address it names or, for a relative path, from the crate's repository; until
// then, offline, or when it cannot be had, its alt text stands in its place. Never a broken
// icon, never a file of this machine. Links open only when they are http(s).
class ReadmeView final : public QTextBrowser
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReadmeView)

public:
    explicit ReadmeView(QWidget *parent = nullptr);
    ~ReadmeView() override;

    // `online`: whether images may be fetched (the feed answers, so the network is there).
    void setReadme(const QString &text, bool markdown, const QString &readmeFile, const QUrl &repository, bool online);
    // A message in place of a readme (reading…, none, an error), as plain text; a passing
    // state is set in italics.
    void showMessage(const QString &text, bool italic = true);
    // The bytes of an image asked for; empty when it could not be fetched. Decoded off the
    // GUI thread, then shown.
    void addImage(const QUrl &url, const QByteArray &bytes);

    // The decoded pictures at most this large; larger ones are scaled down.
    static constexpr int MaxImageSide = 2048;

Q_SIGNALS:
    void imageWanted(const QUrl &url);

protected:
    QVariant loadResource(int type, const QUrl &name) override;

private:
    void render();
    void openLink(const QUrl &url);

    QString m_text;
    bool m_markdown = false;
    QString m_readmeFile;
    QUrl m_repository;
    bool m_online = false;
    quint64 m_generation = 0; // bumped by each readme or message
    QHash<QUrl, QImage> m_images;
    QSet<QUrl> m_asked;
    QTimer m_rerender; // several images arriving together: one new layout
};
