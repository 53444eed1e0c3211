#pragma once

#include "alerts/AlertState.h"
#include "domain/Agency.h"
#include "domain/Severity.h"
#include "incidents/Incident.h"

#include <QDateTime>
#include <QString>

#include <vector>

namespace tlr {

// What one shift hands to the next, as values (no text in any language yet; the renderer words
// it): the alerts and incidents as they stood at the end of the window, who acknowledged what
// during it, what missed its time, and the hand-offs between agencies. Exercise and Test alerts
// are listed, marked, and left out of every count.
struct HandoverReport
{
    QDateTime from; // UTC, the shift's start
    QDateTime to;   // UTC, its end: the state of things is as at this time
    QDateTime generatedAt;

    struct AlertItem
    {
        quint64 id = 0; // the engine's number in the run of the wall that raised it
        QString title;
        Severity severity = Severity::Unknown;
        AlertState state = AlertState::Unknown;
        bool live = true; // false: an Exercise or Test alert
        QDateTime raisedAt;
        QDateTime unacknowledgedSince;
        int escalationLevel = 0;
        QString acknowledgedBy;
        QDateTime acknowledgedAt;
        QString acknowledgeNote;
        QString shelvedBy;
        QDateTime shelvedAt;
        QString shelveReason;
        QDateTime shelvedUntil;
    };
    std::vector<AlertItem> openAlerts;         // unacknowledged, or cleared but unacknowledged
    std::vector<AlertItem> acknowledgedAlerts; // taken, condition still active
    std::vector<AlertItem> shelvedAlerts;

    // One acknowledgement made during the window, of an alert or an incident.
    struct Acknowledgement
    {
        enum class Subject { Unknown, Alert, Incident };
        Subject subject = Subject::Unknown;
        QString reference; // alert number, or INC-000042
        QString title;
        QDateTime at;
        QString by;
        QString role; // roleKey()
        QString note;
        qint64 waitedSeconds = -1; // since it was raised or re-opened; −1: not known
        bool live = true;
    };
    std::vector<Acknowledgement> acknowledgements; // oldest first

    // Something that missed its time during the window.
    struct SlaMiss
    {
        enum class Kind { Unknown, AlertEscalated, ComplaintOverdue };
        Kind kind = Kind::Unknown;
        QString reference; // alert number or report id
        QString title;     // the alert's title, the complaint's category and kecamatan
        QDateTime dueAt;   // when it should have been taken (alerts: when it escalated)
        QString detail;    // the engine's words for an escalation (level, minutes waited)
        int level = 0;     // the highest escalation level reached within the window
        QDateTime handledAt; // acknowledged at, when it was (late) within the window
    };
    std::vector<SlaMiss> slaMisses;
    int complaintsOverdueBefore = 0; // LAKSA complaints already past 7 × 24 h at the start

    struct IncidentItem
    {
        qint64 id = 0;
        QString displayId;
        IncidentState state = IncidentState::Unknown; // as at `to`
        Severity severity = Severity::Unknown;
        QString kecamatan;
        QString hazard;
        QString category;
        Agency accountable = Agency::Unknown; // as at `to`; Unknown: the Live Room holds it
        QDateTime firstSignalAt;
        QDateTime lastSignalAt;
        int signalCount = 0;
        bool bounced = false;
    };
    // New, acknowledged or forwarded at `to`; the most severe first, then the most signals.
    std::vector<IncidentItem> openIncidents;
    std::vector<IncidentItem> finishedIncidents; // resolved or closed within the window

    struct HandOffItem
    {
        QString incident; // INC-000042
        Agency from = Agency::Unknown;
        Agency to = Agency::Unknown;
        QString by;
        QDateTime at;
        QString note;
        bool bounced = false;
    };
    std::vector<HandOffItem> handOffs; // within the window, oldest first

    // A free note written on an incident within the window: what the next shift should know.
    struct NoteItem
    {
        QString incident; // INC-000042
        QString by;
        QString role; // roleKey()
        QDateTime at;
        QString text;
    };
    std::vector<NoteItem> notes; // within the window, oldest first

    int exerciseAlerts = 0; // Exercise/Test alerts raised within the window (not counted above)
    int liveAlertsRaised = 0;
    int wallRuns = 0;         // wall.started within the window: alert numbers restart with each
    qint64 auditEntriesRead = 0;

    // Figures for the summary: live items only.
    static int liveCount(const std::vector<AlertItem> &items);
};

} // namespace tlr
