#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class QAbstractEventDispatcher;

namespace tlr {

// The share of the GUI thread that deferred alert work may take: kWorkMs of every kFrameMs.
// The engine's slices and the alert table's drain ask the same budget, so that however large
// a burst is, the work done between two paints stays bounded and the rest of each frame is
// left to the views' paint and to input. What does not fit waits for the next frame
// (msUntilNextFrame()).
//
// Work is counted by the event-loop turn it runs in: from the first question in a turn until
// the thread's event dispatcher next goes to wait or wakes up (aboutToBlock, awake), which
// every pass of an event loop does, nested ones and processEvents() too. Tests count pieces of
// work instead of time (setPiecesPerFrame), so that how a burst is split does not depend on
// the machine's speed or load; a frame is then one turn.
class FrameBudget : public QObject
{
    Q_OBJECT
public:
    static constexpr int kFrameMs = 16;
    // A paint of the alert panel with 100,000 alerts takes up to about 9 ms more, a batch's
    // first conditions and its signal up to 2 ms (bench_alerts, TLR_BENCH_PROFILE=1).
    static constexpr int kWorkMs = 5;

    explicit FrameBudget(QObject *parent = nullptr);

    // Whether this frame has time for one more piece of work (a condition, a run of rows),
    // keeping reserveMs for work that must follow (a batch's signal); in pieces mode each
    // question uses up one piece.
    bool hasTimeLeft(int reserveMs = 0);
    // Time after which a question finds a frame with time again: 0 while this one has some.
    int msUntilNextFrame() const;

    // n > 0: a frame is one event-loop turn and allows n pieces, whatever they cost (tests);
    // 0: kWorkMs of every kFrameMs.
    void setPiecesPerFrame(int pieces);
    int piecesPerFrame() const { return m_piecesPerFrame; }
    // How many event-loop turns have asked this budget for time, and how many of those found it
    // spent (tests: a burst finished over several turns).
    int turnsUsed() const { return m_turnsUsed; }
    int turnsSpent() const { return m_turnsSpent; }

private:
    void followDispatcher();
    void startTurn();
    void endTurn();
    qint64 usedNs() const;

    QPointer<QAbstractEventDispatcher> m_dispatcher;
    QElapsedTimer m_clock;
    qint64 m_frameStartNs = 0;
    qint64 m_usedBeforeTurnNs = 0; // by earlier turns of this frame
    qint64 m_turnStartNs = 0;
    bool m_inTurn = false;
    bool m_spent = false;
    int m_piecesPerFrame = 0;
    int m_piecesLeft = 0;
    int m_turnsUsed = 0;
    int m_turnsSpent = 0;
};

} // namespace tlr
