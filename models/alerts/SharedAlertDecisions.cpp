#include "SharedAlertDecisions.h"

#include "AlertEngine.h"
#include "AlertLog.h"
#include "store/EventStore.h"

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
    m_store->alertStates(future).then(this, [this](const StoreReply<StoredAlerts> &reply) {
        if (!reply.ok()) {
            setStale(true, reply.error);
            return;
        }
        setStale(false);
        for (const AlertRecord &a : reply.value.alerts) {
            if (a.acknowledged && m_engine) {
                m_engine->applySharedAcknowledgement(a.source, a.resource, a.event,
                                                     a.acknowledgedBy, a.acknowledgedAt,
                                                     a.acknowledgeNote);
            }
        }
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
        m_store->closeSharedEpisode(*alert).then(this, [this](const StoreReply<int> &reply) {
            if (!reply.ok())
                setStale(true, reply.error);
        });
    }
}

SharedAlertDecisions::~SharedAlertDecisions()
{
    if (m_engine)
        m_engine->setAcknowledgementGate({});
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
    m_store->acknowledgeShared(alert, actor, note, at)
        .then(this,
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
                      qCInfo(lcAlerts).noquote() << "shared acknowledgement recorded: alert:" +
                                                        QString::number(outcome.alertId)
                                                 << "by" << outcome.acknowledgedBy;
                  }
                  if (m_engine) {
                      m_engine->applySharedAcknowledgement(source, resource, event,
                                                           outcome.acknowledgedBy,
                                                           outcome.acknowledgedAt, outcome.note);
                  }
                  if (!outcome.recorded) {
                      notRecorded(QStringLiteral("already acknowledged by %1 at %2")
                                      .arg(outcome.acknowledgedBy,
                                           outcome.acknowledgedAt.toString(Qt::ISODate)));
                  }
              })
        .onCanceled(this, [notRecorded] {
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
    m_store->alertState(id).then(
        this, [this](const StoreReply<std::optional<AlertRecord>> &reply) {
            if (!reply.ok()) {
                setStale(true, reply.error);
                return;
            }
            setStale(false);
            if (!reply.value || !reply.value->acknowledged || !m_engine)
                return;
            const AlertRecord &a = *reply.value;
            qCInfo(lcAlerts).noquote()
                << "shared acknowledgement heard: alert:" + QString::number(a.id) << "by"
                << a.acknowledgedBy;
            m_engine->applySharedAcknowledgement(a.source, a.resource, a.event, a.acknowledgedBy,
                                                 a.acknowledgedAt, a.acknowledgeNote);
        });
}

} // namespace tlr
