// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagebanner.h"

#include <QTextDocument>

#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QStyle>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

struct KindLook
{
    const char16_t *themeIcon;
    QStyle::StandardPixmap fallback;
    const char *accessibleName; // translated where it is used
};

KindLook look(MessageBanner::Kind kind)
{
    switch (kind) {
    case MessageBanner::Kind::Positive:
        return {u"dialog-positive", QStyle::SP_DialogApplyButton, QT_TRANSLATE_NOOP("MessageBanner", "Success")};
    case MessageBanner::Kind::Warning:
        return {u"dialog-warning", QStyle::SP_MessageBoxWarning, QT_TRANSLATE_NOOP("MessageBanner", "Warning")};
    case MessageBanner::Kind::Error:
        return {u"dialog-error", QStyle::SP_MessageBoxCritical, QT_TRANSLATE_NOOP("MessageBanner", "Error")};
    case MessageBanner::Kind::Information:
        break;
    }
    return {u"dialog-information", QStyle::SP_MessageBoxInformation, QT_TRANSLATE_NOOP("MessageBanner", "Information")};
}

} // namespace

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_buttonLayout(new QHBoxLayout)
    , m_close(new QToolButton(this))
{
    setAutoFillBackground(false);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 8, 6, 8);
    layout->setSpacing(10);

    m_icon->setObjectName(u"icon"_s);
    m_text->setObjectName(u"text"_s);
    m_close->setObjectName(u"close"_s);
    m_icon->setAlignment(Qt::AlignTop);
    m_icon->setAccessibleName(tr("Message kind"));
    m_text->setWordWrap(true);
    // Users copy server messages into bug reports and searches.
    m_text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_text->setOpenExternalLinks(false);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    connect(m_text, &QLabel::linkActivated, this, &MessageBanner::linkActivated);

    m_buttonLayout->setSpacing(6);
    m_close->setAutoRaise(true);
    m_close->setIcon(QIcon::fromTheme(u"dialog-close"_s, style()->standardIcon(QStyle::SP_TitleBarCloseButton)));
    m_close->setToolTip(tr("Close"));
    m_close->setAccessibleName(tr("Close message"));
    connect(m_close, &QToolButton::clicked, this, [this] {
        hide();
        Q_EMIT closed();
    });

    // Buttons sit under the text, right-aligned: server messages are long, and a button row
    // beside them would squeeze them into a narrow column.
    auto *body = new QVBoxLayout;
    body->setSpacing(6);
    body->addWidget(m_text);
    m_buttonLayout->addStretch(1);
    body->addLayout(m_buttonLayout);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addLayout(body, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    updateIcon();
}

MessageBanner::~MessageBanner() = default;

QColor MessageBanner::color(Kind kind)
{
    // Breeze's semantic colours, which read well on light and dark palettes alike.
    switch (kind) {
    case Kind::Positive:
        return QColor(0x27, 0xae, 0x60);
    case Kind::Warning:
        return QColor(0xf6, 0x74, 0x00);
    case Kind::Error:
        return QColor(0xda, 0x44, 0x53);
    case Kind::Information:
        break;
    }
    return QColor(0x3d, 0xae, 0xe9);
}

void MessageBanner::setKind(Kind kind)
{
    m_kind = kind;
    updateIcon();
    update();
}

QString MessageBanner::text() const
{
    return m_text->text();
}

void MessageBanner::setText(const QString &text)
{
    m_text->setTextFormat(Qt::PlainText);
    // Plain text has no link to visit: Tab passes it by instead of stopping on nothing.
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setText(text);
    setAccessibleDescription(text);
    updateMinimumHeight();
}

void MessageBanner::setRichText(const QString &html)
{
    m_text->setTextFormat(Qt::RichText);
    m_text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_text->setText(html);
    QTextDocument document;
    document.setHtml(html);
    setAccessibleDescription(document.toPlainText());
    updateMinimumHeight();
}

bool MessageBanner::isCloseButtonVisible() const
{
    return !m_close->isHidden();
}

void MessageBanner::setCloseButtonVisible(bool visible)
{
    m_close->setVisible(visible);
}

void MessageBanner::showMessage(Kind kind, const QString &text)
{
    clearButtons();
    setKind(kind);
    setText(text);
    show();
}

void MessageBanner::showRichMessage(Kind kind, const QString &html)
{
    clearButtons();
    setKind(kind);
    setRichText(html);
    show();
}

QPushButton *MessageBanner::addButton(const QString &text)
{
    auto *button = new QPushButton(text, this);
    button->setAutoDefault(false); // Return belongs to the dialog's default button
    m_buttonLayout->addWidget(button, 0, Qt::AlignVCenter);
    m_buttons.append(button);
    updateMinimumHeight();
    return button;
}

void MessageBanner::clearButtons()
{
    for (QPushButton *button : std::as_const(m_buttons))
        delete button;
    m_buttons.clear();
    updateMinimumHeight();
}

void MessageBanner::updateMinimumHeight()
{
    // Wrapped text needs more height the narrower the banner is. Layouts of top-level windows
    // ignore height-for-width, so the banner states it as a minimum and the window grows
    // instead of clipping the message.
    // Before its parent's layout has placed it, the banner's width is a default that would
    // ask for far too much height; resizeEvent() comes back once the width is real.
    if (!layout() || (parentWidget() && parentWidget()->layout() && !testAttribute(Qt::WA_LaidOut)))
        return;
    layout()->activate();
    const int needed = heightForWidth(width());
    if (needed > 0 && needed != minimumHeight())
        setMinimumHeight(needed);
}

void MessageBanner::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    updateMinimumHeight();
}

void MessageBanner::updateIcon()
{
    const KindLook l = look(m_kind);
    const QIcon icon = QIcon::fromTheme(QString::fromUtf16(l.themeIcon), style()->standardIcon(l.fallback));
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this) + 6;
    m_icon->setPixmap(icon.pixmap(QSize(size, size), devicePixelRatioF()));
    setAccessibleName(tr(l.accessibleName));
}

void MessageBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::StyleChange || event->type() == QEvent::PaletteChange)
        updateIcon();
}

void MessageBanner::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor accent = color(m_kind);
    QColor fill = accent;
    fill.setAlphaF(0.18f);
    const QRectF box = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    painter.setPen(QPen(accent, 1.0));
    painter.setBrush(fill);
    painter.drawRoundedRect(box, 5, 5);
}
