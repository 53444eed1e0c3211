#include "IncidentActionAudit.h"

namespace tlr {
namespace {

QString auditAction(IncidentAction action)
{
    switch (action) {
    case IncidentAction::Acknowledge: return QStringLiteral("incident.acknowledged");
    case IncidentAction::Forward: return QStringLiteral("incident.forwarded");
    case IncidentAction::Resolve: return QStringLiteral("incident.resolved");
    case IncidentAction::Close: return QStringLiteral("incident.closed");
    case IncidentAction::Note: return QStringLiteral("incident.noted");
    }
    return QStringLiteral("incident.unknown");
}

} // namespace

QList<AuditAction> incidentActionAudit(const Incident &after,
                                       const IncidentLifecycle::Request &request, Agency from,
                                       const QString &subject)
{
    const QString action = auditAction(request.action);
    switch (request.action) {
    case IncidentAction::Acknowledge:
    case IncidentAction::Resolve:
    case IncidentAction::Close:
        return {{request.at, request.actor, action, subject, request.note}};
    case IncidentAction::Note:
        return {{request.at, request.actor, action, subject,
                 after.notes.isEmpty() ? request.note : after.notes.constLast().text}};
    case IncidentAction::Forward: {
        QList<AuditAction> entries{
            {request.at, request.actor, action, subject,
             QStringLiteral("%1 -> %2: %3")
                 .arg(agencyKey(from), agencyKey(request.to), request.note)}};
        if (!after.handOffs.isEmpty() && after.handOffs.constLast().bounced) {
            qsizetype earlier = 0;
            while (after.handOffs.at(earlier).to != request.to)
                ++earlier;
            entries.append({request.at, Actor::system(), QStringLiteral("incident.bounced"),
                            subject,
                            QStringLiteral("back to %1, which had it from hand-off %2 (now %3)")
                                .arg(agencyKey(request.to))
                                .arg(earlier + 1)
                                .arg(after.handOffs.size())});
        }
        return entries;
    }
    }
    return {};
}

} // namespace tlr
