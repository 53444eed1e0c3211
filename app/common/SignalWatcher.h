#pragma once

#include <QObject>

class QSocketNotifier;

namespace tlr {

// Turns SIGINT and SIGTERM into a Qt signal through a self-pipe, so that the program leaves
// the event loop normally and finishes its work (a signal handler may only write a byte).
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

    bool isValid() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace tlr
