#include "SystemdNotifier.h"

#include <QLoggingCategory>

#include <algorithm>
#include <cstring>

#ifdef TLR_HAVE_SYSTEMD
#include <systemd/sd-daemon.h>
#endif

Q_LOGGING_CATEGORY(lcService, "tlr.service")

namespace tlr {

SystemdNotifier::SystemdNotifier(QObject *parent)
    : QObject(parent)
{
#ifdef TLR_HAVE_SYSTEMD
    uint64_t timeoutUsec = 0;
    // > 0 only when the unit set WatchdogSec= and this process is the one it watches.
    if (sd_watchdog_enabled(0, &timeoutUsec) > 0 && timeoutUsec > 0) {
        // Twice per period, as sd_watchdog_enabled(3) advises: one late turn is no kill.
        const auto interval = std::chrono::milliseconds(std::max<uint64_t>(timeoutUsec / 2000, 1));
        m_watchdog.setInterval(interval);
        m_watchdog.setTimerType(Qt::CoarseTimer);
        connect(&m_watchdog, &QTimer::timeout, this, [this] { notify("WATCHDOG=1"); });
        m_watchdog.start();
        qCInfo(lcService, "systemd watchdog: %lld ms, pinged every %lld ms from the GUI thread",
               static_cast<long long>(timeoutUsec / 1000), static_cast<long long>(interval.count()));
    }
#endif
}

bool SystemdNotifier::isSupported()
{
#ifdef TLR_HAVE_SYSTEMD
    return true;
#else
    return false;
#endif
}

void SystemdNotifier::notifyReady(const QString &status)
{
    notify("READY=1\nSTATUS=" + status.toUtf8());
}

void SystemdNotifier::notifyStopping()
{
    m_watchdog.stop();
    notify("STOPPING=1");
}

std::chrono::milliseconds SystemdNotifier::watchdogInterval() const
{
    return m_watchdog.isActive() ? m_watchdog.intervalAsDuration() : std::chrono::milliseconds(0);
}

void SystemdNotifier::notify(const QByteArray &state)
{
#ifdef TLR_HAVE_SYSTEMD
    // Negative: the socket named in NOTIFY_SOCKET failed; 0: not run by a notify unit.
    if (const int result = sd_notify(0, state.constData()); result < 0)
        qCWarning(lcService, "cannot notify systemd (%s): %s", state.constData(), strerror(-result));
#else
    Q_UNUSED(state);
#endif
}

} // namespace tlr
