// SPDX-License-Identifier: GPL-3.0-or-later
#include "feedsettings.h"

#include "cargotypes/registryname.h"

#include <QRegularExpression>
#include <QSettings>

using namespace Qt::Literals::StringLiterals;

namespace {

QString authName(Feed::AuthKind kind)
{
    switch (kind) {
    case Feed::AuthKind::Token:
        return u"token"_s;
    case Feed::AuthKind::Basic:
        return u"basic"_s;
    case Feed::AuthKind::None:
        break;
    }
    return u"none"_s;
}

Feed::AuthKind authKind(const QString &name)
{
    if (name == u"token"_s)
        return Feed::AuthKind::Token;
    if (name == u"basic"_s)
        return Feed::AuthKind::Basic;
    return Feed::AuthKind::None;
}

} // namespace

FeedSettings::FeedSettings(QSettings *settings)
    : m_settings(settings)
{
}

QString FeedSettings::nameError(const QString &name)
{
    // Cargo's rule, and ASCII on top: the name is also a settings group and a keychain key.
    static const QRegularExpression ascii(u"^[A-Za-z_][A-Za-z0-9_-]*$"_s);
    if (!ascii.match(name).hasMatch())
        return tr("\"%1\" cannot name a feed: use letters, digits, '-' and '_', starting with a letter").arg(name);
    return RegistryName::validationError(name);
}

FeedList FeedSettings::feeds() const
{
    FeedList result;
    m_settings->beginGroup(u"feeds"_s);
    const QStringList names = m_settings->childGroups();
    m_settings->endGroup();
    for (const QString &name : names)
        if (auto f = feed(name))
            result.append(*f);
    return result;
}

std::optional<Feed> FeedSettings::feed(const QString &name) const
{
    const QString group = u"feeds/"_s + name;
    if (!m_settings->contains(group + u"/indexUrl"_s))
        return std::nullopt;
    Feed f;
    f.name = name;
    f.indexUrl = QUrl(m_settings->value(group + u"/indexUrl"_s).toString());
    f.auth = authKind(m_settings->value(group + u"/auth"_s).toString());
    f.basicUser = m_settings->value(group + u"/user"_s).toString();
    return f;
}

bool FeedSettings::save(const Feed &feed, QString *error)
{
    if (const QString problem = nameError(feed.name); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    const QString group = u"feeds/"_s + feed.name;
    m_settings->remove(group);
    m_settings->setValue(group + u"/indexUrl"_s, feed.indexUrl.toString());
    m_settings->setValue(group + u"/auth"_s, authName(feed.auth));
    if (feed.auth == Feed::AuthKind::Basic)
        m_settings->setValue(group + u"/user"_s, feed.basicUser);
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError) {
        *error = tr("cannot write %1").arg(m_settings->fileName());
        return false;
    }
    return true;
}

bool FeedSettings::remove(const QString &name)
{
    if (!feed(name))
        return false;
    m_settings->remove(u"feeds/"_s + name);
    m_settings->sync();
    return true;
}
