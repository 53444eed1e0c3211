#include "TimedApplication.h"

#include "stats/SlowestEvent.h"

#include <QElapsedTimer>
#include <QThread>

namespace tlr {

TimedApplication::TimedApplication(int &argc, char **argv) : QApplication(argc, argv)
{
}

bool TimedApplication::notify(QObject *receiver, QEvent *event)
{
    if (m_depth > 0 || QThread::currentThread() != thread())
        return QApplication::notify(receiver, event);
    const SlowestEvent::Delivery delivery = SlowestEvent::describe(receiver, event);
    QElapsedTimer timer;
    timer.start();
    ++m_depth;
    const bool accepted = QApplication::notify(receiver, event);
    --m_depth;
    SlowestEvent::note(delivery, timer.nsecsElapsed());
    return accepted;
}

} // namespace tlr
