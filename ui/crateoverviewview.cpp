// SPDX-License-Identifier: GPL-3.0-or-later
#include "crateoverviewview.h"

#include "browse/cratebrowser.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

// A link whose address came from the feed: escaped, and only http(s). In the widget's link
// colour (Qt's HTML import would take the application's, wrong in a window of another theme).
QString linkHtml(const QUrl &url, const QString &text, const QColor &colour)
{
    if (url.isEmpty())
        return {};
    const QString href = QString::fromUtf8(url.toEncoded()).toHtmlEscaped();
    return u"<a href=\"%1\" style=\"color: %3\">%2</a>"_s.arg(href, text.toHtmlEscaped(), colour.name());
}

QString joined(const QStringList &items)
{
    QStringList kept;
    for (const QString &item : items) {
        if (!item.simplified().isEmpty())
            kept << item.simplified();
    }
    return kept.join(u", "_s);
}

} // namespace

CrateOverviewView::CrateOverviewView(CrateBrowser *browser, QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 4);
    m_description = new QLabel(this);
    m_description->setObjectName(u"description"_s);
    m_description->setTextFormat(Qt::PlainText);
    m_description->setWordWrap(true);
    m_description->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_description);

    // Two columns of facts; a fact the feed does not give takes no row.
    auto *columns = new QHBoxLayout;
    columns->setSpacing(24);
    m_left = new QFormLayout;
    m_right = new QFormLayout;
    for (QFormLayout *form : {m_left, m_right}) {
        form->setVerticalSpacing(2);
        form->setLabelAlignment(Qt::AlignLeft);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        form->setRowWrapPolicy(QFormLayout::DontWrapRows);
        columns->addLayout(form, form == m_left ? 3 : 2);
    }
    m_license = addField(u"license"_s, tr("License"), m_left);
    m_links = addField(u"links"_s, tr("Links"), m_left);
    m_keywords = addField(u"keywords"_s, tr("Keywords"), m_left);
    m_authors = addField(u"authors"_s, tr("Authors"), m_left);
    m_owners = addField(u"owners"_s, tr("Owners"), m_left);
    m_rust = addField(u"rust"_s, tr("Rust"), m_right);
    m_published = addField(u"published"_s, tr("Published"), m_right);
    m_size = addField(u"size"_s, tr("Size"), m_right);
    m_downloads = addField(u"downloads"_s, tr("Downloads"), m_right);
    // Links are the one field in rich text: built here from checked http(s) URLs, escaped.
    m_links->setTextFormat(Qt::RichText);
    m_links->setOpenExternalLinks(true);
    m_links->setTextInteractionFlags(Qt::TextBrowserInteraction);
    layout->addLayout(columns);
    dimTitles();

    auto *row = new QHBoxLayout;
    m_dependency = new QLineEdit(this);
    m_dependency->setObjectName(u"dependencyLine"_s);
    m_dependency->setReadOnly(true);
    m_dependency->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_dependency->setAccessibleName(tr("Line for Cargo.toml"));
    m_dependency->setToolTip(tr("Paste this under [dependencies] in Cargo.toml"));
    m_copy = new QPushButton(QIcon::fromTheme(u"edit-copy"_s), tr("&Copy"), this);
    m_copy->setObjectName(u"copyDependencyLine"_s);
    m_copy->setToolTip(tr("Copy the line for Cargo.toml"));
    row->addWidget(m_dependency, 1);
    row->addWidget(m_copy);
    layout->addLayout(row);

    connect(m_copy, &QPushButton::clicked, this, &CrateOverviewView::copyDependencyLine);
    connect(browser, &CrateBrowser::overviewChanged, this, &CrateOverviewView::display);
    connect(browser, &CrateBrowser::cleared, this, [this, browser] { display(browser->overview()); });
    display(browser->overview());
}

CrateOverviewView::~CrateOverviewView() = default;

QLabel *CrateOverviewView::addField(const QString &name, const QString &label, QFormLayout *form)
{
    auto *title = new QLabel(label, this);
    title->setObjectName(name + u"Label"_s);
    m_titles << title;
    auto *value = new QLabel(this);
    value->setObjectName(name);
    value->setTextFormat(Qt::PlainText);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // One line each: a long list of authors is cut at the pane's edge (the tooltip has it
    // all) instead of widening the window.
    value->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    value->setMinimumWidth(40);
    title->setBuddy(value);
    form->addRow(title, value);
    return value;
}

void CrateOverviewView::dimTitles()
{
    // Between text and background, whatever the theme: the titles step back, the facts stay.
    const QPalette current = palette();
    const QColor text = current.color(QPalette::WindowText);
    const QColor back = current.color(QPalette::Window);
    const QColor dim = QColor::fromRgbF(text.redF() * 0.6f + back.redF() * 0.4f, text.greenF() * 0.6f + back.greenF() * 0.4f,
        text.blueF() * 0.6f + back.blueF() * 0.4f);
    for (QLabel *title : std::as_const(m_titles)) {
        QPalette own = title->palette();
        own.setColor(QPalette::WindowText, dim);
        title->setPalette(own);
    }
}

void CrateOverviewView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_copy) { // not while the widgets are built
        dimTitles();
        display(m_shown); // the links in the new link colour
    }
}

void CrateOverviewView::setField(QLabel *value, const QString &text)
{
    value->setText(text);
    if (value != m_links)
        value->setToolTip(text);
    // An unknown field takes no room: the page shows what the feed said, nothing more.
    for (QFormLayout *form : {m_left, m_right}) {
        if (form->indexOf(value) >= 0)
            form->setRowVisible(value, !text.isEmpty());
    }
}

QString CrateOverviewView::fieldText(const QString &field) const
{
    if (field == u"description"_s)
        return m_description->text();
    const auto *label = findChild<QLabel *>(field);
    if (!label)
        return {};
    if (label->textFormat() == Qt::RichText)
        return QTextDocumentFragment::fromHtml(label->text()).toPlainText();
    return label->text();
}

void CrateOverviewView::copyDependencyLine()
{
    if (!m_dependency->text().isEmpty())
        QApplication::clipboard()->setText(m_dependency->text());
}

void CrateOverviewView::display(const CrateOverview &o)
{
    m_shown = o;
    const QColor link = palette().color(QPalette::Link);
    const QLocale locale;
    setVisible(!o.name.isEmpty());
    m_description->setText(o.description);
    m_description->setVisible(!o.description.isEmpty());

    QString license = o.license;
    if (!o.compliance.isEmpty())
        license += u"  ["_s + tr("feed policy: %1").arg(o.compliance) + u']';
    setField(m_license, license);

    QStringList rust;
    if (!o.rustVersion.isEmpty())
        rust << tr("%1 or newer").arg(o.rustVersion);
    if (!o.edition.isEmpty())
        rust << tr("edition %1").arg(o.edition);
    setField(m_rust, rust.join(u", "_s));

    QStringList links;
    if (!o.repository.isEmpty())
        links << linkHtml(o.repository, tr("Repository"), link);
    if (!o.homepage.isEmpty() && o.homepage != o.repository)
        links << linkHtml(o.homepage, tr("Homepage"), link);
    if (!o.documentation.isEmpty())
        links << linkHtml(o.documentation, o.documentationGuessed ? tr("Documentation (docs.rs)") : tr("Documentation"), link);
    setField(m_links, links.join(u" · "_s));
    m_links->setToolTip(
        QStringList {o.repository.toDisplayString(), o.homepage.toDisplayString(), o.documentation.toDisplayString()}
            .filter(u"://"_s)
            .join(u'\n'));

    QString published;
    if (o.published.isValid()) {
        const QString when = locale.toString(o.published.toLocalTime(), QLocale::ShortFormat);
        published = o.publishedBy.isEmpty() ? when : tr("%1 by %2").arg(when, o.publishedBy);
    }
    setField(m_published, published);

    QStringList words;
    if (!o.keywords.isEmpty())
        words << joined(o.keywords);
    if (!o.categories.isEmpty())
        words << joined(o.categories);
    setField(m_keywords, words.join(u" · "_s));
    setField(m_size, o.crateSize >= 0 ? locale.formattedDataSize(o.crateSize) : QString());
    setField(m_authors, joined(o.authors));

    QString downloads;
    if (o.versionDownloads >= 0 && o.crateDownloads >= 0)
        downloads
            = tr("%1 of this version, %2 in all").arg(locale.toString(o.versionDownloads), locale.toString(o.crateDownloads));
    else if (o.versionDownloads >= 0)
        downloads = tr("%1 of this version").arg(locale.toString(o.versionDownloads));
    else if (o.crateDownloads >= 0)
        downloads = tr("%1 in all").arg(locale.toString(o.crateDownloads));
    setField(m_downloads, downloads);
    setField(m_owners, o.owners ? (o.owners->isEmpty() ? tr("none listed") : joined(*o.owners)) : QString());

    m_dependency->setText(o.dependencyLine);
    m_dependency->setCursorPosition(0);
    m_copy->setEnabled(!o.dependencyLine.isEmpty());
}
