#include "IncidentTestSupport.h"

#include "domain/WallClock.h"
#include "incidents/IncidentBoard.h"
#include "itemmodels/IncidentTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>

using namespace tlr;
using namespace tlr::test;

namespace {

QString cell(const QAbstractItemModel &model, int row, int column)
{
    return model.index(row, column).data().toString();
}

} // namespace

TEST_CASE("The incident table lists incidents as they open and change")
{
    WallClock clock;
    clock.setFixedTime(at(8, 0));
    IncidentBoard board(testConfig(), &clock, nullptr);
    IncidentTableModel model(&board, &clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(model.columnCount() == IncidentTableModel::ColumnCount);
    CHECK(model.headerData(IncidentTableModel::LastHandOffColumn, Qt::Horizontal).toString() ==
          QStringLiteral("Last hand-off"));

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    board.addSignal(complaint(QStringLiteral("L-1"), at(8, 0), periuk()));
    CHECK(model.rowCount() == 0); // a lone complaint waits
    board.addSignal(emergencyCall(QStringLiteral("112-1"), at(8, 1), moved(periuk(), 40)));
    board.addSignal(emergencyCall(QStringLiteral("112-2"), at(8, 2), moved(periuk(), 4000),
                                  QStringLiteral("Neglasari"), QStringLiteral("kecelakaan")));
    REQUIRE(model.rowCount() == 2);
    CHECK(inserted.count() == 2);

    CHECK(cell(model, 0, IncidentTableModel::IdColumn) == QStringLiteral("INC-000001"));
    CHECK(cell(model, 0, IncidentTableModel::StateColumn) == QStringLiteral("new"));
    CHECK(cell(model, 0, IncidentTableModel::SeverityColumn) == QStringLiteral("severe"));
    CHECK(cell(model, 0, IncidentTableModel::KecamatanColumn) == QStringLiteral("Periuk"));
    CHECK(cell(model, 0, IncidentTableModel::AgencyColumn) == QStringLiteral("Live Room"));
    CHECK(cell(model, 0, IncidentTableModel::MembersColumn) == QStringLiteral("2"));
    CHECK(cell(model, 0, IncidentTableModel::LastHandOffColumn).isEmpty());
    CHECK(cell(model, 1, IncidentTableModel::KecamatanColumn) == QStringLiteral("Neglasari"));

    clock.setFixedTime(at(9, 5));
    CHECK(cell(model, 0, IncidentTableModel::AgeColumn) == QStringLiteral("1 h 05 min"));
    CHECK(model.index(0, IncidentTableModel::AgeColumn)
              .data(IncidentTableModel::SortRole)
              .toLongLong() == 65 * 60); // since the waiting complaint at 08:00

    const Actor supervisor{QStringLiteral("siti"), Role::Supervisor};
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    REQUIRE(board.acknowledge(1, supervisor, {}).isEmpty());
    REQUIRE(board.forward(1, Agency::Dishub, supervisor, QStringLiteral("a")).isEmpty());
    REQUIRE(board.forward(1, Agency::Dlh, supervisor, QStringLiteral("b")).isEmpty());
    REQUIRE(board.forward(1, Agency::Dishub, supervisor, QStringLiteral("c")).isEmpty());
    CHECK(changed.count() == 4);
    CHECK(changed.last().at(0).toModelIndex().row() == 0);
    CHECK(cell(model, 0, IncidentTableModel::StateColumn) == QStringLiteral("forwarded"));
    CHECK(cell(model, 0, IncidentTableModel::AgencyColumn) == QStringLiteral("Dishub"));
    // 09:05 UTC is 16:05 WIB.
    CHECK(cell(model, 0, IncidentTableModel::LastHandOffColumn) ==
          QStringLiteral("DLH → Dishub 16:05, bounced back"));
    CHECK(model.index(0, 0).data(IncidentTableModel::BouncedRole).toBool());
    CHECK_FALSE(model.index(1, 0).data(IncidentTableModel::BouncedRole).toBool());

    // A proxy sorts by severity through the sort role.
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(IncidentTableModel::SortRole);
    board.addSignal(alert(QStringLiteral("a-1"), at(9, 6), moved(periuk(), 9000, 180),
                          Severity::Extreme, QStringLiteral("Cibodas")));
    proxy.sort(IncidentTableModel::SeverityColumn, Qt::DescendingOrder);
    CHECK(proxy.index(0, IncidentTableModel::KecamatanColumn).data().toString() ==
          QStringLiteral("Cibodas"));
}

TEST_CASE("The incident table starts from the board's incidents and follows a restore")
{
    WallClock clock;
    clock.setFixedTime(at(8, 0));
    IncidentBoard board(testConfig(), &clock, nullptr);
    board.addSignal(emergencyCall(QStringLiteral("112-1"), at(8, 0), periuk()));
    IncidentTableModel model(&board, &clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(model.rowCount() == 1);

    Incident kept;
    kept.id = 41;
    kept.state = IncidentState::Acknowledged;
    kept.kecamatan = QStringLiteral("Benda");
    kept.anchor = moved(periuk(), 8000);
    kept.firstSignalAt = at(7, 0);
    kept.lastSignalAt = at(7, 30);
    kept.members = {
        emergencyCall(QStringLiteral("112-0"), at(7, 0), kept.anchor, QStringLiteral("Benda"))};
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    board.restore({kept});
    CHECK(reset.count() == 1);
    REQUIRE(model.rowCount() == 2);
    CHECK(cell(model, 1, IncidentTableModel::IdColumn) == QStringLiteral("INC-000041"));
    CHECK(cell(model, 1, IncidentTableModel::StateColumn) == QStringLiteral("acknowledged"));
    // Numbering continues after the restored ids.
    board.addSignal(emergencyCall(QStringLiteral("112-9"), at(8, 5), moved(periuk(), 20000),
                                  QStringLiteral("Cipondoh")));
    CHECK(cell(model, 2, IncidentTableModel::IdColumn) == QStringLiteral("INC-000042"));
}

TEST_CASE("A finished incident leaves the board and its table a day and two hours after its last "
          "signal, while open ones stay however old")
{
    WallClock clock;
    clock.setFixedTime(at(8, 0).addDays(3));
    IncidentBoard board(testConfig(), &clock, nullptr);
    IncidentTableModel model(&board, &clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    // Three incidents far apart: the first closed, the second left open, the third resolved.
    board.addSignal(emergencyCall(QStringLiteral("112-1"), at(8, 0), periuk()));
    board.addSignal(emergencyCall(QStringLiteral("112-2"), at(8, 1), moved(periuk(), 6000),
                                  QStringLiteral("Neglasari"), QStringLiteral("kecelakaan")));
    board.addSignal(emergencyCall(QStringLiteral("112-3"), at(8, 2), moved(periuk(), 9000, 180),
                                  QStringLiteral("Cibodas"), QStringLiteral("kebakaran")));
    REQUIRE(board.incidents().size() == 3);
    const Actor supervisor{QStringLiteral("siti"), Role::Supervisor};
    REQUIRE(board.acknowledge(1, supervisor, {}).isEmpty());
    REQUIRE(board.resolve(1, supervisor, QStringLiteral("water gone")).isEmpty());
    REQUIRE(board.close(1, supervisor, {}).isEmpty());
    REQUIRE(board.acknowledge(3, supervisor, {}).isEmpty());
    REQUIRE(board.resolve(3, supervisor, QStringLiteral("fire out")).isEmpty());

    QSignalSpy retiring(&board, &IncidentBoard::incidentsAboutToBeRetired);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    const QDateTime kept = at(8, 1).addSecs(qint64(IncidentBoard::kFinishedKeptHours) * 3600);
    // The evidence's time, not the wall's, decides: the wall clock is days ahead here.
    board.addSignal(emergencyCall(QStringLiteral("112-4"), kept.addSecs(-60), moved(periuk(), 12000),
                                  QStringLiteral("Karawaci"), QStringLiteral("kebakaran")));
    board.expire();
    CHECK(retiring.isEmpty()); // 26 h after the first, not yet after the third
    board.addSignal(emergencyCall(QStringLiteral("112-5"), kept.addSecs(120), moved(periuk(), 12000),
                                  QStringLiteral("Karawaci"), QStringLiteral("kebakaran")));
    board.expire();
    REQUIRE(retiring.size() == 1);
    CHECK(retiring.first().first().value<QList<qint64>>() == QList<qint64>{1, 3});
    CHECK(board.incident(1) == nullptr);
    CHECK(board.incident(3) == nullptr);
    REQUIRE(board.incidents().size() == 2);
    CHECK(board.incident(2)->isOpen());
    CHECK(board.indexOf(2) == 0);
    REQUIRE(model.rowCount() == 2);
    CHECK(removed.size() == 2); // two runs of rows, the later first
    CHECK(model.incidentId(0) == 2);
    CHECK(model.rowOfIncident(2) == 0);
    CHECK(model.rowOfIncident(board.incidents().back().id) == 1);
    CHECK(model.rowOfIncident(1) == -1);

    board.expire();
    CHECK(retiring.size() == 1); // nothing more to retire
}

TEST_CASE("The age column tells the views only of the rows whose minute turned, and stops at "
          "resolution")
{
    WallClock clock;
    clock.setFixedTime(at(8, 0));
    IncidentBoard board(testConfig(), &clock, nullptr);
    IncidentTableModel model(&board, &clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    board.addSignal(emergencyCall(QStringLiteral("112-1"), at(8, 0), periuk()));
    board.addSignal(emergencyCall(QStringLiteral("112-2"), at(8, 0, 30), moved(periuk(), 6000),
                                  QStringLiteral("Neglasari"), QStringLiteral("kecelakaan")));
    board.addSignal(emergencyCall(QStringLiteral("112-3"), at(8, 0), moved(periuk(), 9000, 180),
                                  QStringLiteral("Cibodas"), QStringLiteral("kebakaran")));
    REQUIRE(model.rowCount() == 3);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const auto changedRows = [&changed] {
        QList<int> rows;
        for (const QList<QVariant> &args : std::as_const(changed)) {
            const auto from = args.at(0).toModelIndex();
            const auto to = args.at(1).toModelIndex();
            CHECK(from.column() == IncidentTableModel::AgeColumn);
            CHECK(to.column() == IncidentTableModel::AgeColumn);
            for (int row = from.row(); row <= to.row(); ++row)
                rows.append(row);
        }
        changed.clear();
        return rows;
    };
    clock.setFixedTime(at(8, 0, 20));
    CHECK(changedRows().isEmpty()); // every age still "0 min"
    clock.setFixedTime(at(8, 1));
    CHECK(changedRows() == QList<int>{0, 2}); // two runs: the first and the third row
    CHECK(changed.isEmpty());
    clock.setFixedTime(at(8, 1, 10));
    CHECK(changedRows().isEmpty());
    clock.setFixedTime(at(8, 1, 30));
    CHECK(changedRows() == QList<int>{1});
    CHECK(cell(model, 1, IncidentTableModel::AgeColumn) == QStringLiteral("1 min"));

    const Actor supervisor{QStringLiteral("siti"), Role::Supervisor};
    REQUIRE(board.acknowledge(1, supervisor, {}).isEmpty());
    REQUIRE(board.resolve(1, supervisor, QStringLiteral("water gone")).isEmpty());
    changed.clear();
    clock.setFixedTime(at(8, 10));
    CHECK(changedRows() == QList<int>{1, 2});
    // How long it was open: from its first signal to its resolution at 08:01:30.
    CHECK(cell(model, 0, IncidentTableModel::AgeColumn) == QStringLiteral("1 min"));
    CHECK(model.index(0, IncidentTableModel::AgeColumn).data(IncidentTableModel::SortRole).toLongLong()
          == 90);
    CHECK(cell(model, 2, IncidentTableModel::AgeColumn) == QStringLiteral("10 min"));
}
