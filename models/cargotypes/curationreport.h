// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// What a CrateDesk feed says of one crate (GET {index}/cratedesk/v1/curation/NAME): whether
// its connectors keep the crate out, and which versions they list as yanked because their
// policy holds or blocks them, why and until when. It comes from the network: strings are
// cut to a length a person reads, and what is not understood is left out.
struct CurationReport
{
    struct Refusal
    {
        bool held = false; // until `until`; otherwise blocked
        QString reason;
        QDateTime since;
        QDateTime until;
    };

    QHash<QString, Refusal> refused; // by version, exactly as in the index
    // Advisories ("RUSTSEC-…: title") that name versions the feed serves, by version.
    QHash<QString, QStringList> advisories;
    bool blocked = false;            // the whole crate
    QString reason;

    static CurationReport fromJson(const QJsonObject &json);
};
