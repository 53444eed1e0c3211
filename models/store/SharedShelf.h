#pragma once

#include "StoreRecords.h"
#include "alerts/AlertRecord.h"
#include "alerts/ShelfRequest.h"

#include <QSqlDatabase>

namespace tlr {

// What became of one console's shelve or unshelve on the database the consoles share.
struct ShelfOutcome
{
    bool recorded = false; // this request is the one kept (and audited)
    quint64 alertId = 0;   // the shared alert's id
    // The shelf as the database holds it afterwards: this request's, or whoever was first.
    bool shelved = false;
    QString shelvedBy;
    QString shelveReason;
    QDateTime shelvedUntil;
    // Not recorded: who did what first, for the console to tell ("already shelved by budi
    // until 21:00", "already unshelved by sari at 19:02"); empty when nobody did (the alert
    // is closed).
    QString firstBy;
    QDateTime firstAt;
};

// Shelving and unshelving an alert that several consoles show, as SharedAcknowledgement does
// acknowledging: in one write transaction the open alert with the record's key is taken up
// (SharedAlertRow), changed by a conditional UPDATE (shelve: not shelved already, or its shelf
// expired; unshelve: shelved, shelf not expired), so that of two supervisors acting at once
// exactly one changes it, its audit entry ("alert.shelved", "alert.unshelved") appended, and
// on PostgreSQL NOTIFY 'alert:<id>' queued. The other gets who was first.
//
// A shelf expires on every console by its own clock at the shared shelved_until; the row stays
// 'shelved' with an expiry in the past, which both the shelve and the acknowledgement treat as
// not shelved.
class SharedShelf
{
public:
    static StoreReply<ShelfOutcome> decide(QSqlDatabase db, const AlertRecord &alert,
                                           const ShelfRequest &request);
};

} // namespace tlr
