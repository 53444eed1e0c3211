#include "AlertArchive.h"

#include "AlertEngine.h"
#include "AlertLog.h"
#include "store/EventStore.h"
#include "store/StoreReplyWait.h"
#include "store/StoreReplyWatch.h"

#include <QFuture>

namespace tlr {
namespace {

QList<AlertRecord> alertsOf(const AlertEngine &engine, const QList<quint64> &ids)
{
    QList<AlertRecord> alerts;
    alerts.reserve(ids.size());
    for (const quint64 id : ids) {
        if (const AlertRecord *alert = engine.alert(id))
            alerts.append(*alert);
    }
    return alerts;
}

} // namespace

AlertArchive::AlertArchive(AlertEngine *engine, EventStore *store, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_store(store)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(500);
    connect(&m_timer, &QTimer::timeout, this, [this] { save(m_writes.take()); });
    connect(engine, &AlertEngine::alertsUpdated, this, &AlertArchive::markChanged);
    connect(engine, &AlertEngine::alertActedOn, this, &AlertArchive::saveNow);
}

AlertArchive::~AlertArchive()
{
    if (!m_engine || !m_store || m_writes.empty())
        return;
    // Queued before the store closes, so written before it does; nobody waits for the answer.
    m_store->saveAlertStates(alertsOf(*m_engine, m_writes.take()));
}

void AlertArchive::markChanged(const AlertChanges &changes)
{
    // Alerts leaving the engine (closed long enough) keep their last row, written when they
    // closed.
    for (const QList<quint64> *ids : {&changes.inserted, &changes.changed, &changes.repeated})
        m_writes.markAll(*ids);
    if (!m_writes.empty() && !m_timer.isActive())
        m_timer.start();
}

void AlertArchive::saveNow(quint64 id)
{
    m_writes.forget(id);
    if (m_engine && m_store)
        m_unrecordedActions.insert(id, m_writesQueued + 1); // the write save() queues now
    save({id});
}

void AlertArchive::save(const QList<quint64> &ids)
{
    if (!m_engine || !m_store || ids.isEmpty())
        return;
    const quint64 write = ++m_writesQueued;
    watchStoreReply(
        this, m_store->saveAlertStates(alertsOf(*m_engine, ids)),
        [this, ids, write](const StoreReply<int> &reply) { settle(ids, reply, write); },
        [this, ids, write] { settle(ids, {{}, QStringLiteral("the store closed")}, write); });
}

QString AlertArchive::settle(const QList<quint64> &ids, const StoreReply<int> &reply,
                            quint64 write)
{
    const QString error = m_writes.settle(ids, reply);
    if (!error.isEmpty()) {
        const QString message = QStringLiteral("%1 alerts not saved: %2").arg(ids.size()).arg(error);
        qCWarning(lcAlerts).noquote() << message;
        emit failed(message);
    }
    for (const quint64 id : ids) {
        const auto action = m_unrecordedActions.constFind(id);
        if (action == m_unrecordedActions.cend() || *action > write)
            continue; // no action waits, or this write was queued before it
        if (!error.isEmpty()) {
            emit actionNotRecorded(id, error);
            continue;
        }
        m_unrecordedActions.erase(action);
        emit actionRecorded(id);
    }
    return error;
}

QString AlertArchive::flush()
{
    m_timer.stop();
    if (!m_engine || !m_store)
        return QStringLiteral("the alert archive has no engine or store");
    if (m_writes.empty())
        return {};
    const QList<quint64> ids = m_writes.take();
    const quint64 write = ++m_writesQueued;
    return settle(ids,
                  waitForReply(m_store->saveAlertStates(alertsOf(*m_engine, ids)),
                               QStringLiteral("the store closed")),
                  write);
}

QString AlertArchive::restore(const QDateTime &now)
{
    if (!m_engine || !m_store)
        return QStringLiteral("the alert archive has no engine or store");
    const qint64 retentionSecs = qint64(m_engine->policy().closedRetentionMinutes) * 60;
    const StoreReply<StoredAlerts> reply =
        waitForReply(m_store->alertStates(now.addSecs(-retentionSecs)),
                     QStringLiteral("the store closed before the alerts were read"));
    if (!reply.ok()) {
        qCWarning(lcAlerts).noquote() << "cannot restore alerts:" << reply.error;
        return reply.error;
    }
    m_engine->restore(reply.value.alerts, reply.value.nextId);
    // What restore() reported as inserted is what the store holds already.
    m_timer.stop();
    m_writes.forgetAll();
    qCInfo(lcAlerts) << "restored" << reply.value.alerts.size() << "alerts from the store";
    return {};
}

} // namespace tlr
