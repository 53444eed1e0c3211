#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace tlr::test {

// A real Mosquitto broker on a free loopback port, with its persistence in a temporary
// directory, for the MQTT tests: started, stopped (SIGTERM: it saves its state) and started
// again on the same port with what it kept.
class MosquittoBroker
{
public:
    // The broker binary, or empty when it is not installed.
    static QString program();
    // Without the broker a test cannot run: it says so and exits with ctest's skip code.
    static void skipUnlessInstalled();
    static constexpr int kSkipReturnCode = 77;

    // `extraConfig` is appended to the configuration (a password file, say).
    explicit MosquittoBroker(const QString &extraConfig = {});
    ~MosquittoBroker();

    // Starts and waits until the port accepts connections; false with the log on failure.
    bool start();
    void stop();
    bool restart() { stop(); return start(); }

    quint16 port() const { return m_port; }
    QString url() const;
    QString directory() const { return m_dir.path(); }
    QString log() const;

private:
    QTemporaryDir m_dir;
    quint16 m_port = 0;
    mutable QProcess m_process; // log() reads what it printed before its log file opened
};

} // namespace tlr::test
