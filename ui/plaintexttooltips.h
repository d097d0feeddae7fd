// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

// Tooltips show their text as text. QToolTip renders anything that looks like HTML as rich
// text, and tooltips carry what feeds send (crate descriptions, server messages, reasons), so
// a hostile `<img src=…>` or `<a href=…>` would be rendered. Installed once on the
// application, this answers every tooltip event of a widget or an item view itself, with the
// text escaped.
class PlainTextToolTips final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlainTextToolTips)

public:
    // Idempotent: a second call finds the first filter.
    static void install();
    // What QToolTip is given for `text`: escaped, line breaks kept.
    static QString toRichText(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit PlainTextToolTips(QObject *parent);
};
