#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>

namespace tlr {

// Tells systemd how the wall is doing when a unit of Type=notify runs it: ready once the first
// frame is painted, stopping when it shuts down, and, while it runs, a watchdog ping from a
// timer on the GUI thread. A GUI thread that hangs stops the pings, and the unit's WatchdogSec
// then kills and restarts the wall: a crash is not the only fault a control room sees.
// Outside such a unit, or built without libsystemd, every call does nothing.
class SystemdNotifier : public QObject
{
    Q_OBJECT
public:
    explicit SystemdNotifier(QObject *parent = nullptr);

    // Whether this build can talk to systemd at all (libsystemd found at configure time).
    static bool isSupported();

    void notifyReady(const QString &status);
    void notifyStopping();
    // Zero when systemd asked for no watchdog (no WatchdogSec=, or not under systemd).
    std::chrono::milliseconds watchdogInterval() const;

private:
    void notify(const QByteArray &state);

    QTimer m_watchdog{this};
};

} // namespace tlr
