#include "IncidentArchive.h"

#include "IncidentBoard.h"
#include "IncidentLog.h"
#include "store/EventStore.h"
#include "store/StoreReplyWait.h"
#include "store/StoreReplyWatch.h"

#include <QFuture>

namespace tlr {
namespace {

QList<Incident> incidentsOf(const IncidentBoard &board, const QList<qint64> &ids)
{
    QList<Incident> incidents;
    incidents.reserve(ids.size());
    for (const qint64 id : ids) {
        if (const Incident *incident = board.incident(id))
            incidents.append(*incident);
    }
    return incidents;
}

} // namespace

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
}

IncidentArchive::~IncidentArchive()
{
    if (!m_board || !m_store || m_writes.empty())
        return;
    // Queued before the store closes, so written before it does; nobody waits for the answer.
    m_store->saveIncidents(incidentsOf(*m_board, m_writes.take()));
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
        this, m_store->saveIncidents(incidentsOf(*m_board, ids)),
        [this, ids](const StoreReply<int> &reply) { settle(ids, reply); },
        [this, ids] { settle(ids, {{}, QStringLiteral("the store closed")}); });
}

QString IncidentArchive::settle(const QList<qint64> &ids, const StoreReply<int> &reply)
{
    const QString error = m_writes.settle(ids, reply);
    if (!error.isEmpty()) {
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
    return settle(ids, waitForReply(m_store->saveIncidents(incidentsOf(*m_board, ids)),
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
