// SPDX-License-Identifier: GPL-3.0-or-later
#include "registryname.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace {

// Unicode's XID_Start and XID_Continue as far as Qt's character categories tell them.
bool isXidStart(QChar c)
{
    return c.isLetter() || c.category() == QChar::Number_Letter;
}

bool isXidContinue(QChar c)
{
    switch (c.category()) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Number_DecimalDigit:
    case QChar::Punctuation_Connector:
        return true;
    default:
        return isXidStart(c);
    }
}

const QString CratesIo = u"crates-io"_s;

} // namespace

QString RegistryName::validationError(QStringView name)
{
    // Cargo's validate_package_name(name, "registry name"), message for message (reference 5.4).
    if (name.isEmpty())
        return QCoreApplication::translate("RegistryName", "registry name cannot be empty");
    const QString text = name.toString();
    const QChar first = name.front();
    if (first.isDigit())
        return QCoreApplication::translate("RegistryName", "the name `%1` cannot be used as a registry name, the first character cannot be a number").arg(text);
    if (!isXidStart(first) && first != u'_') {
        return QCoreApplication::translate("RegistryName", "invalid character `%1` in registry name: `%2`, the first character must be a "
                                                           "Unicode XID start character (most letters or `_`)")
            .arg(first, text);
    }
    for (const QChar c : name.sliced(1)) {
        if (!isXidContinue(c) && c != u'-')
            return QCoreApplication::translate("RegistryName", "invalid character `%1` in registry name: `%2`, characters must be Unicode "
                                                               "XID characters (numbers, `-`, `_`, or most letters)")
                .arg(c, text);
    }
    if (name == CratesIo)
        return QCoreApplication::translate("RegistryName", "`crates-io` is cargo's own name for crates.io; give the feed another name");
    return {};
}

QString RegistryName::fromDisplayName(QStringView displayName)
{
    if (isValid(displayName))
        return displayName.toString(); // a name the user chose stays as it is
    QString name;
    bool gap = false;
    for (const QChar c : displayName.toString().toLower()) {
        if (isXidContinue(c) || c == u'-') {
            if (gap && !name.isEmpty())
                name += u'-';
            name += c;
            gap = false;
        } else {
            gap = true; // spaces, dots, brackets: one '-' between the words around them
        }
    }
    while (name.startsWith(u'-') || name.endsWith(u'-'))
        name.remove(name.startsWith(u'-') ? 0 : name.size() - 1, 1);
    if (name.isEmpty())
        return u"feed"_s;
    if (!isXidStart(name.front()) && name.front() != u'_')
        name.prepend(u"feed-"_s); // "2024 releases": a digit may not come first
    return name == CratesIo ? u"crates-io-feed"_s : name;
}
