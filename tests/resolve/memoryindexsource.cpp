// SPDX-License-Identifier: GPL-3.0-or-later
#include "memoryindexsource.h"

#include "cargotypes/indexfileparser.h"

#include <QTimer>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

MemoryIndexSource::MemoryIndexSource(QObject *parent)
    : IndexSource(parent)
{
}

MemoryIndexSource::~MemoryIndexSource() = default;

void MemoryIndexSource::addLine(const QString &crateName, const QByteArray &line)
{
    m_files[crateName.toLower()] += line + '\n';
}

void MemoryIndexSource::setFailure(const QString &crateName, const QString &message)
{
    m_failures.insert(crateName.toLower(), message);
}

void MemoryIndexSource::setDelay(const QString &crateName, int milliseconds)
{
    m_delays.insert(crateName.toLower(), milliseconds);
}

void MemoryIndexSource::requestIndex(const QString &crateName)
{
    m_requests.append(crateName);
    ++m_inFlight;
    m_maxInFlight = std::max(m_maxInFlight, m_inFlight);
    if (m_synchronous) {
        answer(crateName);
        return;
    }
    const QString key = crateName.toLower();
    const int delay = m_delays.value(key, int(qHash(key, m_seed) % 31));
    QTimer::singleShot(delay, this, [this, crateName] { answer(crateName); });
}

void MemoryIndexSource::answer(const QString &crateName)
{
    --m_inFlight;
    const QString key = crateName.toLower();
    if (const auto failure = m_failures.constFind(key); failure != m_failures.cend()) {
        Q_EMIT indexFailed(crateName, *failure, false);
        return;
    }
    const auto file = m_files.constFind(key);
    if (file == m_files.cend()) {
        Q_EMIT indexFailed(crateName, u"404 Not Found"_s, true);
        return;
    }
    Q_EMIT indexLoaded(crateName, IndexFileParser::parse(*file).entries);
}
