// SPDX-License-Identifier: GPL-3.0-or-later
#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Qt::Literals::StringLiterals;

namespace {

// The texts Qt gives the standard buttons our dialogs use (Save, Cancel, Close, OK). Qt looks
// them up under these contexts; listing them here makes lupdate put them into our own .ts
// files, so a dialog reads "Abbrechen" even where Qt's own translations are not installed.
[[maybe_unused]] constexpr const char *standardButtons[][2] = {
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Save"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Cancel"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Close"),
};

} // namespace

void Translations::install(QCoreApplication *app)
{
    auto *english = new QTranslator(app);
    if (english->load(u":/i18n/cratedesk_en.qm"_s))
        QCoreApplication::installTranslator(english);
    if (QLocale().language() == QLocale::English)
        return;
    // Qt's own strings (file dialogs, context menus) where the system has its translations;
    // ours are installed after, so they win for the few texts both have.
    auto *qt = new QTranslator(app);
    if (qt->load(QLocale(), u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto *local = new QTranslator(app);
    if (local->load(QLocale(), u"cratedesk"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(local);
    else
        delete local;
}
