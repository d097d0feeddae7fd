// SPDX-License-Identifier: GPL-3.0-or-later
#include "dependencygraph.h"

using namespace Qt::Literals::StringLiterals;

const DependencyGraph::Node *DependencyGraph::node(const QString &key) const
{
    for (const Node &candidate : nodes) {
        if (candidate.key == key)
            return &candidate;
    }
    return nullptr;
}

QString DependencyGraph::compatibilityOf(const SemVer &version)
{
    if (version.major() != 0)
        return QString::number(version.major());
    if (version.minor() != 0)
        return u"0."_s + QString::number(version.minor());
    return u"0.0."_s + QString::number(version.patch());
}

QStringList DependencyGraph::summary() const
{
    QStringList lines;
    lines.reserve(nodes.size());
    for (const Node &node : nodes) {
        QString line = node.name + u' ' + node.version.toString();
        if (!node.features.isEmpty())
            line += u" ["_s + node.features.join(u',') + u']';
        QStringList targets;
        for (const Edge &edge : node.dependencies)
            targets.append(edge.node.isEmpty() ? u"!"_s + edge.package : edge.node);
        if (!targets.isEmpty())
            line += u" -> "_s + targets.join(u' ');
        lines.append(line);
    }
    return lines;
}
