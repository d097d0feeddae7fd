// SPDX-License-Identifier: GPL-3.0-or-later
#include "publishitemdelegate.h"

#include "itemmodels/publishroles.h"
#include "statuscolours.h"

#include <QApplication>
#include <QMouseEvent>
#include <QPainter>

using namespace Qt::Literals::StringLiterals;

using State = PublishRoles::State;

namespace {

constexpr int Margin = 6;
constexpr int IconSize = 22;

bool isBad(State state)
{
    return state == State::Blocked || state == State::Failed;
}

bool isDoubtful(State state)
{
    return state == State::ReadyWithWarnings || state == State::NotVisible;
}

} // namespace

PublishItemDelegate::PublishItemDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

PublishItemDelegate::~PublishItemDelegate() = default;

QIcon PublishItemDelegate::stateIcon(int state, const QWidget *widget)
{
    const QStyle *style = widget ? widget->style() : QApplication::style();
    switch (State(state)) {
    case State::Checking:
    case State::Waiting: return QIcon::fromTheme(u"content-loading-symbolic"_s, style->standardIcon(QStyle::SP_BrowserReload));
    case State::Ready: return QIcon::fromTheme(u"package-x-generic"_s, style->standardIcon(QStyle::SP_FileIcon));
    case State::ReadyWithWarnings:
    case State::NotVisible: return QIcon::fromTheme(u"dialog-warning"_s, style->standardIcon(QStyle::SP_MessageBoxWarning));
    case State::Blocked:
    case State::Failed: return QIcon::fromTheme(u"dialog-error"_s, style->standardIcon(QStyle::SP_MessageBoxCritical));
    case State::Uploading:
    case State::WaitingForIndex: return QIcon::fromTheme(u"go-up"_s, style->standardIcon(QStyle::SP_ArrowUp));
    case State::Visible: return QIcon::fromTheme(u"emblem-ok-symbolic"_s, style->standardIcon(QStyle::SP_DialogApplyButton));
    case State::Cancelled: return QIcon::fromTheme(u"process-stop"_s, style->standardIcon(QStyle::SP_DialogCancelButton));
    }
    return {};
}

void PublishItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    switch (index.column()) {
    case 0: return paintCrate(painter, option, index);
    case 1: return paintStatus(painter, option, index);
    case 2: return paintAction(painter, option, index);
    }
    QStyledItemDelegate::paint(painter, option, index);
}

void PublishItemDelegate::paintCrate(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background and selection

    const auto state = State(index.data(PublishRoles::StateRole).toInt());
    const QRect rect = opt.rect.adjusted(Margin, Margin / 2, -Margin, -Margin / 2);
    const QRect iconRect(rect.left(), rect.top() + (rect.height() - IconSize) / 2, IconSize, IconSize);
    stateIcon(int(state), widget).paint(painter, iconRect);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorRole textRole = selected ? QPalette::HighlightedText : QPalette::Text;
    QRect textRect = rect.adjusted(IconSize + Margin, 0, 0, 0);
    QFont bold = opt.font;
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const int lineHeight = boldMetrics.height();

    painter->save();
    painter->setFont(bold);
    painter->setPen(opt.palette.color(textRole));
    const QString title = index.data(Qt::DisplayRole).toString();
    const QString message = index.data(PublishRoles::Message).toString();
    const int lines = message.isEmpty() ? 1 : 2;
    const int textTop = textRect.top() + (textRect.height() - lines * lineHeight) / 2;
    painter->drawText(QRect(textRect.left(), textTop, textRect.width(), lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                      boldMetrics.elidedText(title, Qt::ElideRight, textRect.width()));

    QFont small = opt.font;
    small.setPointSizeF(small.pointSizeF() * 0.9);
    painter->setFont(small);
    QColor color = opt.palette.color(textRole);
    if (!selected && isBad(state))
        color = StatusColours::text(StatusColours::Tone::Negative, opt.palette);
    else if (!selected && isDoubtful(state))
        color = StatusColours::text(StatusColours::Tone::Neutral, opt.palette);
    else if (!selected)
        color = opt.palette.color(QPalette::PlaceholderText);
    painter->setPen(color);
    painter->drawText(QRect(textRect.left(), textTop + lineHeight, textRect.width(), lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(small).elidedText(message, Qt::ElideRight, textRect.width()));
    painter->restore();
}

void PublishItemDelegate::paintStatus(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int percent = index.data(PublishRoles::Percent).toInt();
    if (percent < 0) {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const auto state = State(index.data(PublishRoles::StateRole).toInt());
        if (!(opt.state & QStyle::State_Selected) && isBad(state))
            opt.palette.setColor(QPalette::Text, StatusColours::text(StatusColours::Tone::Negative, opt.palette));
        const QWidget *widget = opt.widget;
        (widget ? widget->style() : QApplication::style())->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
        return;
    }
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    QStyleOptionProgressBar bar;
    bar.initFrom(widget);
    const int height = qMin(option.rect.height() - 2 * Margin, option.fontMetrics.height() + 8);
    bar.rect = QRect(option.rect.left() + Margin, option.rect.top() + (option.rect.height() - height) / 2,
                     option.rect.width() - 2 * Margin, height);
    bar.minimum = 0;
    bar.maximum = 100;
    bar.progress = percent;
    bar.text = index.data(PublishRoles::StatusText).toString();
    bar.textVisible = true;
    bar.textAlignment = Qt::AlignCenter;
    bar.state |= QStyle::State_Horizontal;
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
}

QRect PublishItemDelegate::buttonRect(const QStyleOptionViewItem &option, const QString &text)
{
    const int width = option.fontMetrics.horizontalAdvance(text) + 4 * Margin;
    const int height = option.fontMetrics.height() + 10;
    return QRect(option.rect.left() + (option.rect.width() - width) / 2, option.rect.top() + (option.rect.height() - height) / 2,
                 width, height);
}

void PublishItemDelegate::paintAction(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const QString text = index.data(Qt::DisplayRole).toString();
    if (text.isEmpty())
        return;
    QStyleOptionButton button;
    button.initFrom(widget);
    button.rect = buttonRect(option, text);
    button.text = text;
    button.state = QStyle::State_Enabled | QStyle::State_Raised;
    if (m_pressed == index)
        button.state |= QStyle::State_Sunken;
    style->drawControl(QStyle::CE_PushButton, &button, painter, widget);
}

QSize PublishItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QFont bold = option.font;
    bold.setBold(true);
    const int twoLines = 2 * QFontMetrics(bold).height() + Margin + 2;
    const int height = qMax(twoLines, IconSize + Margin);
    switch (index.column()) {
    case 0: {
        const int text = QFontMetrics(bold).horizontalAdvance(index.data().toString());
        return {qMin(IconSize + 3 * Margin + text, 320), height};
    }
    case 1: return {option.fontMetrics.horizontalAdvance(index.data().toString()) + 4 * Margin, height};
    case 2: return {option.fontMetrics.horizontalAdvance(u"Cancel"_s) + 6 * Margin, height};
    }
    return QStyledItemDelegate::sizeHint(option, index);
}

bool PublishItemDelegate::editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                                      const QModelIndex &index)
{
    if (index.column() != 2)
        return QStyledItemDelegate::editorEvent(event, model, option, index);
    const QString text = index.data(Qt::DisplayRole).toString();
    if (event->type() == QEvent::MouseButtonPress || event->type() == QEvent::MouseButtonRelease) {
        auto *mouse = static_cast<QMouseEvent *>(event);
        const bool inside = !text.isEmpty() && mouse->button() == Qt::LeftButton
            && buttonRect(option, text).contains(mouse->position().toPoint());
        if (event->type() == QEvent::MouseButtonPress) {
            m_pressed = inside ? QPersistentModelIndex(index) : QPersistentModelIndex();
            return inside;
        }
        const bool clicked = inside && m_pressed == index;
        m_pressed = QPersistentModelIndex();
        if (clicked)
            Q_EMIT actionClicked(index);
        return clicked;
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}
