#include "SimulatorProcess.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcSimulator, "tlr.feeds.simulator")

namespace tlr {

SimulatorProcess::SimulatorProcess(QObject *parent) : QObject(parent)
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &SimulatorProcess::readStandardOutput);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError) {
        if (m_port == 0)
            emit failed(QStringLiteral("cannot start %1: %2").arg(m_process.program(), m_process.errorString()));
    });
    connect(&m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus) {
        if (m_port == 0)
            emit failed(QStringLiteral("%1 exited with status %2 before listening").arg(m_process.program()).arg(code));
    });
}

SimulatorProcess::~SimulatorProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

QString SimulatorProcess::defaultProgram()
{
    return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("tlr-feedsim"));
}

void SimulatorProcess::start(const QString &program, const QStringList &extraArguments)
{
    // The simulator stops when our end of its stdin closes: it never outlives a crashed wall.
    m_process.start(program, QStringList{QStringLiteral("--port"), QStringLiteral("0"),
                                         QStringLiteral("--exit-on-stdin-close")}
                                 + extraArguments);
}

void SimulatorProcess::readStandardOutput()
{
    m_output += m_process.readAllStandardOutput();
    if (m_port != 0)
        return;
    static const QRegularExpression listening(QStringLiteral(R"(listening on ws://[^:\s]+:(\d+))"));
    const QRegularExpressionMatch match = listening.match(QString::fromUtf8(m_output));
    if (match.hasMatch()) {
        m_port = match.captured(1).toInt();
        qCInfo(lcSimulator) << "tlr-feedsim listening on port" << m_port;
        emit ready(m_port);
    }
}

void SimulatorProcess::stop(int timeoutMilliseconds)
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(timeoutMilliseconds)) {
        qCWarning(lcSimulator) << "tlr-feedsim did not stop in time; killed";
        m_process.kill();
        m_process.waitForFinished(1000);
    }
    m_output += m_process.readAllStandardOutput();
    // The report is the last JSON object the simulator printed.
    const qsizetype start = m_output.indexOf("\n{");
    const QByteArray json = start >= 0 ? m_output.mid(start + 1) : QByteArray();
    const QJsonDocument document = QJsonDocument::fromJson(json);
    if (document.isObject())
        m_report = document.object();
    else
        qCWarning(lcSimulator) << "tlr-feedsim printed no report on exit";
}

} // namespace tlr
