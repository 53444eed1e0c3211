#pragma once

#include "AuditRecorder.h"

#include <QPointer>

namespace tlr {

class RoomLeadership;

// The audit recorder of one console among several on a shared chain: people's actions always
// go to the chain; the system's own entries about alerts and incidents (raised, escalated,
// returned to normal, fused, signal joined…), which every console would make alike, only while
// this console is the room's leader. The system's entries about this console itself (the wall
// started or stopped, a session ended with it) always go: they are this console's alone.
class RoomAuditRecorder : public AuditRecorder
{
public:
    RoomAuditRecorder(AuditRecorder *chain, const RoomLeadership *leadership);

    void record(const AuditAction &action) override;

    // Whether an entry is one every console makes alike, left to the leader.
    static bool isRoomWide(const AuditAction &action);
    qint64 leftToLeader() const { return m_leftToLeader; }

private:
    AuditRecorder *m_chain;
    QPointer<const RoomLeadership> m_leadership;
    qint64 m_leftToLeader = 0;
};

} // namespace tlr
