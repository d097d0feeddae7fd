// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QSyntaxHighlighter>

// Colours a unified diff as reviewers expect: additions on a green tint, removals on a red one,
// hunks and file names muted. Every shade is mixed from the palette of `view` (the
// application's without one), so the text keeps the palette's contrast in light and dark
// themes; call rehighlight() when that palette changes.
class DiffHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiffHighlighter)

public:
    explicit DiffHighlighter(QTextDocument *document, QWidget *view = nullptr);

protected:
    void highlightBlock(const QString &text) override;

private:
    QPointer<QWidget> m_view;
};
