#pragma once

#include "StoreRecords.h"
#include "incidents/IncidentLifecycle.h"

#include <QSqlDatabase>

namespace tlr {

// What became of one console's action on an incident on the database the consoles share.
struct IncidentOutcome
{
    bool recorded = false; // this action is the one kept (and audited)
    Incident shared;       // the incident as the shared database holds it afterwards
    QString refusal;       // not recorded: why ("already acknowledged by budi at …")
};

// People's actions on incidents (acknowledge, forward, resolve, close, note) on a database
// several consoles share. Each console fuses its own incidents from the same feeds, under ids
// of its own; the shared incident is the one holding the same signal (the local incident's
// first member that any shared incident holds), inserted by the first console to act on it
// with the next shared id. In one write transaction (the writers' advisory lock) the shared
// incident is read, the action checked against it (IncidentLifecycle) and against what the
// console saw: a lifecycle action made on an incident whose people's state changes the console
// had not all heard of yet is refused, naming whoever was first, so that of two supervisors
// acting at once exactly one is kept. A note is refused only as the lifecycle refuses it: two
// notes written at once are both kept. The incident is saved whole, the audit entries appended
// (IncidentActionAudit) and NOTIFY 'incident:<id>' queued.
class SharedIncidentAction
{
public:
    static StoreReply<IncidentOutcome> decide(QSqlDatabase db, const Incident &local,
                                              const IncidentLifecycle::Request &request);
};

} // namespace tlr
