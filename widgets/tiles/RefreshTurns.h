#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <functional>

namespace tlr {

// The wall's heavy tiles take turns to redraw: each asks for a turn and is called back alone,
// in an event-loop turn of its own. News that every chart and KPI card draws (a batch of
// readings, the window sliding on the same second) otherwise becomes one long turn of all their
// re-layouts, with nothing painted or answered between them: the soak's last stall was 19
// events in 107 ms, two charts' scene updates the longest. Between two redraws the loop paints,
// takes keys and runs what each redraw posted. GUI thread only; one queue per application.
class RefreshTurns : public QObject
{
    Q_OBJECT
public:
    static RefreshTurns &instance();

    // Calls `redraw` in a turn of its own after those already waiting. A tile already waiting
    // for the same purpose keeps its place (its redraw reads the newest state when it comes);
    // another purpose (a page revealing a tile that also waits to redraw) gets a turn of its
    // own. Nothing is called for a tile destroyed meanwhile.
    void request(QObject *tile, std::function<void()> redraw, const char *purpose = "redraw");
    qsizetype waiting() const { return qsizetype(m_waiting.size()); }

private:
    explicit RefreshTurns(QObject *parent);
    void takeTurn();

    struct Waiting
    {
        QPointer<QObject> tile;
        const char *purpose;
        std::function<void()> redraw;
    };
    std::deque<Waiting> m_waiting;
    QTimer m_turn{this};
};

} // namespace tlr
