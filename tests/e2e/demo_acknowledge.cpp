// The wall on its demo feeds with a supervisor at the desk: the real application (the same
// WallApplication tlr-wall runs), where, some seconds in, a supervisor's session begins — as
// the login dialog begins it after a successful login — and alerts are acknowledged through
// the alert panel with key presses (select, A, a note, Enter). For the screenshots of the
// acknowledgement KPIs, which an unattended demo cannot fill.
//
//   build/bin/tlr-e2e-acknowledge ACK_AFTER_SECONDS COUNT [tlr-wall options…]
//   e.g. … 150 6 --demo --db /tmp/e2e.sqlite --quit-after 200 --screenshot out
//          --feedsim-args "--scenario storm --speed 60 --start …"

#include "E2eWall.h"
#include "PrivateFiles.h"
#include "RedactedLog.h"

#include "access/Session.h"
#include "alerts/AlertPanelTile.h"
#include "domain/Agency.h"
#include "itemmodels/AlertTableModel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <cstdio>

using namespace tlr;

namespace {

AlertPanelTile *deskPanel()
{
    for (QWidget *widget : QApplication::allWidgets()) {
        auto *panel = qobject_cast<AlertPanelTile *>(widget);
        if (panel && panel->spec().params.value(QLatin1String("acknowledge")).toBool())
            return panel;
    }
    return nullptr;
}

// Rows to take: first any from the 112 call centre, then the most severe of the rest.
QList<int> rowsToAcknowledge(const QAbstractItemModel *rows, int count)
{
    QList<int> picked;
    const QString callCentre = agencyShortName(Agency::CallCentre112);
    for (int pass = 0; pass < 2; ++pass) {
        for (int row = 0; row < rows->rowCount() && picked.size() < count; ++row) {
            const bool fromCallCentre =
                rows->index(row, AlertTableModel::AgencyColumn).data().toString() == callCentre;
            const auto state = static_cast<AlertState>(rows->index(row, 0).data(AlertTableModel::StateRole).toInt());
            if (state == AlertState::Unacknowledged && (pass == 1 || fromCallCentre)
                && !picked.contains(row)) {
                picked.append(row);
                if (pass == 0)
                    break; // one from 112 is enough to give its card a figure
            }
        }
    }
    return picked;
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer startTimer;
    startTimer.start();
    // The real wall runs in here: the same private files and redacted log as tlr-wall's.
    tlr::PrivateFiles::restrictToOwner();
    tlr::RedactedLog::install();
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tlr-e2e-acknowledge"));
    QCoreApplication::setOrganizationName(QStringLiteral("Diskominfo Kota Tangerang"));
    QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 3) {
        std::fprintf(stderr, "usage: tlr-e2e-acknowledge ACK_AFTER_SECONDS COUNT [tlr-wall options]\n");
        return 2;
    }
    const int ackAfter = arguments.takeAt(1).toInt();
    const int count = arguments.takeAt(1).toInt();
    int startStatus = 0;
    const auto startedWall = e2e::startWall(arguments, startTimer, &startStatus);
    if (!startedWall)
        return startStatus;
    WallApplication &wall = *startedWall;
    // From ACK_AFTER_SECONDS on, once a second: the supervisor takes the waiting alerts, the
    // 112 call centre's first as soon as one is there (a surge of reports comes late in a storm).
    int acknowledged = 0;
    bool took112 = false;
    QTimer desk;
    desk.setInterval(1000);
    QObject::connect(&desk, &QTimer::timeout, &app, [&] {
        if (!wall.session()->isActive())
            wall.session()->begin({QStringLiteral("e2e-supervisor"), Role::Supervisor});
        AlertPanelTile *panel = deskPanel();
        if (!panel) {
            std::fprintf(stderr, "no alert panel that acknowledges in this profile\n");
            desk.stop();
            return;
        }
        const auto take = [&](int row) {
            // The persistent index follows the row however the panel re-sorts meanwhile.
            const QPersistentModelIndex taken = panel->table()->model()->index(row, 0);
            const qulonglong id = taken.data(AlertTableModel::AlertIdRole).toULongLong();
            panel->table()->setCurrentIndex(taken);
            bool confirmed = false;
            const QMetaObject::Connection confirmation = QObject::connect(
                panel, &AlertPanelTile::actionConfirmed, [&](quint64 done) { confirmed |= done == id; });
            QElapsedTimer answer;
            answer.start();
            QTest::keyClick(panel->table(), Qt::Key_A);
            QTest::keyClicks(panel->noteField(), QStringLiteral("e2e: dikabari ke dinas"));
            QTest::keyClick(panel->noteField(), Qt::Key_Return);
            ++acknowledged;
            // The panel confirms once the store has committed the acknowledgement (on a shared
            // database, once that decided it and this console's store kept it).
            while (!confirmed && answer.elapsed() < 10000)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            QObject::disconnect(confirmation);
            if (!confirmed) {
                std::printf("unconfirmed: alert:%llu after %lld ms\n", id, answer.elapsed());
                std::fflush(stdout);
                return;
            }
            // What the panel now shows the supervisor as done (tests/soak/kill9.sh holds the
            // store to it): the alert's id as the audit log names it, its state, how long the
            // confirmation took and the title.
            std::printf("acknowledged: alert:%llu %s after %lld ms: %s\n", id,
                        qPrintable(taken.data(AlertTableModel::StateKeyRole).toString()),
                        answer.elapsed(),
                        qPrintable(taken.sibling(taken.row(), AlertTableModel::TitleColumn).data().toString()));
            std::fflush(stdout);
        };
        const QList<int> rows = rowsToAcknowledge(panel->table()->model(), count);
        const QAbstractItemModel *model = panel->table()->model();
        for (int row : rows) {
            const bool fromCallCentre = model->index(row, AlertTableModel::AgencyColumn).data().toString()
                                        == agencyShortName(Agency::CallCentre112);
            if (fromCallCentre && !took112) {
                take(row);
                took112 = true;
                break;
            }
        }
        while (acknowledged < count - (took112 ? 0 : 1)) {
            const QList<int> more = rowsToAcknowledge(panel->table()->model(), 1);
            if (more.isEmpty())
                break;
            take(more.first());
        }
        if (took112 && acknowledged >= count)
            desk.stop();
    });
    QTimer::singleShot(ackAfter * 1000, &desk, qOverload<>(&QTimer::start));
    return app.exec();
}
