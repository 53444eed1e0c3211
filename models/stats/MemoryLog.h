#pragma once

#include "stats/MemoryFigures.h"

#include <QObject>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <memory>

namespace tlr {

// Logs what the process's memory is made of every interval (category tlr.stats.memory, debug
// level): the heap in use, the heap the allocator holds, the resident set. Why: resident memory
// alone cannot tell growth of what the wall uses from memory glibc keeps after it was freed. In
// session 13's 48 h soaks resident memory grew 4.0–6.3 % after the warm-up while the heap in use
// grew 1.1 % and −0.4 %: the allocator's hold grew instead. Giving freed pages back every minute
// (malloc_trim) was tried and did not help: resident memory climbed back within the minute.
// The figures are read on the global thread pool: the allocator locks each arena to count it.
class MemoryLog : public QObject
{
    Q_OBJECT
public:
    explicit MemoryLog(std::chrono::milliseconds interval, QObject *parent = nullptr);

private:
    void logInBackground();

    QTimer m_timer;
    // One reading at a time: a turn that finds the last one still waiting for the pool is
    // skipped. Shared with the pool's task, which may outlive this object.
    std::shared_ptr<std::atomic_bool> m_reading = std::make_shared<std::atomic_bool>(false);
};

} // namespace tlr
