#pragma once

#include <QEvent>
#include <QString>

class QObject;

namespace tlr {

// The longest events the GUI thread delivered since it was last asked, and how many it delivered
// in all: what a stall was spent on, one slow event or many short ones. An application's
// notify() feeds it (TimedApplication); EventLoopStalls names them when it logs a stall, so that
// a freeze at 3 a.m. says which part of the wall held the room up. GUI thread only.
class SlowestEvent
{
public:
    // What is known of a delivery before it is made: the receiver may be gone after it (a
    // deferred delete, a window that closed itself).
    struct Delivery
    {
        const char *receiverClass = nullptr;
        QString receiverName;
        const char *ownerClass = nullptr; // the receiver's parent: a QTimer's tile, say
        QString ownerName;
        QEvent::Type type = QEvent::None;
    };
    static Delivery describe(const QObject *receiver, const QEvent *event);

    static void note(const Delivery &delivery, qint64 nanoseconds);
    static constexpr int kNamed = 3; // the longest ones a take() names
    // "12 ms: Timer to QTimer in tlr::KpiTile \"kpiOpen\"; 4 ms: …; 9 events, 19 ms in all",
    // then forgets them; empty when nothing was noted since the last take.
    static QString take();
    static void forget();
};

} // namespace tlr
