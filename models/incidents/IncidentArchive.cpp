#include "IncidentArchive.h"

#include "IncidentBoard.h"
#include "IncidentLog.h"
#include "store/EventStore.h"
#include "store/StoreReplyWait.h"
#include "store/StoreReplyWatch.h"

#include <QFuture>

namespace tlr {
IncidentArchive::IncidentArchive(IncidentBoard *board, EventStore *store, QObject *parent)
    : QObject(parent)
    , m_board(board)
    , m_store(store)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(500);
    connect(&m_timer, &QTimer::timeout, this, &IncidentArchive::saveChanged);
    connect(board, &IncidentBoard::incidentOpened, this, &IncidentArchive::markChanged);
    connect(board, &IncidentBoard::incidentChanged, this, &IncidentArchive::markChanged);
    connect(board, &IncidentBoard::incidentsAboutToBeRetired, this, &IncidentArchive::keepRetired);
}

QList<Incident> IncidentArchive::incidentsOf(const QList<qint64> &ids) const
{
    QList<Incident> incidents;
    incidents.reserve(ids.size());
    for (const qint64 id : ids) {
        if (const Incident *incident = m_board ? m_board->incident(id) : nullptr)
            incidents.append(*incident);
        else if (const auto retired = m_retired.constFind(id); retired != m_retired.cend())
            incidents.append(*retired);
    }
    return incidents;
}

void IncidentArchive::keepRetired(const QList<qint64> &ids)
{
    // Written once more as they leave: a write of them still on its way may yet fail, and its
    // retry could no longer read them from the board.
    for (const qint64 id : ids) {
        if (const Incident *incident = m_board->incident(id)) {
            m_retired.insert(id, *incident);
            m_writes.mark(id);
        }
    }
    if (!m_timer.isActive())
        m_timer.start();
}

IncidentArchive::~IncidentArchive()
{
    if (!m_board || !m_store || m_writes.empty())
        return;
    // Queued before the store closes, so written before it does; nobody waits for the answer.
    m_store->saveIncidents(incidentsOf(m_writes.take()));
}

void IncidentArchive::markChanged(qint64 id)
{
    m_writes.mark(id);
    if (!m_timer.isActive())
        m_timer.start();
}

void IncidentArchive::saveChanged()
{
    if (!m_board || !m_store || m_writes.empty())
        return;
    const QList<qint64> ids = m_writes.take();
    watchStoreReply(
        this, m_store->saveIncidents(incidentsOf(ids)),
        [this, ids](const StoreReply<int> &reply) { settle(ids, reply); },
        [this, ids] { settle(ids, {{}, QStringLiteral("the store closed")}); });
}

QString IncidentArchive::settle(const QList<qint64> &ids, const StoreReply<int> &reply)
{
    const QString error = m_writes.settle(ids, reply);
    if (error.isEmpty()) {
        for (const qint64 id : ids) {
            if (!m_writes.contains(id)) // else a later write of it is still to come
                m_retired.remove(id);
        }
    } else {
        const QString message = QStringLiteral("%1 incidents not saved: %2").arg(ids.size()).arg(error);
        qCWarning(lcIncidents).noquote() << message;
        emit failed(message);
    }
    return error;
}

QString IncidentArchive::flush()
{
    m_timer.stop();
    if (!m_board || !m_store)
        return QStringLiteral("the incident archive has no board or store");
    if (m_writes.empty())
        return {};
    const QList<qint64> ids = m_writes.take();
    return settle(ids, waitForReply(m_store->saveIncidents(incidentsOf(ids)),
                                    QStringLiteral("the store closed")));
}

QString IncidentArchive::restore(const QDateTime &now, int keepFinishedHours)
{
    if (!m_board || !m_store)
        return QStringLiteral("the incident archive has no board or store");
    const StoreReply<QList<Incident>> reply =
        waitForReply(m_store->incidents(now.addSecs(-qint64(keepFinishedHours) * 3600)),
                     QStringLiteral("the store closed before the incidents were read"));
    if (!reply.ok()) {
        qCWarning(lcIncidents).noquote() << "cannot restore incidents:" << reply.error;
        return reply.error;
    }
    m_board->restore(reply.value);
    return {};
}

} // namespace tlr
