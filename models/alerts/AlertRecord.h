#pragma once

#include "AlertState.h"

#include "domain/Agency.h"
#include "domain/Alert.h"
#include "domain/Severity.h"

#include <QDateTime>
#include <QGeoCoordinate>
#include <QString>

namespace tlr {

// One alert as the engine keeps it: what it is about, where it stands, who handled it. A value:
// the table model keeps copies, views read them.
struct AlertRecord
{
    quint64 id = 0;
    // source + resource + event: the de-duplication key
    QString source;
    QString resource;
    QString event;
    QString origin;   // "rule:<id>" or "feed"
    QString title;
    QString kecamatan;
    Agency agency = Agency::Unknown;
    Severity severity = Severity::Unknown;
    AlertState state = AlertState::Unknown;
    bool live = true; // false: an Exercise or Test alert, shown marked, never counted
    Alert::Status status = Alert::Status::Actual; // the mark it shows with when not live
    QGeoCoordinate location;

    QDateTime raisedAt;
    qint64 raisedAtMs = 0;         // the same, for sorting
    // The newest time the evidence behind it carried (AlertCondition::observedAt), or raisedAt
    // when it carried none: the alert's time among the incidents' other evidence, which a replay
    // or a feed catching up has behind the wall's clock. Not stored: after a restart it is
    // raisedAt until the evidence speaks again.
    QDateTime evidenceAt;
    QDateTime updatedAt;           // the latest repeat or change
    QDateTime unacknowledgedSince; // the escalation clock: raised, re-opened or unshelved
    int duplicateCount = 0;        // repeats at the same severity
    int escalationLevel = 0;
    bool flapping = false;
    bool conditionActive = true;
    bool acknowledged = false;

    QString acknowledgedBy;
    QDateTime acknowledgedAt;
    QString acknowledgeNote;

    QString shelvedBy;
    QString shelveReason;
    QDateTime shelvedUntil;
    AlertState stateBeforeShelving = AlertState::Unknown;
    bool shelveReminded = false;

    QDateTime closedAt;

    // Critical is CAP's Extreme, ISA-18.2's highest priority: impossible to miss while
    // nobody has taken it.
    bool isCritical() const { return severity == Severity::Extreme; }
    bool isUnacknowledgedCritical() const
    {
        return live && isCritical() && state == AlertState::Unacknowledged;
    }
    QString subject() const { return QStringLiteral("alert:%1").arg(id); }

    // Whether an acknowledgement made at `at` (on this console or another) belongs to an
    // earlier episode of this alert: made before it became unacknowledged again (re-opened by
    // a graver update, active again after returning to normal, unshelved). One made before
    // this console raised it does not: consoles raise the same alert at different moments (one
    // behind on its feeds, one catching up after a restart); the shared row of an episode that
    // ended is closed (SharedAcknowledgement::closeEpisode), so no later raise is offered it.
    bool isOfEarlierEpisode(const QDateTime &at) const
    {
        const bool unacknowledgedAgain = unacknowledgedSince.isValid() && raisedAt.isValid() &&
                                         unacknowledgedSince > raisedAt;
        return unacknowledgedAgain && at.isValid() && at < unacknowledgedSince;
    }
};

// What one batch changed, for the table model: rows to add, rows to refresh, rows to drop.
// A repeat changes only the duplicate count and the time of the latest update (a new title or
// place makes it a change); it never moves a row in a panel sorted by severity, state or age,
// so views can refresh it cheaply.
struct AlertChanges
{
    QList<quint64> inserted;
    QList<quint64> changed;  // severity, state, flags: rows may move
    QList<quint64> repeated; // duplicate count and updatedAt only
    QList<quint64> removed;

    bool isEmpty() const
    {
        return inserted.isEmpty() && changed.isEmpty() && repeated.isEmpty() && removed.isEmpty();
    }
};

} // namespace tlr
