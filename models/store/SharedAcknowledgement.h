#pragma once

#include "SharedChanges.h"
#include "StoreRecords.h"
#include "access/Actor.h"
#include "alerts/AlertRecord.h"

#include <QDateTime>
#include <QSqlDatabase>

namespace tlr {

// What became of one console's acknowledgement of an alert on the database the consoles share.
struct AcknowledgementOutcome
{
    bool recorded = false;   // this acknowledgement is the one kept (and audited)
    quint64 alertId = 0;     // the shared alert's id: one per open de-duplication key
    QString acknowledgedBy;  // this actor, or whoever was first
    QDateTime acknowledgedAt;
    QString note;
};

// Acknowledging an alert that several consoles show: in one write transaction (which on
// PostgreSQL holds the writers' advisory lock) the open alert with the record's key is taken up,
// or inserted when no console has stored it yet, acknowledged only if nobody has (a conditional
// UPDATE: of two supervisors acting at once exactly one changes the row), the audit entry
// appended, and on PostgreSQL a NOTIFY on kChangesChannel queued, delivered on commit. The
// other one gets who was first, when and their note. Works on SQLite too (one console alone).
class SharedAcknowledgement
{
public:
    static constexpr const char *kChangesChannel = SharedChanges::kChannel;

    static StoreReply<AcknowledgementOutcome> acknowledge(QSqlDatabase db, const AlertRecord &alert,
                                                          const Actor &actor, const QString &note,
                                                          const QDateTime &at);

    // The alert closed on this console (acknowledged, and its condition cleared): the shared
    // row of that acknowledgement is closed too, unless another console closed it first. The
    // value is the rows closed (0 or 1).
    static StoreReply<int> closeEpisode(QSqlDatabase db, const AlertRecord &alert);
};

} // namespace tlr
