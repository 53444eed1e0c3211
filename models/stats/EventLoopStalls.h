#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace tlr {

// How long the event loop of the thread this object lives on was kept from its events: a
// precise heartbeat timer notes the gap between its beats. A gap well over the beat is a stall
// that anyone at the wall saw: nothing painted, no key answered. Each gap is measured twice:
// by the clock, and by the thread's own CPU time between the beats. On a shared machine the
// clock also counts the time the thread waited for a core; the CPU time is what the wall's own
// work cost, and what a machine of its own would show.
class EventLoopStalls : public QObject
{
    Q_OBJECT
public:
    struct Figures
    {
        qint64 beats = 0;
        double maxMs = 0.0;      // the longest gap between beats, by the clock
        double maxCpuMs = 0.0;   // the most CPU time the thread spent between two beats
        qint64 overLimit = 0;    // gaps over limitMs, by the clock
        qint64 cpuOverLimit = 0; // gaps whose CPU time was over limitMs
    };

    explicit EventLoopStalls(QObject *parent = nullptr);

    void start();
    void stop();
    bool isActive() const { return m_beat.isActive(); }

    // A gap longer than this counts as a stall (default 100 ms: a frame anyone notices).
    void setLimitMs(double milliseconds) { m_limitMs = milliseconds; }
    double limitMs() const { return m_limitMs; }
    static constexpr int beatMs = 10;

    Figures figures() const { return m_figures; }

private:
    void beat();

    QTimer m_beat{this};
    QElapsedTimer m_sinceBeat;
    double m_cpuAtBeatMs = 0.0;
    double m_limitMs = 100.0;
    Figures m_figures;
};

} // namespace tlr
