#pragma once

#include <QList>
#include <QString>

namespace tlr {

// What a citizen said about themselves when reporting: their name and telephone number. It is
// never part of a DomainEvent: parsers hand it beside the events (ParseResult, StoredMessage),
// so nothing that takes events — the alert engine, the incident board, every wall model and
// tile — can receive it. Only the store keeps it, and PersonalDataAccess reveals it, audited.
struct PersonalDetails
{
    QString reportId; // the Report::id it was given with
    QString name;
    QString phone;

    bool isEmpty() const { return name.isEmpty() && phone.isEmpty(); }
};

using PersonalDetailsList = QList<PersonalDetails>;

} // namespace tlr
