#include "RoomLeadership.h"

#include "AuditCategory.h"
#include "store/EventStore.h"
#include "store/StoreReplyWatch.h"

#include <QFuture>

namespace tlr {

RoomLeadership::RoomLeadership(EventStore *shared, QObject *parent)
    : QObject(parent)
    , m_store(shared)
{
    m_timer.setInterval(kRetryMs);
    connect(&m_timer, &QTimer::timeout, this, &RoomLeadership::ask);
    m_timer.start();
    ask();
}

void RoomLeadership::ask()
{
    if (!m_store || m_asking)
        return;
    m_asking = true;
    watchStoreReply(this, m_store->holdRoomLeadership(), [this](const StoreReply<bool> &reply) {
        m_asking = false;
        // Unanswered, this console cannot know whether its connection (and the lock) is still
        // there: it records no system entries rather than risk a second copy of each.
        const bool leader = reply.ok() && reply.value;
        if (!reply.ok())
            qCWarning(lcAudit).noquote() << "room leadership not known:" << reply.error;
        if (leader == m_leader)
            return;
        m_leader = leader;
        qCInfo(lcAudit).noquote() << (leader ? "this console records the room's system entries"
                                             : "another console records the room's system entries");
        emit leaderChanged(leader);
    });
}

} // namespace tlr
