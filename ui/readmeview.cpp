// SPDX-License-Identifier: GPL-3.0-or-later
#include "readmeview.h"

#include "browse/crateoverview.h"

#include <QBuffer>
#include <QDesktopServices>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QImageReader>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QtConcurrentRun>

using namespace Qt::Literals::StringLiterals;

namespace {

// Runs on a worker thread: the bytes come from anywhere on the web.
QImage decode(const QByteArray &bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    QImageReader reader(&buffer);
    reader.setAllocationLimit(64); // MB: a small file that claims a huge canvas is refused
    const QSize size = reader.size();
    if (size.isValid() && (size.width() > ReadmeView::MaxImageSide || size.height() > ReadmeView::MaxImageSide))
        reader.setScaledSize(size.scaled(ReadmeView::MaxImageSide, ReadmeView::MaxImageSide, Qt::KeepAspectRatio));
    return reader.read();
}

struct ImageAt
{
    int position;
    int length;
    QTextImageFormat format;
};

QList<ImageAt> imagesOf(const QTextDocument *document)
{
    QList<ImageAt> images;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.isValid() && fragment.charFormat().isImageFormat())
                images.append({fragment.position(), fragment.length(), fragment.charFormat().toImageFormat()});
        }
    }
    return images;
}

} // namespace

ReadmeView::ReadmeView(QWidget *parent) : QTextBrowser(parent)
{
    setOpenLinks(false); // openLink() decides
    // A caret, so that focus shows and text can be selected from the keyboard.
    setTextInteractionFlags(textInteractionFlags() | Qt::TextSelectableByKeyboard);
    m_rerender.setSingleShot(true);
    m_rerender.setInterval(50);
    connect(&m_rerender, &QTimer::timeout, this, &ReadmeView::render);
    connect(this, &QTextBrowser::anchorClicked, this, &ReadmeView::openLink);
}

ReadmeView::~ReadmeView() = default;

void ReadmeView::setReadme(const QString &text, bool markdown, const QString &readmeFile, const QUrl &repository, bool online)
{
    ++m_generation;
    m_text = text;
    m_markdown = markdown;
    m_readmeFile = readmeFile;
    m_repository = repository;
    m_online = online;
    m_images.clear();
    m_asked.clear();
    m_rerender.stop();
    render();
    verticalScrollBar()->setValue(0);
}

void ReadmeView::showMessage(const QString &text, bool italic)
{
    setReadme(text, false, {}, {}, false);
    if (!italic)
        return;
    QTextCursor all(document());
    all.select(QTextCursor::Document);
    QTextCharFormat format;
    format.setFontItalic(true);
    all.mergeCharFormat(format);
}

void ReadmeView::addImage(const QUrl &url, const QByteArray &bytes)
{
    if (!m_asked.contains(url) || bytes.isEmpty())
        return; // not ours, or not to be had: the alt text stays
    auto *watcher = new QFutureWatcher<QImage>(this);
    connect(watcher, &QFutureWatcher<QImage>::finished, this, [this, watcher, url, generation = m_generation] {
        watcher->deleteLater();
        const QImage image = watcher->result();
        if (generation != m_generation || image.isNull())
            return;
        m_images.insert(url, image);
        m_rerender.start();
    });
    watcher->setFuture(QtConcurrent::run(decode, bytes));
}

QVariant ReadmeView::loadResource(int type, const QUrl &name)
{
    // Only what render() put there; never a file, never the network behind our back.
    if (type == QTextDocument::ImageResource)
        return m_images.value(name);
    return {};
}

void ReadmeView::render()
{
    const int scrolled = verticalScrollBar()->value();
    if (!m_markdown) {
        setPlainText(m_text);
        return;
    }
    setMarkdown(m_text);
    QTextDocument *doc = document();
    const QList<ImageAt> images = imagesOf(doc);
    for (auto it = images.crbegin(); it != images.crend(); ++it) {
        QTextCursor cursor(doc);
        cursor.setPosition(it->position);
        cursor.setPosition(it->position + it->length, QTextCursor::KeepAnchor);
        const QString source = it->format.name();
        const QUrl url = CrateOverview::readmeImage(source, m_repository, m_readmeFile);
        if (const auto image = m_images.constFind(url); url.isValid() && image != m_images.cend()) {
            QTextImageFormat format = it->format;
            format.setName(url.toString(QUrl::FullyEncoded));
            // As large as it is, but never wider than the page: a banner must not need scrolling.
            const qreal width = qMin<qreal>(image->width(), qMax(200, viewport()->width() - 40));
            format.setWidth(width);
            format.setHeight(width * image->height() / qMax(1, image->width()));
            doc->addResource(QTextDocument::ImageResource, QUrl(format.name()), *image);
            cursor.setCharFormat(format);
            continue;
        }
        QString alt = it->format.property(QTextFormat::ImageAltText).toString().simplified();
        if (alt.isEmpty())
            alt = QFileInfo(QUrl(source).path()).fileName();
        // The text keeps the link around the image, if any; it is no image any more.
        QTextCharFormat text;
        if (it->format.isAnchor()) {
            text.setAnchor(true);
            text.setAnchorHref(it->format.anchorHref());
            text.setFontUnderline(true);
            text.setForeground(palette().link());
        }
        text.setFontItalic(true);
        cursor.insertText(alt.isEmpty() ? QString() : u"[%1]"_s.arg(alt), text);
        if (m_online && url.isValid() && !m_asked.contains(url)) {
            m_asked.insert(url);
            Q_EMIT imageWanted(url);
        }
    }
    verticalScrollBar()->setValue(scrolled);
}

void ReadmeView::openLink(const QUrl &url)
{
    const QUrl link = CrateOverview::webLink(url.toString());
    if (link.isValid())
        QDesktopServices::openUrl(link);
}
