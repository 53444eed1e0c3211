#pragma once

#include <QElapsedTimer>

namespace tlr::feedsim {

// Real time since the run started, in ms. The simulator reads time only through this, so that
// tests can step it by hand and run an hour of feeds in a moment.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual qint64 elapsedMs() const = 0;
};

class SteadyClock : public Clock
{
public:
    SteadyClock() { m_timer.start(); }
    qint64 elapsedMs() const override { return m_timer.elapsed(); }

private:
    QElapsedTimer m_timer;
};

class ManualClock : public Clock
{
public:
    qint64 elapsedMs() const override { return m_ms; }
    void advance(qint64 ms) { m_ms += ms; }

private:
    qint64 m_ms = 0;
};

} // namespace tlr::feedsim
