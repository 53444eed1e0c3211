// The wall with a duty desk that works its incidents: the real application (the same
// WallApplication tlr-wall runs, on the tlr-wall options given) where a supervisor acknowledges,
// resolves and closes every incident that has been open HOURS of the evidence's time, each with a note, through
// the incident board as the dossier's buttons do. For the soak (tests/soak/soak.sh): a room that
// nobody works piles up open incidents without end, which is not the wall a long run is meant to
// measure. The evidence's time, not the wall clock's, because the soak plays a day in minutes.
//
//   build/bin/tlr-e2e-desk HOURS [tlr-wall options…]
//
// Prints "desk: closed N incidents" (N: so far) whenever it closed some.

#include "E2eWall.h"
#include "PrivateFiles.h"
#include "RedactedLog.h"
#include "TimedApplication.h"

#include "incidents/IncidentBoard.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSet>
#include <QTimer>

#include <cstdio>

using namespace tlr;

int main(int argc, char *argv[])
{
    QElapsedTimer startTimer;
    startTimer.start();
    // The real wall runs in here: the same private files and redacted log as tlr-wall's.
    tlr::PrivateFiles::restrictToOwner();
    tlr::RedactedLog::install();
    TimedApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tlr-e2e-desk"));
    QCoreApplication::setOrganizationName(QStringLiteral("Diskominfo Kota Tangerang"));
    QStringList arguments = QCoreApplication::arguments();
    bool hoursOk = false;
    const double hours = arguments.size() > 1 ? arguments.takeAt(1).toDouble(&hoursOk) : 0.0;
    if (!hoursOk || hours <= 0.0) {
        std::fprintf(stderr, "usage: tlr-e2e-desk HOURS [tlr-wall options]\n");
        return 2;
    }
    int startStatus = 0;
    const auto wall = e2e::startWall(arguments, startTimer, &startStatus);
    if (!wall)
        return startStatus;

    const Actor supervisor{QStringLiteral("e2e-duty-desk"), Role::Supervisor};
    const qint64 workedAfterMs = qint64(hours * 3600.0 * 1000.0);
    qint64 closed = 0;
    QSet<qint64> refused;
    QTimer desk;
    desk.setObjectName(QStringLiteral("dutyDesk")); // for the stall log
    desk.setInterval(1000);
    QObject::connect(&desk, &QTimer::timeout, &app, [&] {
        IncidentBoard *board = wall->incidentBoard();
        if (!board)
            return;
        const QDateTime newest = board->evidenceNow();
        QList<qint64> due;
        for (const Incident &incident : board->incidents()) {
            if ((incident.isOpen() || incident.state == IncidentState::Resolved)
                && incident.firstSignalAt.msecsTo(newest) >= workedAfterMs && !refused.contains(incident.id))
                due.append(incident.id);
        }
        for (const qint64 id : due) {
            // The steps the lifecycle asks for, each as the dossier's button makes it; an
            // incident the board refuses is left alone from then on, not tried every second.
            const Incident *incident = board->incident(id);
            QString refusal;
            if (incident->state == IncidentState::New)
                refusal = board->acknowledge(id, supervisor, QStringLiteral("on it"));
            if (refusal.isEmpty() && board->incident(id)->isOpen())
                refusal = board->resolve(id, supervisor, QStringLiteral("handled by the field team"));
            if (refusal.isEmpty())
                refusal = board->close(id, supervisor, QStringLiteral("checked with the caller"));
            if (refusal.isEmpty()) {
                ++closed;
            } else {
                refused.insert(id);
                std::fprintf(stderr, "desk: %s refused: %s\n", qPrintable(incident->displayId()),
                             qPrintable(refusal));
            }
        }
        if (!due.isEmpty()) {
            std::printf("desk: closed %lld incidents\n", static_cast<long long>(closed));
            std::fflush(stdout);
        }
    });
    desk.start();
    return app.exec();
}
