#include "SystemdNotifier.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>

// The wall speaks systemd's notify protocol to a socket of our own, as systemd would listen:
// READY once, watchdog pings at half the period from the event loop, STOPPING at the end.

using namespace tlr;

namespace {

class NotifySocket
{
public:
    explicit NotifySocket(const QString &path)
    {
        m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        REQUIRE(m_fd >= 0);
        sockaddr_un address = {};
        address.sun_family = AF_UNIX;
        const QByteArray native = path.toLocal8Bit();
        REQUIRE(size_t(native.size()) < sizeof address.sun_path);
        std::memcpy(address.sun_path, native.constData(), size_t(native.size()));
        REQUIRE(::bind(m_fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0);
    }
    ~NotifySocket() { ::close(m_fd); }

    QList<QByteArray> received()
    {
        QList<QByteArray> messages;
        char buffer[4096];
        for (;;) {
            const ssize_t size = ::recv(m_fd, buffer, sizeof buffer, 0);
            if (size < 0)
                return messages;
            messages.append(QByteArray(buffer, size));
        }
    }

private:
    int m_fd = -1;
};

void runEventLoop(int milliseconds)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < milliseconds)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
}

} // namespace

TEST_CASE("Under a notify unit with a watchdog the wall says ready, pings, and says stopping")
{
    if (!SystemdNotifier::isSupported()) {
        WARN("built without libsystemd: nothing to test");
        return;
    }
    QTemporaryDir dir;
    const QString socketPath = dir.filePath(QStringLiteral("notify"));
    NotifySocket socket(socketPath);
    qputenv("NOTIFY_SOCKET", socketPath.toLocal8Bit());
    qputenv("WATCHDOG_USEC", "200000");
    qputenv("WATCHDOG_PID", QByteArray::number(qint64(::getpid())));

    {
        SystemdNotifier notifier;
        CHECK(notifier.watchdogInterval() == std::chrono::milliseconds(100));
        notifier.notifyReady(QStringLiteral("showing 7 screens"));
        runEventLoop(450);
        notifier.notifyStopping();
        CHECK(notifier.watchdogInterval() == std::chrono::milliseconds(0));
        runEventLoop(150); // stopped: no more pings
    }
    qunsetenv("NOTIFY_SOCKET");
    qunsetenv("WATCHDOG_USEC");
    qunsetenv("WATCHDOG_PID");

    const QList<QByteArray> messages = socket.received();
    INFO(messages.join(" | ").toStdString());
    REQUIRE(messages.size() >= 5);
    CHECK(messages.first() == "READY=1\nSTATUS=showing 7 screens");
    CHECK(messages.last() == "STOPPING=1");
    const auto pings = messages.count("WATCHDOG=1");
    CHECK(pings >= 3);
    CHECK(pings <= 5);
    CHECK(pings == messages.size() - 2);
}

TEST_CASE("Not run by systemd, or watched for another process, the wall keeps no watchdog")
{
    qunsetenv("NOTIFY_SOCKET");
    qunsetenv("WATCHDOG_USEC");
    {
        SystemdNotifier notifier;
        CHECK(notifier.watchdogInterval() == std::chrono::milliseconds(0));
        notifier.notifyReady(QStringLiteral("nobody listens")); // no socket: quietly nothing
    }
    qputenv("WATCHDOG_USEC", "200000");
    qputenv("WATCHDOG_PID", QByteArray::number(qint64(::getpid()) + 1));
    {
        SystemdNotifier notifier;
        CHECK(notifier.watchdogInterval() == std::chrono::milliseconds(0));
    }
    qunsetenv("WATCHDOG_USEC");
    qunsetenv("WATCHDOG_PID");
}
