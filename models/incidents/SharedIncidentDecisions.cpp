#include "SharedIncidentDecisions.h"

#include "IncidentBoard.h"
#include "IncidentLog.h"
#include "store/EventStore.h"
#include "store/StoreReplyWatch.h"

#include <QFuture>

namespace tlr {

SharedIncidentDecisions::SharedIncidentDecisions(IncidentBoard *board, EventStore *shared,
                                                 QObject *parent)
    : QObject(parent)
    , m_board(board)
    , m_store(shared)
{
    board->setActionGate([this](const Incident &incident,
                                const IncidentLifecycle::Request &request) {
        ask(incident, request);
    });
    connect(shared, &EventStore::sharedChange, this, &SharedIncidentDecisions::heard);
    connect(board, &IncidentBoard::incidentOpened, this,
            &SharedIncidentDecisions::requestCatchUp);
    connect(board, &IncidentBoard::restored, this, &SharedIncidentDecisions::requestCatchUp);
    m_catchUpTimer.setSingleShot(true);
    m_catchUpTimer.setInterval(250);
    connect(&m_catchUpTimer, &QTimer::timeout, this, &SharedIncidentDecisions::catchUp);
    requestCatchUp();
}

SharedIncidentDecisions::~SharedIncidentDecisions()
{
    if (m_board)
        m_board->setActionGate({});
}

void SharedIncidentDecisions::requestCatchUp()
{
    if (!m_catchUpTimer.isActive())
        m_catchUpTimer.start();
}

void SharedIncidentDecisions::catchUp()
{
    if (!m_store || !m_board)
        return;
    const QDateTime since = QDateTime::currentDateTimeUtc().addDays(-1);
    watchStoreReply(
        this, m_store->incidents(since), [this](const StoreReply<QList<Incident>> &reply) {
            if (!reply.ok()) {
                qCWarning(lcIncidents).noquote() << "shared incidents not read:" << reply.error;
                return;
            }
            for (const Incident &shared : reply.value)
                apply(shared);
        });
}

void SharedIncidentDecisions::apply(const Incident &shared)
{
    if (!m_board)
        return;
    if (const qint64 id = m_board->holding(shared))
        m_board->applyShared(id, shared);
}

void SharedIncidentDecisions::ask(const Incident &incident,
                                  const IncidentLifecycle::Request &request)
{
    const qint64 localId = incident.id;
    const auto notRecorded = [this, localId](const QString &reason) {
        if (m_board)
            m_board->actionNotRecorded(localId, reason);
    };
    if (!m_store) {
        notRecorded(QStringLiteral("the shared database is closed"));
        return;
    }
    const QString verb = incidentActionKey(request.action);
    watchStoreReply(
        this, m_store->actOnSharedIncident(incident, request),
        [=, this](const StoreReply<IncidentOutcome> &reply) {
            if (!reply.ok()) {
                notRecorded(QStringLiteral("not done (%1): the shared database did not "
                                           "take it (%2); try again")
                                .arg(verb, reply.error));
                return;
            }
            const IncidentOutcome &outcome = reply.value;
            if (outcome.recorded) {
                qCInfo(lcIncidents).noquote() << "shared incident action recorded:" << verb
                                              << "incident:" + QString::number(outcome.shared.id)
                                              << "by" << request.actor.name;
            }
            if (m_board)
                m_board->applyShared(localId, outcome.shared);
            if (!outcome.recorded)
                notRecorded(outcome.refusal);
        },
        [notRecorded] { notRecorded(QStringLiteral("not done: the shared database closed")); });
}

void SharedIncidentDecisions::heard(const QString &what)
{
    static const QLatin1String kIncident("incident:");
    if (what == QLatin1String("reconnected")) {
        requestCatchUp();
        return;
    }
    if (!what.startsWith(kIncident) || !m_store)
        return;
    bool ok = false;
    const qint64 id = what.mid(kIncident.size()).toLongLong(&ok);
    if (!ok)
        return;
    ++m_heard;
    watchStoreReply(
        this, m_store->incident(id), [this](const StoreReply<std::optional<Incident>> &reply) {
            if (!reply.ok()) {
                qCWarning(lcIncidents).noquote() << "shared incident not read:" << reply.error;
                return;
            }
            if (!reply.value)
                return;
            qCInfo(lcIncidents).noquote()
                << "shared incident change heard: incident:" + QString::number(reply.value->id)
                << "state" << incidentStateKey(reply.value->state);
            apply(*reply.value);
        });
}

} // namespace tlr
