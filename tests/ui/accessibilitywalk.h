// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAccessible>
#include <QAccessibleInterface>
#include <QApplication>
#include <QButtonGroup>
#include <QImage>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSet>
#include <QStringList>
#include <QTest>
#include <QWidget>

// What a screen reader and a keyboard user meet in a window: the accessibility tree as
// assistive technology reads it, and the focus chain as Tab walks it.
namespace AccessibilityWalk {

// Roles a user acts on: each needs a name a screen reader can say.
inline bool isInteractive(QAccessible::Role role)
{
    switch (role) {
    case QAccessible::PushButton:
    case QAccessible::CheckBox:
    case QAccessible::RadioButton:
    case QAccessible::ComboBox:
    case QAccessible::EditableText:
    case QAccessible::SpinBox:
    case QAccessible::Slider:
    case QAccessible::List:
    case QAccessible::Tree:
    case QAccessible::Table:
    case QAccessible::ButtonMenu:
    case QAccessible::ButtonDropDown:
    case QAccessible::PageTabList:
        return true;
    default:
        return false;
    }
}

inline QString describe(QAccessibleInterface *iface)
{
    const QObject *object = iface->object();
    const QString className = object ? QString::fromLatin1(object->metaObject()->className()) : QStringLiteral("?");
    const QString name = object ? object->objectName() : QString();
    return QStringLiteral("%1 \"%2\" (role %3)").arg(className, name).arg(int(iface->role()));
}

// Every interactive control shown under `root` without an accessible name. Views are not
// entered: their items take their names from the model.
inline QStringList unnamedControls(QWidget *root)
{
    QStringList unnamed;
    QList<QAccessibleInterface *> pending {QAccessible::queryAccessibleInterface(root)};
    while (!pending.isEmpty()) {
        QAccessibleInterface *iface = pending.takeFirst();
        if (!iface || !iface->isValid() || iface->state().invisible)
            continue;
        const QAccessible::Role role = iface->role();
        if (isInteractive(role) && iface->text(QAccessible::Name).trimmed().isEmpty())
            unnamed << describe(iface);
        if (role == QAccessible::List || role == QAccessible::Tree || role == QAccessible::Table)
            continue;
        for (int i = 0; i < iface->childCount(); ++i)
            pending << iface->child(i);
    }
    return unnamed;
}

// Widgets under `root` a keyboard user must be able to reach: shown, enabled, taking focus
// by Tab, and an interactive role.
inline QList<QPointer<QWidget>> focusableControls(QWidget *root)
{
    QList<QPointer<QWidget>> controls;
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        if (!widget->isVisible() || !widget->isEnabled() || widget->window() != root->window())
            continue;
        if (!(widget->focusPolicy() & Qt::TabFocus) || widget->focusProxy())
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
        if (iface && isInteractive(iface->role()))
            controls << widget;
    }
    return controls;
}

// Where the style, not the window, decides that focus looks like something else: Fusion
// frames the default button and the focused button alike (and Enter presses the default
// button wherever focus is), and shows a view's focus on its current item, which an empty
// view does not have.
inline bool focusHasNoLookOfItsOwn(QWidget *widget)
{
    if (auto *button = qobject_cast<QPushButton *>(widget))
        return button->isDefault();
    if (auto *view = qobject_cast<QAbstractItemView *>(widget))
        return !view->model() || view->model()->rowCount(view->rootIndex()) == 0;
    return false;
}

struct TabWalk
{
    // The widgets Tab gave focus to, in order, once round, and what they were: a pane may
    // rebuild its widgets as answers come in.
    QList<QPointer<QWidget>> order;
    QStringList names;
    QStringList withoutVisibleFocus; // widgets that look the same with and without focus
};

// Presses Tab from `start` until focus comes back to it (at most `limit` presses), then goes
// round once more, comparing each widget's picture while it has focus with its picture after
// focus moved on. The first round makes every widget of the second one reached by Tab, as a
// keyboard user reaches it (views take their current item then, styles their focus frame).
inline TabWalk walkTabOrder(QWidget *start, int limit = 200)
{
    TabWalk walk;
    start->window()->setAttribute(Qt::WA_KeyboardFocusChange);
    start->setFocus(Qt::TabFocusReason);
    for (QWidget *current = QApplication::focusWidget(); current && walk.order.size() < limit;) {
        walk.order << current;
        walk.names << QString::fromLatin1(current->metaObject()->className()) + u' ' + current->objectName();
        QTest::keyClick(current, Qt::Key_Tab);
        QWidget *next = QApplication::focusWidget();
        if (!next || next == current || next == walk.order.first())
            break;
        current = next;
    }
    if (QApplication::focusWidget() != walk.order.first())
        return walk; // Tab got stuck: the order says where
    const QList<QPointer<QWidget>> &round = walk.order; // those that went are not compared
    for (qsizetype i = 0; i < round.size(); ++i) {
        QWidget *current = round.at(i);
        if (!current)
            continue;
        if (QApplication::focusWidget() != current)
            current->setFocus(Qt::TabFocusReason);
        QCoreApplication::processEvents();
        const QImage focused = current->grab().toImage();
        QTest::keyClick(current, Qt::Key_Tab);
        QCoreApplication::processEvents();
        if (!round.at(i))
            continue;
        if (focusHasNoLookOfItsOwn(current) || focused != current->grab().toImage())
            continue;
        walk.withoutVisibleFocus << QString::fromLatin1(current->metaObject()->className()) + u' ' + current->objectName();
        if (const QString dir = qEnvironmentVariable("CRATEDESK_FOCUS_DUMP"); !dir.isEmpty()) {
            const QString stem = dir + u'/' + start->window()->objectName() + QString::number(i);
            focused.save(stem + QStringLiteral("-focused.png"));
            current->grab().save(stem + QStringLiteral("-unfocused.png"));
        }
    }
    return walk;
}

// Tab enters a group of exclusive radio buttons at its checked one; arrow keys move inside.
inline QList<QAbstractButton *> exclusiveGroupOf(QWidget *control)
{
    auto *button = qobject_cast<QRadioButton *>(control);
    if (!button)
        return {};
    if (button->group())
        return button->group()->buttons();
    QList<QAbstractButton *> group;
    if (button->autoExclusive() && button->parentWidget()) {
        for (QRadioButton *sibling : button->parentWidget()->findChildren<QRadioButton *>(Qt::FindDirectChildrenOnly))
            if (sibling->autoExclusive())
                group << sibling;
    }
    return group;
}

inline QStringList unreachable(const QList<QPointer<QWidget>> &controls, const QList<QPointer<QWidget>> &order)
{
    QSet<QWidget *> reached;
    for (const QPointer<QWidget> &widget : order)
        reached.insert(widget.data());
    const auto groupReached = [&](QWidget *control) {
        const QList<QAbstractButton *> group = exclusiveGroupOf(control);
        return std::any_of(group.cbegin(), group.cend(), [&](QAbstractButton *member) { return reached.contains(member); });
    };
    QStringList missing;
    for (QWidget *control : controls) {
        if (!control)
            continue; // rebuilt by its pane while Tab went round
        if (!reached.contains(control) && !groupReached(control))
            missing << QString::fromLatin1(control->metaObject()->className()) + u' ' + control->objectName()
                    + QStringLiteral(" \"") + QAccessible::queryAccessibleInterface(control)->text(QAccessible::Name) + u'"';
    }
    return missing;
}

} // namespace AccessibilityWalk
