#include "IncidentLifecycle.h"

#include "access/Permissions.h"

namespace tlr {
namespace {

QString roleName(Role role)
{
    switch (role) {
    case Role::Operator:
        return QStringLiteral("an operator");
    case Role::Supervisor:
        return QStringLiteral("a supervisor");
    case Role::Executive:
        return QStringLiteral("an executive");
    case Role::Admin:
        return QStringLiteral("an admin");
    }
    return QStringLiteral("this role");
}

QString whoMay(IncidentAction action)
{
    switch (action) {
    case IncidentAction::Forward:
    case IncidentAction::Resolve:
    case IncidentAction::Note:
        return QStringLiteral("an operator or a supervisor");
    case IncidentAction::Acknowledge:
    case IncidentAction::Close:
        break;
    }
    return QStringLiteral("the supervisor on duty");
}

} // namespace

QString incidentActionKey(IncidentAction action)
{
    switch (action) {
    case IncidentAction::Acknowledge:
        return QStringLiteral("acknowledge");
    case IncidentAction::Forward:
        return QStringLiteral("forward");
    case IncidentAction::Resolve:
        return QStringLiteral("resolve");
    case IncidentAction::Close:
        return QStringLiteral("close");
    case IncidentAction::Note:
        return QStringLiteral("note");
    }
    return QStringLiteral("unknown");
}

bool IncidentLifecycle::mayPerform(Role role, IncidentAction action)
{
    switch (action) {
    case IncidentAction::Acknowledge:
        return canAcknowledge(role);
    case IncidentAction::Forward:
    case IncidentAction::Resolve:
    case IncidentAction::Note:
        return canHandleIncidents(role);
    case IncidentAction::Close:
        return canCloseIncidents(role);
    }
    return false;
}

IncidentState IncidentLifecycle::targetState(IncidentAction action)
{
    switch (action) {
    case IncidentAction::Acknowledge:
        return IncidentState::Acknowledged;
    case IncidentAction::Forward:
        return IncidentState::Forwarded;
    case IncidentAction::Resolve:
        return IncidentState::Resolved;
    case IncidentAction::Close:
        return IncidentState::Closed;
    case IncidentAction::Note:
        break;
    }
    return IncidentState::Unknown;
}

bool IncidentLifecycle::isBounce(const Incident &incident, Agency to)
{
    for (const HandOff &handOff : incident.handOffs) {
        if (handOff.to == to)
            return true;
    }
    return false;
}

QString IncidentLifecycle::refusal(const Incident &incident, const Request &request)
{
    const QString verb = incidentActionKey(request.action);
    if (request.actor.name.trimmed().isEmpty())
        return QStringLiteral("an action needs a named person");
    if (request.actor.isSystem())
        return QStringLiteral("the system does not %1 incidents; a person does").arg(verb);
    if (!mayPerform(request.actor.role, request.action)) {
        const QString what = request.action == IncidentAction::Note
                                 ? QStringLiteral("write a note on")
                                 : verb;
        return QStringLiteral("%1 may not %2 an incident; it needs %3")
            .arg(roleName(request.actor.role), what, whoMay(request.action));
    }

    const IncidentState state = incident.state;
    const QString stateName = incidentStateKey(state);
    switch (request.action) {
    case IncidentAction::Acknowledge:
        if (state != IncidentState::New)
            return QStringLiteral("only a new incident can be acknowledged; %1 is %2")
                .arg(incident.displayId(), stateName);
        break;
    case IncidentAction::Forward:
        if (state == IncidentState::New)
            return QStringLiteral("acknowledge %1 before forwarding it").arg(incident.displayId());
        if (state != IncidentState::Acknowledged && state != IncidentState::Forwarded)
            return QStringLiteral("%1 is %2; only acknowledged or forwarded incidents can be "
                                  "forwarded")
                .arg(incident.displayId(), stateName);
        if (request.to == Agency::Unknown)
            return QStringLiteral("forwarding needs the agency it goes to");
        if (request.to == incident.accountable)
            return QStringLiteral("%1 is already accountable for %2")
                .arg(agencyShortName(request.to), incident.displayId());
        if (request.note.trimmed().isEmpty())
            return QStringLiteral("a hand-off needs a note: what the agency is asked to do");
        break;
    case IncidentAction::Resolve:
        if (state != IncidentState::Acknowledged && state != IncidentState::Forwarded)
            return QStringLiteral("%1 is %2; only acknowledged or forwarded incidents can be "
                                  "resolved")
                .arg(incident.displayId(), stateName);
        if (request.note.trimmed().isEmpty())
            return QStringLiteral("resolving needs a note: what was done");
        break;
    case IncidentAction::Close:
        if (state != IncidentState::Resolved)
            return QStringLiteral("only a resolved incident can be closed; %1 is %2")
                .arg(incident.displayId(), stateName);
        break;
    case IncidentAction::Note:
        if (state == IncidentState::Closed || state == IncidentState::Unknown)
            return QStringLiteral("%1 is %2; a closed incident takes no more notes")
                .arg(incident.displayId(), stateName);
        if (request.note.trimmed().isEmpty())
            return QStringLiteral("a note needs some text");
        if (request.note.size() > kMaxNoteLength)
            return QStringLiteral("a note may be at most %1 characters; this one has %2")
                .arg(kMaxNoteLength)
                .arg(request.note.size());
        break;
    }
    return {};
}

void IncidentLifecycle::apply(Incident &incident, const Request &request)
{
    if (request.action == IncidentAction::Note) {
        incident.notes.append({request.actor, request.at, request.note.trimmed()});
        return;
    }
    const IncidentState to = targetState(request.action);
    if (request.action == IncidentAction::Forward) {
        const bool bounced = isBounce(incident, request.to);
        incident.handOffs.append(
            {incident.accountable, request.to, request.actor, request.at, request.note, bounced});
        incident.accountable = request.to;
    }
    incident.transitions.append({incident.state, to, request.actor, request.at, request.note});
    incident.state = to;
}

} // namespace tlr
