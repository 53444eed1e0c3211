#pragma once

#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QStringList>

namespace tlr {

// tlr-feedsim as a child process, for --demo: started on a free port, it says where it listens
// on its first line; stopped, it prints what it sent, which --stats puts beside what was
// received.
class SimulatorProcess : public QObject
{
    Q_OBJECT
public:
    explicit SimulatorProcess(QObject *parent = nullptr);
    ~SimulatorProcess() override;

    // Next to the running executable, where the build and the package put both.
    static QString defaultProgram();

    void start(const QString &program, const QStringList &extraArguments = {});
    int port() const { return m_port; }
    // Asks the simulator to stop (SIGTERM), waits for it, and reads its report.
    void stop(int timeoutMilliseconds = 5000);
    QJsonObject report() const { return m_report; }

signals:
    void ready(int port);
    void failed(const QString &message);

private:
    void readStandardOutput();

    QProcess m_process;
    QByteArray m_output;
    int m_port = 0;
    QJsonObject m_report;
};

} // namespace tlr
