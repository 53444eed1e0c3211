#pragma once

#include "IncidentSignal.h"
#include "access/Actor.h"

#include <QList>

#include <optional>

namespace tlr {

// The states an incident goes through, in order (docs/incidents.md has the transitions).
enum class IncidentState { Unknown, New, Acknowledged, Forwarded, Resolved, Closed };

QString incidentStateKey(IncidentState state);
std::optional<IncidentState> incidentStateFromKey(QStringView key);

// A hazard key of the fusion configuration ("flood", "fire"…) in the reader's language; a key
// the configuration added and this program does not know is shown as it is written.
QString hazardName(QStringView hazard);

// One change of state, with who made it and why.
struct IncidentTransition
{
    IncidentState from = IncidentState::Unknown;
    IncidentState to = IncidentState::Unknown;
    Actor by;
    QDateTime at; // UTC
    QString note;
};

// The incident passed from one accountable agency to another. Agency::Unknown as `from` means
// the Live Room itself held it.
struct HandOff
{
    Agency from = Agency::Unknown;
    Agency to = Agency::Unknown;
    Actor by;
    QDateTime at; // UTC
    QString note;
    bool bounced = false; // `to` had been accountable for this incident before
};

// A free note on an incident, written at a console by an operator or a supervisor: what was
// seen, said or asked that fits no action. It may name people (a caller, a field officer), so
// it stays off the wall's screens (docs/incidents.md) and goes wherever the incident's story
// goes for people who work it: the dossier, the audit log, the brief, the handover report.
struct IncidentNote
{
    Actor by;
    QDateTime at; // UTC
    QString text;
};

// Signals about one thing happening, fused: where (anchor, kecamatan), what (hazard), since
// when, who is accountable, and everything that happened to it.
struct Incident
{
    qint64 id = 0;
    IncidentState state = IncidentState::Unknown;
    QGeoCoordinate anchor; // where its first signal was; members lie within the radius of it
    QString kecamatan;
    QString hazard;   // from the configuration's hazards; empty when no member names one
    QString category; // of the signal that opened it
    QDateTime firstSignalAt;
    QDateTime lastSignalAt;
    Agency suggestedAgency = Agency::Unknown; // the opening signal's agency, a hint to forward
    Agency accountable = Agency::Unknown;     // Unknown until forwarded: the room holds it
    QList<IncidentSignal> members;            // in the order they joined
    QList<HandOff> handOffs;
    QList<IncidentTransition> transitions;
    QList<IncidentNote> notes; // in the order they were written

    QString displayId() const { return QStringLiteral("INC-%1").arg(id, 6, 10, QLatin1Char('0')); }
    // What happens, for a title: the hazard's name, or the opening signal's category.
    QString subject() const { return hazard.isEmpty() ? category : hazardName(hazard); }
    // The most severe member's severity.
    Severity severity() const;
    // New, acknowledged or forwarded: someone still has to act on it.
    bool isOpen() const { return state >= IncidentState::New && state < IncidentState::Resolved; }
    bool hasBounced() const;
    qsizetype memberIndex(IncidentSignal::Kind kind, const QString &id) const; // -1: none
};

} // namespace tlr
