#pragma once

#include "AlertRecord.h"
#include "AlertRules.h"
#include "FeedAlertTracker.h"
#include "FrameBudget.h"
#include "RuleEvaluator.h"
#include "ShelfRequest.h"

#include "access/Actor.h"
#include "domain/DomainEvent.h"
#include "feeds/FeedStatus.h"

#include <QHash>
#include <QSet>
#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>
#include <set>

namespace tlr {

class AuditRecorder;
class WallClock;

// The alert engine: rules and feed alerts in, alerts with an ISA-18.2 lifecycle out.
//
//   condition active, new key        → Unacknowledged            (alertRaised, once)
//   Unacknowledged   + acknowledge   → Acknowledged
//   Unacknowledged   + cleared       → ReturnedUnacknowledged
//   ReturnedUnack.   + acknowledge   → Closed
//   ReturnedUnack.   + active again  → Unacknowledged
//   Acknowledged     + cleared       → Closed
//   Acknowledged     + more severe   → Unacknowledged            (re-opened)
//   any open state   + shelve        → Shelved (reason and expiry required)
//   Shelved          + unshelve or expiry → the state its acknowledgement and condition give
//
// The same key while active is a repeat: the duplicate count rises, nothing else happens. Every
// transition, human or automatic, goes to the audit recorder; only the supervisor on duty may
// acknowledge, shelve and unshelve, and a refusal is recorded too. All time comes from the
// WallClock and timers are checked on its tick. Lives on the GUI thread beside the
// SituationModel and is fed the same event batches.
class AlertEngine : public QObject
{
    Q_OBJECT
public:
    struct ActionResult
    {
        bool accepted = false;
        QString reason; // why it was refused, for the console to show
        bool pending = false; // accepted, and waiting for the shared database's answer

        explicit operator bool() const { return accepted; }
    };

    // audit may be null (nothing is recorded then; the wall logs a warning once).
    AlertEngine(const WallClock *clock, AlertRules rules, AuditRecorder *audit,
                QObject *parent = nullptr);
    ~AlertEngine() override;

    void apply(const QList<DomainEvent> &events);
    void updateFeedStatuses(const QList<FeedStatus> &statuses);
    // The agency of each feed without its status (replay: the feeds' configuration), so that
    // an alert from a feed names its agency; feed-silent rules still need the statuses.
    void setFeedAgencies(const QHash<QString, Agency> &agencies);
    // Conditions from elsewhere (replay, benchmarks); apply() and the tick use it too. What
    // does not fit in this frame's budget (frameBudget()) is finished in later frames, in
    // order; the first kMinSliceConditions always go at once, so that a usual batch is applied
    // when the call returns even on a machine too busy to keep the budget.
    void applyConditions(const QList<AlertCondition> &conditions);
    bool hasQueuedConditions() const { return !m_queued.empty(); }
    void applyQueuedConditions(); // all of them now (tests, shutdown)
    static constexpr int kMinSliceConditions = 64;
    // The GUI thread's time per frame for the engine's slices, shared with what shows the
    // engine's alerts (AlertTableModel's drain).
    FrameBudget &frameBudget() const { return m_frameBudget; }
    // Shelf expiry and reminders, escalation, flapping, time-driven rules, closed alerts
    // leaving; connected to WallClock::ticked.
    void checkTimers();

    ActionResult acknowledge(quint64 id, const Actor &actor, const QString &note);
    // On a database shared with other consoles the acknowledgement is decided there, where of
    // two supervisors acting at once exactly one is kept (SharedAlertDecisions). With a gate
    // set, acknowledge() checks role and state, hands the alert to the gate and returns at
    // once with `pending`; the answer comes back through applySharedAcknowledgement().
    using AcknowledgementGate =
        std::function<void(const AlertRecord &, const Actor &, const QString &note,
                           const QDateTime &at)>;
    void setAcknowledgementGate(AcknowledgementGate gate) { m_gate = std::move(gate); }
    // An acknowledgement the shared database holds for the open alert with this key (this
    // console's, or another's heard through NOTIFY): applied as it was made, with no audit
    // entry of its own (the database recorded it with the acknowledgement).
    void applySharedAcknowledgement(const QString &source, const QString &resource,
                                    const QString &event, const QString &by,
                                    const QDateTime &at, const QString &note);
    // This console's pending acknowledgement was not the one kept (somebody was first), or
    // could not be made (the database unreachable): acknowledgementRefused() tells the console.
    void acknowledgementNotRecorded(quint64 id, const QString &reason);
    ActionResult shelve(quint64 id, const Actor &actor, const QString &reason,
                        const QDateTime &until);
    ActionResult unshelve(quint64 id, const Actor &actor, const QString &note);
    // Shelves and unshelves decided on the shared database, as acknowledgements are: with a
    // shelf gate set, shelve() and unshelve() check role, reason, expiry and state, hand the
    // request to the gate and return `pending`; the answer comes back through
    // applySharedShelf() / applySharedUnshelve(), or shelfNotRecorded().
    using ShelfGate = std::function<void(const AlertRecord &, const ShelfRequest &)>;
    void setShelfGate(ShelfGate gate) { m_shelfGate = std::move(gate); }
    // A shelf the shared database holds for the open alert with this key: applied as it was
    // made, with no audit entry of its own. One already expired is not applied.
    void applySharedShelf(const QString &source, const QString &resource, const QString &event,
                          const QString &by, const QString &reason, const QDateTime &until);
    // The shared database says the shelf (by, until) was taken off at `at`: if this console
    // still shows that shelf, the alert comes off it as an unshelve would take it off.
    void applySharedUnshelve(const QString &source, const QString &resource,
                             const QString &event, const QString &by, const QDateTime &until,
                             const QDateTime &at);
    // This console's pending shelve or unshelve was not the one kept: shelfRefused() says why.
    void shelfNotRecorded(quint64 id, const QString &reason);

    // Takes up alerts kept in the store (AlertArchive) before events arrive: ids, states,
    // acknowledgements, shelves and counts as they were; none sounds or is audited again. New
    // alerts are numbered from nextId on. Alerts with an id already known are left as they are.
    void restore(const QList<AlertRecord> &alerts, quint64 nextId);

    const AlertRecord *alert(quint64 id) const;
    // The open alert with this key (not closed), if any.
    const AlertRecord *find(const QString &source, const QString &resource,
                            const QString &event) const;
    QList<AlertRecord> alerts() const;
    qsizetype size() const { return m_alerts.size(); }
    // Live alerts nobody has acknowledged (Exercise and Test left out).
    int liveUnacknowledgedCount() const;
    int liveUnacknowledgedCriticalCount() const;
    const AlertPolicy &policy() const { return m_rules.policy; }
    const QList<AlertRule> &rules() const { return m_rules.rules; }

signals:
    // One per batch (events, tick or action): the table model's feed.
    void alertsUpdated(const tlr::AlertChanges &changes);
    // Once per new live alert, never for repeats, refreshes or re-activations: the tone.
    void alertRaised(const tlr::AlertRecord &alert);
    // Still unacknowledged and the level rose: louder alarm, banner, executive notice.
    void alertEscalated(const tlr::AlertRecord &alert, int level);
    // A shelf expires in AlertPolicy::shelveReminderMinutes.
    void shelveReminder(const tlr::AlertRecord &alert);
    // A person acknowledged, shelved or unshelved it (after alertsUpdated): what must be kept
    // at once, not with the next coalesced write.
    void alertActedOn(quint64 id);
    // A pending acknowledgement was not recorded, and why ("already acknowledged by …").
    void acknowledgementRefused(quint64 id, const QString &reason);
    // A pending shelve or unshelve was not recorded, and why ("already shelved by …").
    void shelfRefused(quint64 id, const QString &reason);

private:
    // Whether an alert is already listed in this batch's changes, and how.
    enum class Pending { None, Repeated, Changed };
    struct Entry
    {
        AlertRecord record;
        std::deque<qint64> flips; // raise/clear changes within the flapping window, ms
        Pending pending = Pending::None;
        qint64 dueMs = -1; // when checkTimers must next look at it; −1: nothing timed
        bool countedUnacknowledged = false; // in m_liveUnacknowledged
        bool countedCritical = false;       // in m_liveUnacknowledgedCritical
    };

    void applyCondition(const AlertCondition &condition, const QDateTime &now);
    void raise(const AlertCondition &condition, const QDateTime &now);
    void recordFlip(Entry &entry, const QDateTime &now);
    void settle(Entry &entry, const QDateTime &now, const Actor &actor);
    void putOnShelf(Entry &entry, const QString &by, const QString &reason,
                    const QDateTime &until);
    ActionResult handToShelfGate(const AlertRecord &alert, const ShelfRequest &request);
    ActionResult refuse(quint64 id, const Actor &actor, const char *action, const QString &reason);
    void audit(const Actor &actor, const char *action, const AlertRecord &alert,
               const QString &note);
    void markChanged(Entry &entry);
    // The open alert with this key on this console, if any.
    Entry *openEntry(const QString &source, const QString &resource, const QString &event);
    void markRepeated(Entry &entry);
    void flush();
    void applyQueuedSlice();
    // The timers' index: checkTimers looks only at alerts whose time has come, not at all of
    // them (100,000 alerts scanned every second were a visible stall).
    qint64 nextDueMs(const Entry &entry) const;
    void schedule(Entry &entry);
    void unschedule(const Entry &entry);
    // The live unacknowledged counts, kept as batches change alerts: every panel, KPI card and
    // the wall's rotation ask for them on every batch.
    void recount(Entry &entry);
    void uncount(const Entry &entry);
    static QString key(const QString &source, const QString &resource, const QString &event);

    const WallClock *m_clock;
    AlertRules m_rules;
    AuditRecorder *m_audit;
    AcknowledgementGate m_gate;
    QSet<quint64> m_pendingAcknowledgements; // handed to the gate, no answer yet
    ShelfGate m_shelfGate;
    QSet<quint64> m_pendingShelves; // handed to the shelf gate, no answer yet
    RuleEvaluator m_evaluator;
    FeedAlertTracker m_feedAlerts;
    QHash<quint64, Entry> m_alerts;
    std::set<std::pair<qint64, quint64>> m_due; // (due ms, alert id)
    std::deque<AlertCondition> m_queued;
    int m_liveUnacknowledged = 0;
    int m_liveUnacknowledgedCritical = 0;
    QTimer m_sliceTimer;
    mutable FrameBudget m_frameBudget;
    QHash<QString, quint64> m_openByKey;
    QHash<QString, Agency> m_agencyOfSource;
    quint64 m_nextId = 1;
    AlertChanges m_changes;
};

} // namespace tlr
