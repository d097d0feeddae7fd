// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cargotypes/feed.h"

#include <QDialog>

class FeedSessions;
class MessageBanner;
class PromotionModel;
class PromotionSession;
class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTreeView;

// Promotes versions into one feed from another the user picks: first the plan (what will be
// promoted, what is already there, what the source lacks, dependencies first), then the run,
// row by row. The work is a PromotionSession's; the dialog only drives and shows it.
class PromotionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PromotionDialog)

public:
    // `versions` are (NAME, VERSION); `feeds` the ones the user has, the target among them.
    PromotionDialog(FeedSessions *sessions, const FeedList &feeds, const QString &targetFeed,
                    const QList<std::pair<QString, QString>> &versions, QWidget *parent = nullptr);
    ~PromotionDialog() override;

    PromotionSession *session() const { return m_session; }
    PromotionModel *model() const { return m_model; }
    QComboBox *sourceChooser() const { return m_source; }
    QString summaryText() const;
    // Plans again from the chosen source (also when the source or the closure option changes).
    void replan();

Q_SIGNALS:
    void planned();
    void finished();

private:
    void showPlan();
    void showResult();
    std::optional<Feed> feedNamed(const QString &name) const;

    FeedSessions *m_sessions;
    FeedList m_feeds;
    Feed m_target;
    QList<std::pair<QString, QString>> m_versions;
    PromotionSession *m_session = nullptr;
    PromotionModel *m_model;
    MessageBanner *m_banner;
    QComboBox *m_source;
    QCheckBox *m_withDependencies;
    QLabel *m_summary;
    QTreeView *m_view;
    QPushButton *m_promote;
};
