#include "RoomAuditRecorder.h"

#include "RoomLeadership.h"

namespace tlr {

RoomAuditRecorder::RoomAuditRecorder(AuditRecorder *chain, const RoomLeadership *leadership)
    : m_chain(chain)
    , m_leadership(leadership)
{
}

bool RoomAuditRecorder::isRoomWide(const AuditAction &action)
{
    const bool system = action.actor.name == Actor::system().name &&
                        action.actor.role == Actor::system().role;
    return system && (action.action.startsWith(QLatin1String("alert.")) ||
                      action.action.startsWith(QLatin1String("incident.")));
}

void RoomAuditRecorder::record(const AuditAction &action)
{
    if (isRoomWide(action) && !(m_leadership && m_leadership->isLeader())) {
        ++m_leftToLeader;
        return;
    }
    m_chain->record(action);
}

} // namespace tlr
