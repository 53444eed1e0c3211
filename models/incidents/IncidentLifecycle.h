#pragma once

#include "Incident.h"

namespace tlr {

// What a person may do to an incident. The fusion's own actions (opening, joining) are not
// among them: only the system does those.
// A note changes no state: it is an action because it is a person's, checked and audited.
enum class IncidentAction { Acknowledge, Forward, Resolve, Close, Note };

QString incidentActionKey(IncidentAction action);

// The incident lifecycle's rules, on values: which action is allowed from which state, by
// which role, with what note, and what it changes. The board applies them and records them.
//
//   new -acknowledge-> acknowledged -forward-> forwarded -resolve-> resolved -close-> closed
//                      acknowledged -resolve-> resolved        (handled in the room, false alarm)
//                                              forwarded -forward-> forwarded (hand-off)
//   any state but closed -note-> the same state, one more note
class IncidentLifecycle
{
public:
    struct Request
    {
        IncidentAction action = IncidentAction::Acknowledge;
        Actor actor;
        QString note;
        Agency to = Agency::Unknown; // Forward only
        QDateTime at;                // UTC
    };

    // Why the request is refused, in English for the operator and the audit log; empty when
    // it is allowed.
    static QString refusal(const Incident &incident, const Request &request);
    // Applies an allowed request; call refusal() first.
    static void apply(Incident &incident, const Request &request);

    // Who may do what, as access/Permissions rules it: acknowledging and closing are the
    // supervisor's (canAcknowledge, canCloseIncidents); forwarding, resolving and writing a note
    // are the operators' and the supervisor's (canHandleIncidents). This only maps an action to
    // its rule.
    static bool mayPerform(Role role, IncidentAction action);
    // Whether forwarding to `to` would hand the incident back to an agency that had it.
    static bool isBounce(const Incident &incident, Agency to);
    // The state an action leads to; Unknown for a note, which leaves the state as it is.
    static IncidentState targetState(IncidentAction action);

    // Longer than a page of the brief is not a note: it is a report, and belongs elsewhere.
    static constexpr int kMaxNoteLength = 2000;
};

} // namespace tlr
