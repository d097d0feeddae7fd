// SPDX-License-Identifier: GPL-3.0-or-later
#include "accessiblenames.h"

#include <QLabel>

using namespace Qt::Literals::StringLiterals;

QString AccessibleNames::spoken(const QString &text)
{
    QString said;
    said.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        // "&&" draws one ampersand; a single one marks the mnemonic and is not said.
        if (text.at(i) == u'&' && i + 1 < text.size() && text.at(i + 1) == u'&')
            said += text.at(++i);
        else if (text.at(i) != u'&')
            said += text.at(i);
    }
    said = said.trimmed();
    for (const QString &tail : {u"…"_s, u"..."_s, u":"_s}) {
        if (said.endsWith(tail))
            said.chop(tail.size());
    }
    return said.trimmed();
}

void AccessibleNames::setLabel(QLabel *label, QWidget *field)
{
    if (!label || !field)
        return;
    label->setBuddy(field);
    field->setAccessibleName(spoken(label->text()));
}
