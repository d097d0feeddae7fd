// SPDX-License-Identifier: GPL-3.0-or-later
#include "fieldwitherror.h"

#include "messagebanner.h"

#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

QWidget *fieldWithError(QWidget *parent, QWidget *field, QLabel **error, QWidget *extra)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    field->setParent(box);
    layout->addWidget(field);
    if (extra)
        layout->addWidget(extra);
    *error = new QLabel(box);
    (*error)->setObjectName(field->objectName() + u"Error"_s);
    (*error)->setWordWrap(true);
    (*error)->setTextFormat(Qt::PlainText);
    QPalette palette = (*error)->palette();
    palette.setColor(QPalette::WindowText, MessageBanner::color(MessageBanner::Kind::Error).darker(115));
    (*error)->setPalette(palette);
    (*error)->hide();
    layout->addWidget(*error);
    return box;
}
