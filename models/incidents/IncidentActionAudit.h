#pragma once

#include "IncidentLifecycle.h"
#include "audit/AuditRecorder.h"

#include <QList>

namespace tlr {

// The audit entries a person's action on an incident makes, the same whether one console's
// board records it or the shared database does (SharedIncidentAction): the action with its note
// ("incident.forwarded": "dishub -> bpbd: …"), and after a hand-off back to an agency that had
// the incident, the system's "incident.bounced". `after` is the incident with the action
// applied; `from` the agency accountable before it; `subject` "incident:<id>".
QList<AuditAction> incidentActionAudit(const Incident &after,
                                       const IncidentLifecycle::Request &request, Agency from,
                                       const QString &subject);

} // namespace tlr
