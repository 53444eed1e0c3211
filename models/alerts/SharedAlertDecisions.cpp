#include "SharedAlertDecisions.h"

#include "AlertEngine.h"
#include "AlertLog.h"
#include "store/EventStore.h"
#include "store/StoreReplyWatch.h"

#include <QFuture>

namespace tlr {

SharedAlertDecisions::SharedAlertDecisions(AlertEngine *engine, EventStore *shared,
                                           QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_store(shared)
{
    engine->setAcknowledgementGate([this](const AlertRecord &alert, const Actor &actor,
                                          const QString &note,
                                          const QDateTime &at) { ask(alert, actor, note, at); });
    engine->setShelfGate([this](const AlertRecord &alert, const ShelfRequest &request) {
        askShelf(alert, request);
    });
    connect(shared, &EventStore::sharedChange, this, &SharedAlertDecisions::heard);
    m_catchUpTimer.setSingleShot(true);
    m_catchUpTimer.setInterval(250);
    connect(&m_catchUpTimer, &QTimer::timeout, this, &SharedAlertDecisions::catchUp);
    connect(engine, &AlertEngine::alertsUpdated, this, [this](const AlertChanges &changes) {
        if (!changes.inserted.isEmpty())
            requestCatchUp();
        closeEndedEpisodes(changes.changed);
    });
    // Also the console's look at the database: failing, shared state is marked stale.
    m_heartbeat.setInterval(5000);
    connect(&m_heartbeat, &QTimer::timeout, this, &SharedAlertDecisions::requestCatchUp);
    m_heartbeat.start();
    requestCatchUp();
}

void SharedAlertDecisions::requestCatchUp()
{
    if (!m_catchUpTimer.isActive())
        m_catchUpTimer.start();
}

void SharedAlertDecisions::catchUp()
{
    if (!m_store || !m_engine)
        return;
    // Open alerts only: an acknowledgement of an alert closed since says nothing to apply.
    const QDateTime future = QDateTime::currentDateTimeUtc().addYears(100);
    watchStoreReply(this, m_store->alertStates(future),
                    [this](const StoreReply<StoredAlerts> &reply) {
                        if (!reply.ok()) {
                            setStale(true, reply.error);
                            return;
                        }
                        setStale(false);
                        for (const AlertRecord &row : reply.value.alerts)
                            applyRow(row);
                    });
}

void SharedAlertDecisions::closeEndedEpisodes(const QList<quint64> &changed)
{
    if (!m_store || !m_engine)
        return;
    for (quint64 id : changed) {
        const AlertRecord *alert = m_engine->alert(id);
        if (!alert || alert->state != AlertState::Closed || !alert->acknowledged)
            continue;
        // Each console that sees the alert close says so; the first one closes the row. While
        // the database is unreachable this console's word is lost (another's closes the row);
        // were no console to close it, a later raise of the key would take the old
        // acknowledgement (docs/room.md).
        watchStoreReply(this, m_store->closeSharedEpisode(*alert),
                        [this](const StoreReply<int> &reply) {
                            if (!reply.ok())
                                setStale(true, reply.error);
                        });
    }
}

SharedAlertDecisions::~SharedAlertDecisions()
{
    if (m_engine) {
        m_engine->setAcknowledgementGate({});
        m_engine->setShelfGate({});
    }
}

void SharedAlertDecisions::applyRow(const AlertRecord &row)
{
    if (!m_engine)
        return;
    if (row.acknowledged) {
        m_engine->applySharedAcknowledgement(row.source, row.resource, row.event,
                                             row.acknowledgedBy, row.acknowledgedAt,
                                             row.acknowledgeNote);
    }
    if (row.state == AlertState::Shelved) {
        m_engine->applySharedShelf(row.source, row.resource, row.event, row.shelvedBy,
                                   row.shelveReason, row.shelvedUntil);
    } else if (row.state != AlertState::Closed && !row.shelvedBy.isEmpty()) {
        // The row keeps the shelf it was taken off; updated_at is when (or later).
        m_engine->applySharedUnshelve(row.source, row.resource, row.event, row.shelvedBy,
                                      row.shelvedUntil, row.updatedAt);
    }
}

void SharedAlertDecisions::askShelf(const AlertRecord &alert, const ShelfRequest &request)
{
    const quint64 localId = alert.id;
    const bool shelving = request.kind == ShelfRequest::Kind::Shelve;
    const QString verb = shelving ? QStringLiteral("not shelved") : QStringLiteral("not unshelved");
    const auto notRecorded = [this, localId](const QString &reason) {
        if (m_engine)
            m_engine->shelfNotRecorded(localId, reason);
    };
    if (!m_store) {
        notRecorded(verb + QStringLiteral(": the shared database is closed"));
        return;
    }
    const QString source = alert.source;
    const QString resource = alert.resource;
    const QString event = alert.event;
    const QString shownBy = alert.shelvedBy; // the shelf this console shows, for an unshelve
    const QDateTime shownUntil = alert.shelvedUntil;
    watchStoreReply(
        this, m_store->shelveShared(alert, request),
        [=, this](const StoreReply<ShelfOutcome> &reply) {
            if (!reply.ok()) {
                setStale(true, reply.error);
                notRecorded(QStringLiteral("%1: the shared database did not take it (%2); "
                                           "try again")
                                .arg(verb, reply.error));
                return;
            }
            setStale(false);
            const ShelfOutcome &outcome = reply.value;
            if (outcome.recorded) {
                qCInfo(lcAlerts).noquote() << (shelving ? "shared shelve recorded: alert:"
                                                        : "shared unshelve recorded: alert:") +
                                                  QString::number(outcome.alertId)
                                           << "by" << request.actor.name;
            }
            if (m_engine && outcome.shelved) {
                m_engine->applySharedShelf(source, resource, event, outcome.shelvedBy,
                                           outcome.shelveReason, outcome.shelvedUntil);
            } else if (m_engine && !shelving) {
                // Not shelved in the room's database (taken off here, or by whoever was
                // first): the shelf shown here comes off.
                m_engine->applySharedUnshelve(source, resource, event, shownBy, shownUntil,
                                              outcome.recorded ? request.at : outcome.firstAt);
            }
            if (outcome.recorded)
                return;
            if (!outcome.firstBy.isEmpty()) {
                notRecorded((shelving ? QStringLiteral("already shelved by %1 at %2")
                                      : QStringLiteral("already unshelved by %1 at %2"))
                                .arg(outcome.firstBy, outcome.firstAt.toString(Qt::ISODate)));
            } else if (shelving) {
                notRecorded(verb + QStringLiteral(": the alert is closed in the room's "
                                                  "database"));
            } else {
                notRecorded(verb + QStringLiteral(": the shelf had expired"));
            }
        },
        [notRecorded, verb] {
            notRecorded(verb + QStringLiteral(": the shared database closed"));
        });
}

void SharedAlertDecisions::setStale(bool stale, const QString &why)
{
    if (stale)
        qCWarning(lcAlerts).noquote() << "shared alert state is stale:" << why;
    if (stale == m_stale)
        return;
    m_stale = stale;
    if (!stale) // back: what the others did meanwhile
        requestCatchUp();
    emit staleChanged(stale);
}

void SharedAlertDecisions::ask(const AlertRecord &alert, const Actor &actor, const QString &note,
                               const QDateTime &at)
{
    const quint64 localId = alert.id;
    const QString source = alert.source;
    const QString resource = alert.resource;
    const QString event = alert.event;
    const auto notRecorded = [this, localId](const QString &reason) {
        if (m_engine)
            m_engine->acknowledgementNotRecorded(localId, reason);
    };
    if (!m_store) {
        notRecorded(QStringLiteral("the shared database is closed"));
        return;
    }
    watchStoreReply(
        this, m_store->acknowledgeShared(alert, actor, note, at),
        [=, this](const StoreReply<AcknowledgementOutcome> &reply) {
            if (!reply.ok()) {
                setStale(true, reply.error);
                notRecorded(QStringLiteral("not acknowledged: the shared database did not "
                                           "take it (%1); try again")
                                .arg(reply.error));
                return;
            }
            setStale(false);
            const AcknowledgementOutcome &outcome = reply.value;
            if (outcome.recorded) {
                qCInfo(lcAlerts).noquote()
                    << "shared acknowledgement recorded: alert:" + QString::number(outcome.alertId)
                    << "by" << outcome.acknowledgedBy;
            }
            if (m_engine) {
                m_engine->applySharedAcknowledgement(source, resource, event,
                                                     outcome.acknowledgedBy,
                                                     outcome.acknowledgedAt, outcome.note);
            }
            if (!outcome.recorded && outcome.acknowledgedBy.isEmpty()) {
                // Nobody acknowledged it: shelved or closed on another console first.
                notRecorded(QStringLiteral("not acknowledged: the alert is shelved or "
                                           "closed in the room's database"));
                requestCatchUp();
            } else if (!outcome.recorded) {
                notRecorded(QStringLiteral("already acknowledged by %1 at %2")
                                .arg(outcome.acknowledgedBy,
                                     outcome.acknowledgedAt.toString(Qt::ISODate)));
            }
        },
        [notRecorded] {
            notRecorded(QStringLiteral("not acknowledged: the shared database closed"));
        });
}

void SharedAlertDecisions::heard(const QString &what)
{
    static const QLatin1String kAlert("alert:");
    if (what == QLatin1String("reconnected")) {
        requestCatchUp();
        return;
    }
    if (!what.startsWith(kAlert) || !m_store)
        return;
    bool ok = false;
    const quint64 id = what.mid(kAlert.size()).toULongLong(&ok);
    if (!ok)
        return;
    ++m_heard;
    watchStoreReply(
        this, m_store->alertState(id),
        [this](const StoreReply<std::optional<AlertRecord>> &reply) {
            if (!reply.ok()) {
                setStale(true, reply.error);
                return;
            }
            setStale(false);
            if (!reply.value)
                return;
            const AlertRecord &row = *reply.value;
            qCInfo(lcAlerts).noquote()
                << "shared change heard: alert:" + QString::number(row.id) << "state"
                << alertStateKey(row.state) << "acknowledged by" << row.acknowledgedBy
                << "shelved by" << row.shelvedBy;
            applyRow(row);
        });
}

} // namespace tlr
