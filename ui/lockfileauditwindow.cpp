// SPDX-License-Identifier: GPL-3.0-or-later
#include "lockfileauditwindow.h"

#include "audit/lockfileaudit.h"
#include "itemmodels/lockfileauditmodel.h"
#include "itemmodels/roles.h"
#include "messagebanner.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrentRun>

using namespace Qt::Literals::StringLiterals;
using Status = LockfileAudit::Status;

namespace {

// The status column with an icon a glance can read.
class AuditStatusDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.column() != LockfileAuditModel::StatusColumn)
            return;
        option->features |= QStyleOptionViewItem::HasDecoration;
        const QStyle *style = option->widget ? option->widget->style() : QApplication::style();
        option->icon = icon(Status(index.data(Roles::AuditStatus).toInt()), style);
    }

private:
    static QIcon icon(Status status, const QStyle *style)
    {
        const auto themed = [style](const QString &name, QStyle::StandardPixmap fallback) {
            return QIcon::fromTheme(name, style->standardIcon(fallback));
        };
        switch (status) {
        case Status::Ok: return themed(u"emblem-ok-symbolic"_s, QStyle::SP_DialogApplyButton);
        case Status::Missing:
        case Status::Blocked: return themed(u"dialog-error"_s, QStyle::SP_MessageBoxCritical);
        case Status::Yanked:
        case Status::Error: return themed(u"dialog-warning"_s, QStyle::SP_MessageBoxWarning);
        case Status::Held: return themed(u"appointment-soon"_s, QStyle::SP_MessageBoxWarning);
        case Status::NotRegistry: return themed(u"folder"_s, QStyle::SP_DirIcon);
        case Status::Checking: return themed(u"view-refresh"_s, QStyle::SP_BrowserReload);
        }
        return {};
    }
};

} // namespace

LockfileAuditWindow::LockfileAuditWindow(RegistryClient *client, const QString &feedName, const QString &lockfile, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_audit(new LockfileAudit(client, this))
    , m_model(new LockfileAuditModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_banner(new MessageBanner(this))
    , m_summary(new QLabel(this))
    , m_filter(new QComboBox(this))
    , m_promote(new QPushButton(tr("&Promote Missing…"), this))
    , m_copyReport(new QPushButton(tr("&Copy Report"), this))
    , m_export(new QPushButton(tr("&Export Bill of Materials…"), this))
    , m_lockfile(lockfile)
    , m_view(new QTreeView(this))
    , m_feedName(feedName)
{
    setWindowTitle(tr("Audit of %1 against %2").arg(QFileInfo(lockfile).fileName(), feedName));
    resize(860, 520);
    m_banner->hide();
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setText(tr("Asking %1 about every package of %2…").arg(feedName, lockfile));
    m_filter->setObjectName(u"filter"_s);
    m_filter->addItem(tr("Packages that need attention"), true);
    m_filter->addItem(tr("All packages"), false);

    m_model->setAudit(m_audit);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(Roles::AuditNeedsAttention);
    m_proxy->setFilterFixedString(u"true"_s);
    m_view->setModel(m_proxy);
    m_view->setAccessibleName(tr("Packages of the lockfile"));
    m_view->setRootIsDecorated(false);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->setItemDelegate(new AuditStatusDelegate(m_view));
    m_view->header()->setSectionResizeMode(LockfileAuditModel::CrateColumn, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(LockfileAuditModel::VersionColumn, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(LockfileAuditModel::StatusColumn, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(LockfileAuditModel::LicenseColumn, QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(true);
    m_view->sortByColumn(LockfileAuditModel::CrateColumn, Qt::AscendingOrder);
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setFilterFixedString(m_filter->currentData().toBool() ? u"true"_s : QString());
    });

    m_promote->setObjectName(u"promoteMissing"_s);
    m_promote->setToolTip(tr("Copy the missing versions into %1 from another feed, with cargo's metadata, dependencies first.").arg(feedName));
    m_promote->setEnabled(false);
    connect(m_promote, &QPushButton::clicked, this, [this] { Q_EMIT promoteRequested(m_feedName, missing()); });

    m_copyReport->setObjectName(u"copyReport"_s);
    m_copyReport->setEnabled(false);
    connect(m_copyReport, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(m_audit->textReport()); });
    m_export->setObjectName(u"exportBom"_s);
    m_export->setToolTip(tr("Save a CycloneDX 1.5 JSON bill of materials: every package with its package URL, checksum and license."));
    m_export->setEnabled(false);
    connect(m_export, &QPushButton::clicked, this, [this] {
        auto *dialog = new QFileDialog(this, tr("Export Bill of Materials"), QFileInfo(m_lockfile).dir().filePath(u"bom.cdx.json"_s),
                                       tr("CycloneDX JSON (*.cdx.json *.json)"));
        dialog->setAcceptMode(QFileDialog::AcceptSave);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QFileDialog::fileSelected, this, &LockfileAuditWindow::exportBillOfMaterials);
        dialog->open();
    });
    connect(this, &LockfileAuditWindow::exported, this, [this](const QString &path, const QString &error) {
        if (error.isEmpty())
            m_banner->showMessage(MessageBanner::Kind::Positive, tr("The bill of materials is in %1.").arg(path));
        else
            m_banner->showMessage(MessageBanner::Kind::Error, tr("The bill of materials could not be saved: %1").arg(error));
    });

    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_filter);
    top->addWidget(m_copyReport);
    top->addWidget(m_export);
    top->addWidget(m_promote);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);

    connect(m_audit, &LockfileAudit::failed, this, [this](const QString &error) {
        m_summary->setText(tr("Nothing was audited."));
        m_banner->showMessage(MessageBanner::Kind::Error, error);
    });
    connect(m_audit, &LockfileAudit::finished, this, &LockfileAuditWindow::showSummary);
    m_audit->setLooksUpLicenses(true); // the License column, and the bill of materials
    m_audit->startFile(lockfile);
}

LockfileAuditWindow::~LockfileAuditWindow() = default;

void LockfileAuditWindow::exportBillOfMaterials(const QString &path)
{
    const QByteArray document = m_audit->billOfMaterials(QFileInfo(m_lockfile).absoluteDir().dirName());
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        Q_EMIT exported(path, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([path, document] {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(document) != document.size() || !file.commit())
            return file.errorString();
        return QString();
    }));
}

QList<std::pair<QString, QString>> LockfileAuditWindow::missing() const
{
    QList<std::pair<QString, QString>> versions;
    for (const LockfileAudit::Row &row : m_audit->rows()) {
        if (row.status == Status::Missing)
            versions.append({row.name, row.version});
    }
    return versions;
}

QString LockfileAuditWindow::summaryText() const
{
    return m_summary->text();
}

void LockfileAuditWindow::showSummary()
{
    const int total = int(m_audit->rows().size());
    const int attention = m_audit->count(Status::Missing) + m_audit->count(Status::Yanked) + m_audit->count(Status::Blocked)
        + m_audit->count(Status::Held) + m_audit->count(Status::Error);
    QStringList parts{tr("%1 in %2 as locked").arg(m_audit->count(Status::Ok)).arg(m_feedName)};
    const QList<std::pair<Status, QString>> kinds{{Status::Missing, tr("%1 missing")}, {Status::Yanked, tr("%1 yanked")},
                                                  {Status::Blocked, tr("%1 blocked")}, {Status::Held, tr("%1 held")},
                                                  {Status::Error, tr("%1 not checked")},
                                                  {Status::NotRegistry, tr("%1 not from a registry")}};
    for (const auto &[status, text] : kinds) {
        if (const int n = m_audit->count(status))
            parts << text.arg(n);
    }
    QString summary = tr("%n package(s): %1", nullptr, total).arg(parts.join(u", "_s));
    for (const QString &warning : m_audit->warnings())
        summary += u'\n' + warning;
    m_summary->setText(summary);
    m_promote->setEnabled(m_audit->count(Status::Missing) > 0);
    m_copyReport->setEnabled(true);
    m_export->setEnabled(true);
    if (attention == 0) {
        m_filter->setCurrentIndex(1);
        m_banner->showMessage(MessageBanner::Kind::Positive, tr("Everything this project locks from a registry is in %1.").arg(m_feedName));
    }
}
