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
