#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace tlr {

class EventStore;

// Which console of the room records the system's own audit entries. Every console raises the
// same alerts and fuses the same incidents from the same feeds; were each to record "alert
// raised" or "incident fused", the shared chain would hold every such entry once per console.
// The leader is the console holding a PostgreSQL session advisory lock
// (EventStore::holdRoomLeadership): asked at once and every kRetryMs, so that when the leader
// stops, dies or loses the server, another console takes over within that time.
class RoomLeadership : public QObject
{
    Q_OBJECT
public:
    static constexpr int kRetryMs = 2000;

    // `shared` is the room's database; it must outlive this.
    explicit RoomLeadership(EventStore *shared, QObject *parent = nullptr);

    bool isLeader() const { return m_leader; }

signals:
    void leaderChanged(bool leader);

private:
    void ask();

    QPointer<EventStore> m_store;
    QTimer m_timer{this};
    bool m_leader = false;
    bool m_asking = false;
};

} // namespace tlr
