#include "MosquittoBroker.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <cstdio>
#include <cstdlib>
#include <unistd.h>

namespace tlr::test {

QString MosquittoBroker::program()
{
    QString found = QStandardPaths::findExecutable(QStringLiteral("mosquitto"));
    if (found.isEmpty())
        found = QStandardPaths::findExecutable(QStringLiteral("mosquitto"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin")});
    return found;
}

void MosquittoBroker::skipUnlessInstalled()
{
    if (!program().isEmpty())
        return;
    std::puts("SKIP: the mosquitto broker is not installed (scripts/install-deps.sh installs it)");
    std::fflush(stdout);
    std::exit(kSkipReturnCode);
}

MosquittoBroker::MosquittoBroker(const QString &extraConfig)
{
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        m_port = probe.serverPort();
    }
    QFile config(m_dir.filePath(QStringLiteral("mosquitto.conf")));
    config.open(QIODevice::WriteOnly);
    QString text = QStringLiteral("listener %1 127.0.0.1\n"
                                  "persistence true\n"
                                  "persistence_location %2/\n"
                                  "max_queued_messages 100000\n"
                                  "max_inflight_messages 100\n"
                                  "log_dest file %2/mosquitto.log\n"
                                  "log_type error\nlog_type warning\nlog_type notice\nlog_type information\n")
                       .arg(m_port)
                       .arg(m_dir.path());
    // As root Mosquitto would switch to the user "mosquitto", who cannot write our directory.
    if (::geteuid() == 0)
        text += QStringLiteral("user root\n");
    if (!extraConfig.contains(QLatin1String("allow_anonymous")))
        text += QStringLiteral("allow_anonymous true\n");
    text += extraConfig;
    config.write(text.toUtf8());
}

MosquittoBroker::~MosquittoBroker()
{
    stop();
}

QString MosquittoBroker::url() const
{
    return QStringLiteral("mqtt://127.0.0.1:%1").arg(m_port);
}

QString MosquittoBroker::log() const
{
    QFile file(m_dir.filePath(QStringLiteral("mosquitto.log")));
    file.open(QIODevice::ReadOnly);
    return QString::fromUtf8(file.readAll()) + QString::fromUtf8(m_process.readAll());
}

bool MosquittoBroker::start()
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(program(), {QStringLiteral("-c"), m_dir.filePath(QStringLiteral("mosquitto.conf"))});
    if (!m_process.waitForStarted(5000))
        return false;
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        if (m_process.state() != QProcess::Running)
            return false;
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (socket.waitForConnected(200))
            return true;
        QThread::msleep(20);
    }
    return false;
}

void MosquittoBroker::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

} // namespace tlr::test
