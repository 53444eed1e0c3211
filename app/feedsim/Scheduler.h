#pragma once

#include <QtGlobal>

#include <functional>
#include <queue>
#include <vector>

namespace tlr::feedsim {

// The discrete-event core: tasks run in simulated-time order, ties in the order they were
// scheduled. Content therefore depends only on the seed and the simulated time, never on how
// often the real-time driver happens to call runUntil().
class Scheduler
{
public:
    using Task = std::function<void(qint64 nowMs)>;

    void at(qint64 timeMs, Task task)
    {
        m_queue.push(Entry{timeMs, m_nextOrder++, std::move(task)});
    }

    void runUntil(qint64 timeMs)
    {
        while (!m_queue.empty() && m_queue.top().timeMs <= timeMs) {
            Entry entry = m_queue.top();
            m_queue.pop();
            m_now = entry.timeMs;
            entry.task(entry.timeMs);
        }
        m_now = std::max(m_now, timeMs);
    }

    qint64 now() const { return m_now; }
    void setNow(qint64 timeMs) { m_now = timeMs; }

private:
    struct Entry
    {
        qint64 timeMs;
        quint64 order;
        Task task;
    };
    struct Later
    {
        bool operator()(const Entry &a, const Entry &b) const
        {
            return a.timeMs != b.timeMs ? a.timeMs > b.timeMs : a.order > b.order;
        }
    };

    std::priority_queue<Entry, std::vector<Entry>, Later> m_queue;
    quint64 m_nextOrder = 0;
    qint64 m_now = 0;
};

} // namespace tlr::feedsim
