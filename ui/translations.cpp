// SPDX-License-Identifier: GPL-3.0-or-later
#include "translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

using namespace Qt::Literals::StringLiterals;

void Translations::install(QCoreApplication *app)
{
    auto *english = new QTranslator(app);
    if (english->load(u":/i18n/cratedesk_en.qm"_s))
        QCoreApplication::installTranslator(english);
    auto *local = new QTranslator(app);
    if (QLocale().language() != QLocale::English && local->load(QLocale(), u"cratedesk"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(local);
    else
        delete local;
}
