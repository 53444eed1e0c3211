#include "IncidentTestSupport.h"

#include "domain/WallClock.h"
#include "incidents/IncidentBoard.h"
#include "itemmodels/IncidentTimelineModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace tlr;
using namespace tlr::test;

namespace {

using EntryKind = IncidentTimelineModel::EntryKind;

EntryKind kindAt(const IncidentTimelineModel &model, int row)
{
    return static_cast<EntryKind>(
        model.index(row, 0).data(IncidentTimelineModel::EntryKindRole).toInt());
}

QString cell(const IncidentTimelineModel &model, int row, int column)
{
    return model.index(row, column).data().toString();
}

int rowOfSubject(const IncidentTimelineModel &model, const QString &id)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data(IncidentTimelineModel::SubjectIdRole).toString() == id)
            return row;
    }
    return -1;
}

} // namespace

TEST_CASE("An incident's timeline holds its signals, state changes and hand-offs in time order")
{
    WallClock clock;
    clock.setFixedTime(at(8, 30));
    IncidentBoard board(testConfig(), &clock, nullptr);
    IncidentTimelineModel model(&board);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(model.rowCount() == 0);

    board.addSignal(emergencyCall(QStringLiteral("112-1"), at(8, 1), periuk()));
    board.addSignal(floodReport(QStringLiteral("flood-7"), at(8, 5), moved(periuk(), 100)));
    REQUIRE(board.incidents().size() == 1);
    const qint64 id = board.incidents().front().id;
    model.setIncident(id);
    const int signalsOnly = model.rowCount();
    REQUIRE(signalsOnly >= 2);

    const Actor supervisor{QStringLiteral("siti"), Role::Supervisor};
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    clock.setFixedTime(at(8, 40));
    REQUIRE(board.acknowledge(id, supervisor, QStringLiteral("dilihat")).isEmpty());
    clock.setFixedTime(at(8, 45));
    REQUIRE(
        board.forward(id, Agency::Dlh, supervisor, QStringLiteral("pompa di Periuk")).isEmpty());
    // A signal that happened before those actions but arrived after them goes where it belongs.
    board.addSignal(emergencyCall(QStringLiteral("112-2"), at(8, 20), moved(periuk(), 60)));
    CHECK(reset.isEmpty()); // each new entry inserted, none re-laid
    CHECK(inserted.size() >= 4);

    for (int row = 1; row < model.rowCount(); ++row) {
        INFO("row " << row);
        CHECK(model.index(row - 1, 0).data(IncidentTimelineModel::TimeRole).toDateTime() <=
              model.index(row, 0).data(IncidentTimelineModel::TimeRole).toDateTime());
    }
    const int call = rowOfSubject(model, QStringLiteral("112-1"));
    const int late = rowOfSubject(model, QStringLiteral("112-2"));
    const int flood = rowOfSubject(model, QStringLiteral("flood-7"));
    REQUIRE(call >= 0);
    REQUIRE(late >= 0);
    REQUIRE(flood >= 0);
    CHECK(kindAt(model, call) == EntryKind::Report);
    CHECK(kindAt(model, flood) == EntryKind::Observation);
    CHECK(cell(model, call, IncidentTimelineModel::KindColumn) == QStringLiteral("Report (112)"));
    CHECK(cell(model, call, IncidentTimelineModel::WhatColumn) ==
          QStringLiteral("banjir in Periuk · 112-1"));
    CHECK(cell(model, call, IncidentTimelineModel::TimeColumn) ==
          QStringLiteral("15:01:00")); // WIB
    CHECK(late > flood);

    int acknowledged = -1, handOff = -1;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (kindAt(model, row) == EntryKind::Transition &&
            cell(model, row, IncidentTimelineModel::WhatColumn).endsWith(u"acknowledged"))
            acknowledged = row;
        if (kindAt(model, row) == EntryKind::HandOff)
            handOff = row;
    }
    REQUIRE(acknowledged > late);
    CHECK(cell(model, acknowledged, IncidentTimelineModel::WhoColumn) == QStringLiteral("siti"));
    CHECK(cell(model, acknowledged, IncidentTimelineModel::NoteColumn) ==
          QStringLiteral("dilihat"));
    REQUIRE(handOff > acknowledged);
    CHECK(cell(model, handOff, IncidentTimelineModel::WhatColumn) ==
          QStringLiteral("Live Room → DLH"));
    CHECK(cell(model, handOff, IncidentTimelineModel::NoteColumn) ==
          QStringLiteral("pompa di Periuk"));
}

TEST_CASE("A timeline follows only its own incident and empties for an unknown one")
{
    WallClock clock;
    clock.setFixedTime(at(8, 30));
    IncidentBoard board(testConfig(), &clock, nullptr);
    board.addSignal(emergencyCall(QStringLiteral("112-1"), at(8, 1), periuk()));
    board.addSignal(emergencyCall(QStringLiteral("112-9"), at(8, 2), moved(periuk(), 5000),
                                  QStringLiteral("Neglasari"), QStringLiteral("kecelakaan")));
    REQUIRE(board.incidents().size() == 2);
    IncidentTimelineModel model(&board);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setIncident(board.incidents().front().id);
    const int rows = model.rowCount();
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    REQUIRE(board
                .acknowledge(board.incidents().back().id,
                             {QStringLiteral("siti"), Role::Supervisor}, {})
                .isEmpty());
    CHECK(inserted.isEmpty());
    CHECK(model.rowCount() == rows);
    CHECK(rowOfSubject(model, QStringLiteral("112-9")) == -1);
    model.setIncident(424242);
    CHECK(model.rowCount() == 0);
}
