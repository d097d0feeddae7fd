// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QHBoxLayout;
class QLabel;
class QPushButton;
class QToolButton;

// An inline message in the manner of KMessageWidget: a tinted, rounded strip with an icon,
// the text (the server's own words and what to do next), optional action buttons such as
// "Retry" or "Add credentials", and a close button. Sits in a layout instead of popping up,
// so nothing blocks and the message stays next to what it is about.
class MessageBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBanner)

public:
    enum class Kind { Information, Positive, Warning, Error };
    Q_ENUM(Kind)

    explicit MessageBanner(QWidget *parent = nullptr);
    ~MessageBanner() override;

    Kind kind() const { return m_kind; }
    void setKind(Kind kind);
    QString text() const;
    // Plain text, shown as it is: messages carry servers' words, which must never render as
    // markup (links, images, styles).
    void setText(const QString &text);
    // Markup the caller composed itself, every piece of outside text escaped.
    void setRichText(const QString &html);
    bool isCloseButtonVisible() const;
    void setCloseButtonVisible(bool visible);

    // Sets kind and text, removes the buttons of the previous message and shows the banner.
    void showMessage(Kind kind, const QString &text);
    void showRichMessage(Kind kind, const QString &html);
    // A button on the right; the banner does not close by itself when it is clicked.
    QPushButton *addButton(const QString &text);
    void clearButtons();
    QList<QPushButton *> buttons() const { return m_buttons; }

    static QColor color(Kind kind);

Q_SIGNALS:
    void closed();
    void linkActivated(const QString &link);

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateIcon();
    void updateMinimumHeight();

    Kind m_kind = Kind::Information;
    QLabel *m_icon;
    QLabel *m_text;
    QHBoxLayout *m_buttonLayout;
    QToolButton *m_close;
    QList<QPushButton *> m_buttons;
};
