#include "AlertTestSupport.h"

#include "itemmodels/AlertFilterProxyModel.h"
#include "itemmodels/AlertTableModel.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QTest>

using namespace tlr;
using namespace tlr::test;

namespace {

AlertCondition alertAt(const char *resource, Severity severity, Agency agency, const char *kecamatan)
{
    AlertCondition c = condition(resource, severity);
    c.agency = agency;
    c.kecamatan = QString::fromLatin1(kecamatan);
    c.title = QStringLiteral("Alert on %1").arg(QLatin1String(resource));
    return c;
}

// The same rivers, river-0 to river-(count-1), all at `severity`, taken whole: the engine too
// may take a burst in slices. Applied twice at two severities, every row changes.
void applyRivers(EngineFixture &f, int count, Severity severity)
{
    QList<AlertCondition> rivers;
    for (int i = 0; i < count; ++i) {
        const QByteArray resource = "river-" + QByteArray::number(i);
        rivers.append(condition(resource.constData(), severity));
    }
    f.engine->applyConditions(rivers);
    f.engine->applyQueuedConditions();
}

QStringList column(const QAbstractItemModel &model, int column)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values.append(model.index(row, column).data().toString());
    return values;
}

} // namespace

TEST_CASE("The alert table follows the engine in batches")
{
    EngineFixture f;
    AlertTableModel table(f.engine.get(), &f.clock);
    QAbstractItemModelTester tester(&table, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy inserted(&table, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&table, &QAbstractItemModel::dataChanged);

    f.engine->applyConditions({alertAt("a", Severity::Extreme, Agency::Dlh, "Neglasari"),
                               alertAt("b", Severity::Minor, Agency::Dishub, "Cipondoh"),
                               alertAt("c", Severity::Severe, Agency::Dishub, "Benda")});
    REQUIRE(table.rowCount() == 3);
    CHECK(inserted.size() == 1); // one batch, one insertion
    CHECK(table.columnCount() == AlertTableModel::ColumnCount);

    const QModelIndex first = table.index(0, AlertTableModel::SeverityColumn);
    CHECK(first.data().toString() == QLatin1String("extreme"));
    CHECK(first.data(AlertTableModel::UnacknowledgedCriticalRole).toBool());
    CHECK(table.index(0, AlertTableModel::AgencyColumn).data().toString() == agencyShortName(Agency::Dlh));
    CHECK(table.index(0, AlertTableModel::KecamatanColumn).data().toString() == QLatin1String("Neglasari"));
    CHECK(table.index(0, AlertTableModel::StateColumn).data().toString() == QLatin1String("unacknowledged"));
    CHECK(table.index(0, AlertTableModel::TitleColumn).data().toString() == QLatin1String("Alert on a"));

    f.advanceSeconds(150);
    CHECK(table.index(0, AlertTableModel::AgeColumn).data().toString() == QLatin1String("2m"));
    CHECK(table.index(0, AlertTableModel::AgeColumn).data(AlertTableModel::AgeSecondsRole).toInt() == 150);

    changed.clear();
    f.engine->applyConditions({alertAt("a", Severity::Extreme, Agency::Dlh, "Neglasari"),
                               alertAt("b", Severity::Minor, Agency::Dishub, "Cipondoh"),
                               alertAt("a", Severity::Extreme, Agency::Dlh, "Neglasari")});
    CHECK(changed.size() == 1); // rows 0 and 1 are neighbours: one signal
    CHECK(table.index(0, AlertTableModel::DuplicatesColumn).data().toInt() == 2);

    const quint64 id = table.index(0, 0).data(AlertTableModel::AlertIdRole).toULongLong();
    REQUIRE(f.engine->acknowledge(id, supervisor(), {}).accepted);
    CHECK(table.index(0, AlertTableModel::StateColumn).data().toString() == QLatin1String("acknowledged"));
    CHECK_FALSE(table.index(0, 0).data(AlertTableModel::UnacknowledgedCriticalRole).toBool());

    f.engine->applyConditions({cleared("a")});
    CHECK(table.index(0, AlertTableModel::StateColumn).data().toString() == QLatin1String("closed"));
    f.advanceMinutes(61);
    table.flushPendingChanges(); // removals keep to the frame budget, which a slow build overruns
    CHECK(table.rowCount() == 2);
    CHECK(table.rowOf(id) == -1);
    CHECK(column(table, AlertTableModel::TitleColumn) == QStringList{"Alert on b", "Alert on c"});
}

TEST_CASE("Rows removed from the middle of the table leave every other row findable by its id")
{
    EngineFixture f;
    AlertTableModel table(f.engine.get(), &f.clock);
    QList<AlertCondition> raised;
    QList<QByteArray> resources;
    for (int i = 0; i < 30; ++i) {
        resources.append("sensor-" + QByteArray::number(i));
        raised.append(alertAt(resources.back().constData(), Severity::Severe, Agency::Dlh, "Benda"));
    }
    f.engine->applyConditions(raised);
    REQUIRE(table.rowCount() == 30);
    // Every third alert acknowledged and cleared: it closes, then leaves the table.
    QList<AlertCondition> clears;
    for (int i = 1; i < 30; i += 3) {
        REQUIRE(f.engine->acknowledge(table.record(i).id, supervisor(), {}).accepted);
        clears.append(cleared(resources.at(i).constData()));
    }
    f.engine->applyConditions(clears);
    f.advanceMinutes(61);
    table.flushPendingChanges();
    REQUIRE(table.rowCount() == 20);
    for (int row = 0; row < table.rowCount(); ++row) {
        INFO("row " << row);
        CHECK(table.rowOf(table.record(row).id) == row);
    }
}

TEST_CASE("The alert proxy filters by severity, state, agency and text, and sorts by any column")
{
    EngineFixture f;
    AlertTableModel table(f.engine.get(), &f.clock);
    AlertFilterProxyModel rows(&table);
    QAbstractItemModelTester tester(&rows, QAbstractItemModelTester::FailureReportingMode::Fatal);
    f.engine->applyConditions({alertAt("a", Severity::Moderate, Agency::Dlh, "Neglasari")});
    f.advanceSeconds(10);
    f.engine->applyConditions({alertAt("b", Severity::Extreme, Agency::Dishub, "Cipondoh")});
    f.advanceSeconds(10);
    f.engine->applyConditions({alertAt("c", Severity::Severe, Agency::Dishub, "Benda"),
                               alertAt("d", Severity::Minor, Agency::TirtaBenteng, "Periuk")});
    REQUIRE(rows.rowCount() == 4);

    rows.sort(AlertTableModel::SeverityColumn, Qt::DescendingOrder);
    CHECK(column(rows, AlertTableModel::SeverityColumn)
          == QStringList{"extreme", "severe", "moderate", "minor"});
    rows.sort(AlertTableModel::AgeColumn, Qt::AscendingOrder);
    CHECK(column(rows, AlertTableModel::KecamatanColumn)
          == QStringList{"Benda", "Periuk", "Cipondoh", "Neglasari"});
    rows.sort(AlertTableModel::KecamatanColumn, Qt::AscendingOrder);
    CHECK(column(rows, AlertTableModel::KecamatanColumn)
          == QStringList{"Benda", "Cipondoh", "Neglasari", "Periuk"});

    rows.setMinimumSeverity(Severity::Severe);
    CHECK(rows.rowCount() == 2);
    rows.setMinimumSeverity(Severity::Unknown);
    rows.setAgency(Agency::Dishub);
    CHECK(column(rows, AlertTableModel::KecamatanColumn) == QStringList{"Benda", "Cipondoh"});
    rows.setAgency(Agency::Unknown);
    rows.setText(QStringLiteral("nEGLA"));
    CHECK(column(rows, AlertTableModel::KecamatanColumn) == QStringList{"Neglasari"});
    rows.setText({});

    const quint64 b = f.engine->find(QStringLiteral("dlh-environment"), QStringLiteral("b"),
                                     QStringLiteral("river-level"))->id;
    REQUIRE(f.engine->acknowledge(b, supervisor(), {}).accepted);
    rows.setStates({AlertState::Unacknowledged});
    CHECK(column(rows, AlertTableModel::KecamatanColumn) == QStringList{"Benda", "Neglasari", "Periuk"});
    CHECK(rows.states() == QList<AlertState>{AlertState::Unacknowledged});

    SECTION("rows move as their alerts change")
    {
        rows.setStates({});
        rows.sort(AlertTableModel::SeverityColumn, Qt::DescendingOrder);
        f.engine->applyConditions({alertAt("d", Severity::Extreme, Agency::TirtaBenteng, "Periuk")});
        CHECK(column(rows, AlertTableModel::KecamatanColumn).first() == QLatin1String("Periuk"));
    }
    SECTION("exercises can be hidden")
    {
        rows.setStates({});
        AlertCondition drill = alertAt("e", Severity::Extreme, Agency::Dlh, "Tangerang");
        drill.live = false;
        f.engine->applyConditions({drill});
        CHECK(rows.rowCount() == 5);
        rows.setShowExercises(false);
        CHECK(rows.rowCount() == 4);
    }
}

TEST_CASE("A burst of row-moving changes reaches the table over several event-loop turns")
{
    EngineFixture f;
    AlertTableModel table(f.engine.get(), &f.clock);
    AlertFilterProxyModel rows(&table);
    rows.sort(AlertTableModel::SeverityColumn, Qt::DescendingOrder);
    applyRivers(f, 500, Severity::Minor);
    REQUIRE(table.rowCount() == 500);

    applyRivers(f, 500, Severity::Extreme);
    CHECK(table.hasPendingChanges()); // not all at once: the wall keeps painting
    QSignalSpy changed(&table, &QAbstractItemModel::dataChanged);
    // A frame's worth at a time, in turns of their own: the event loop has to run for a while.
    REQUIRE(QTest::qWaitFor([&table] { return !table.hasPendingChanges(); }, 20'000));
    CHECK(changed.size() > 1);
    for (int row = 0; row < table.rowCount(); ++row)
        CHECK(table.record(row).severity == Severity::Extreme);
    CHECK(rows.index(0, 0).data(AlertTableModel::SeverityRole).toInt() == int(Severity::Extreme));
    CHECK(rows.index(499, 0).data(AlertTableModel::SeverityRole).toInt() == int(Severity::Extreme));
}

TEST_CASE("A supervisor's acknowledgement shows in its row at once, ahead of a burst still being shown")
{
    EngineFixture f;
    AlertTableModel table(f.engine.get(), &f.clock);
    QAbstractItemModelTester tester(&table, QAbstractItemModelTester::FailureReportingMode::Fatal);
    AlertFilterProxyModel rows(&table);
    rows.sort(AlertTableModel::StateColumn);
    applyRivers(f, 500, Severity::Minor);
    applyRivers(f, 500, Severity::Extreme);
    REQUIRE(table.hasPendingChanges());

    // The last row: the one a drain in the order of the rows would show last.
    const int row = table.rowCount() - 1;
    const quint64 id = table.record(row).id;
    REQUIRE(table.index(row, 0).data(AlertTableModel::StateKeyRole).toString() == QLatin1String("unacknowledged"));
    QSignalSpy changed(&table, &QAbstractItemModel::dataChanged);
    REQUIRE(f.engine->acknowledge(id, supervisor(), QStringLiteral("noted")));

    CHECK(table.index(row, 0).data(AlertTableModel::StateKeyRole).toString() == QLatin1String("acknowledged"));
    CHECK(table.record(row).severity == Severity::Extreme); // the whole row, not the state alone
    REQUIRE(changed.size() == 1);
    CHECK(changed.first().at(0).toModelIndex().row() == row);
    CHECK(changed.first().at(1).toModelIndex().row() == row);
    CHECK(table.hasPendingChanges()); // the others still come a frame's worth at a time
    // The sorting proxy moved it among the rows it knows: acknowledged after unacknowledged.
    CHECK(rows.index(rows.rowCount() - 1, 0).data(AlertTableModel::AlertIdRole).toULongLong() == id);

    REQUIRE(QTest::qWaitFor([&table] { return !table.hasPendingChanges(); }, 20'000));
    for (int r = 0; r < table.rowCount(); ++r)
        CHECK(table.record(r).severity == Severity::Extreme);
    CHECK(table.index(row, 0).data(AlertTableModel::StateKeyRole).toString() == QLatin1String("acknowledged"));
}

namespace {

// Everything a view can ask a row for, so that two tables can be compared row for row.
QVariantList rowValues(const QAbstractItemModel &model, int row)
{
    QVariantList values;
    for (int column = 0; column < model.columnCount(); ++column) {
        const QModelIndex index = model.index(row, column);
        for (int role : {int(Qt::DisplayRole), int(AlertTableModel::SortKeyRole)})
            values.append(index.data(role));
    }
    const QModelIndex first = model.index(row, 0);
    for (int role = AlertTableModel::AlertIdRole; role <= AlertTableModel::StatusRole; ++role) {
        if (role != AlertTableModel::LocationRole)
            values.append(first.data(role));
    }
    return values;
}

// The first row of a proxy sorted by severity, most severe first, that is not where it belongs
// (ties: the later raised first); -1 when all are.
int firstOutOfOrder(const QAbstractItemModel &proxy)
{
    const auto key = [&proxy](int row) {
        const QModelIndex index = proxy.index(row, 0);
        return std::pair(index.data(AlertTableModel::SeverityRole).toInt(),
                         index.data(AlertTableModel::AlertIdRole).toULongLong());
    };
    for (int row = 1; row < proxy.rowCount(); ++row) {
        if (key(row - 1) < key(row))
            return row;
    }
    return -1;
}

// A burst of every kind of change the drain shows: severity changes that move rows, side by
// side and far apart, clears, and repeats, some of one alert several times over.
void applyBurst(AlertEngine &engine)
{
    constexpr int kAlerts = 3000;
    const auto resource = [](int i) { return "sensor-" + QByteArray::number(i); };
    QList<AlertCondition> raised;
    for (int i = 0; i < kAlerts; ++i)
        raised.append(condition(resource(i).constData(), Severity(1 + i % 4)));
    engine.applyConditions(raised);
    engine.applyQueuedConditions();
    QList<AlertCondition> burst;
    for (int i = 0; i < kAlerts; ++i) {
        const QByteArray name = resource(i);
        if (i % 300 < 3)
            burst.append(condition(name.constData(), Severity(1 + (i * 7 + 1) % 4)));
        else if (i % 600 == 150)
            burst.append(cleared(name.constData()));
        else if (i % 40 == 7)
            burst.append({condition(name.constData(), Severity(1 + i % 4)),
                          condition(name.constData(), Severity(1 + i % 4))});
    }
    // The same alert changed twice in the burst is shown once, with its last state.
    burst.append(condition("sensor-300", Severity::Extreme));
    engine.applyConditions(burst);
    engine.applyQueuedConditions();
}

// Two engines fed the same: one table drains within a frame budget, the other is flushed at
// once and is what the first must end up showing, row for row and in its sorted proxy.
struct BudgetedAndOneShot
{
    EngineFixture budgeted;
    EngineFixture oneShot;
    AlertTableModel table{budgeted.engine.get(), &budgeted.clock};
    AlertTableModel expected{oneShot.engine.get(), &oneShot.clock};
    AlertFilterProxyModel rows{&table};
    AlertFilterProxyModel expectedRows{&expected};
    QAbstractItemModelTester tester{&rows, QAbstractItemModelTester::FailureReportingMode::Fatal};

    BudgetedAndOneShot()
    {
        rows.sort(AlertTableModel::SeverityColumn, Qt::DescendingOrder);
        expectedRows.sort(AlertTableModel::SeverityColumn, Qt::DescendingOrder);
    }
};

} // namespace

TEST_CASE_METHOD(BudgetedAndOneShot, "A drain larger than the frame budget ends over several turns where a one-shot drain ends")
{
    // Three runs of rows a turn, whatever they cost: the same split on any machine.
    constexpr int kPieces = 3;
    FrameBudget &budget = budgeted.engine->frameBudget();
    budget.setPiecesPerFrame(kPieces);

    applyBurst(*budgeted.engine);
    applyBurst(*oneShot.engine);
    expected.flushPendingChanges();
    REQUIRE_FALSE(expected.hasPendingChanges());
    REQUIRE(table.hasPendingChanges());

    QSignalSpy changed(&table, &QAbstractItemModel::dataChanged);
    int maxPerTurn = 0;
    int turns = 0;
    const int turnsBefore = budget.turnsSpent();
    QDeadlineTimer timeout(20'000);
    while (table.hasPendingChanges() && !timeout.hasExpired()) {
        changed.clear();
        QCoreApplication::processEvents(); // one pass of the event loop: one turn
        maxPerTurn = std::max(maxPerTurn, int(changed.size()));
        ++turns;
    }
    REQUIRE_FALSE(table.hasPendingChanges());
    CHECK(maxPerTurn <= kPieces);               // the budget held in every turn
    CHECK(budget.turnsSpent() - turnsBefore >= 3); // and the burst did not fit in one

    REQUIRE(table.rowCount() == expected.rowCount());
    for (int row = 0; row < table.rowCount(); ++row) {
        INFO("row " << row);
        CHECK(rowValues(table, row) == rowValues(expected, row));
    }
    REQUIRE(rows.rowCount() == expectedRows.rowCount());
    // Both in order, not merely alike: a proxy told of rows out of step with its data keeps
    // some of them in the wrong place.
    CHECK(firstOutOfOrder(rows) == -1);
    CHECK(firstOutOfOrder(expectedRows) == -1);
    for (int row = 0; row < rows.rowCount(); ++row) {
        INFO("proxy row " << row);
        CHECK(rows.index(row, 0).data(AlertTableModel::AlertIdRole)
              == expectedRows.index(row, 0).data(AlertTableModel::AlertIdRole));
    }
    const AlertRecord *twice = budgeted.engine->find(QStringLiteral("dlh-environment"),
                                                     QStringLiteral("sensor-300"),
                                                     QStringLiteral("river-level"));
    REQUIRE(twice);
    CHECK(table.record(table.rowOf(twice->id)).severity == Severity::Extreme);
}

namespace {

// Alerts raised together, every seventh (and its neighbour, now and then) acknowledged and
// cleared: closed, they leave the table together once their retention ends.
void closeManyAtOnce(EngineFixture &f)
{
    constexpr int kAlerts = 600;
    QList<AlertCondition> raised;
    for (int i = 0; i < kAlerts; ++i) {
        const QByteArray name = "sensor-" + QByteArray::number(i);
        raised.append(condition(name.constData(), Severity(1 + i % 4)));
    }
    f.engine->applyConditions(raised);
    f.engine->applyQueuedConditions();
    QList<AlertCondition> clears;
    for (int i = 0; i < kAlerts; ++i) {
        if (i % 7 != 0 && i % 50 != 1)
            continue;
        const QByteArray name = "sensor-" + QByteArray::number(i);
        const AlertRecord *alert = f.engine->find(QStringLiteral("dlh-environment"),
                                                  QString::fromLatin1(name),
                                                  QStringLiteral("river-level"));
        REQUIRE(alert);
        REQUIRE(f.engine->acknowledge(alert->id, supervisor(), {}).accepted);
        clears.append(cleared(name.constData()));
    }
    f.engine->applyConditions(clears);
    f.engine->applyQueuedConditions();
}

} // namespace

TEST_CASE_METHOD(BudgetedAndOneShot, "A burst of rows leaving ends over several turns with the rows a one-shot removal leaves")
{
    closeManyAtOnce(budgeted);
    closeManyAtOnce(oneShot);
    table.flushPendingChanges();
    expected.flushPendingChanges();
    REQUIRE(table.rowCount() == 600);

    constexpr int kPieces = 3;
    FrameBudget &budget = budgeted.engine->frameBudget();
    budget.setPiecesPerFrame(kPieces);
    QSignalSpy removed(&table, &QAbstractItemModel::rowsRemoved);
    budgeted.advanceMinutes(61);
    oneShot.advanceMinutes(61);
    expected.flushPendingChanges();
    REQUIRE(expected.rowCount() < 520);
    CHECK(table.hasPendingChanges()); // not all in the turn the engine dropped them
    CHECK(removed.size() <= kPieces);

    int maxPerTurn = 0;
    QDeadlineTimer timeout(20'000);
    while (table.hasPendingChanges() && !timeout.hasExpired()) {
        removed.clear();
        QCoreApplication::processEvents();
        maxPerTurn = std::max(maxPerTurn, int(removed.size()));
    }
    REQUIRE_FALSE(table.hasPendingChanges());
    CHECK(maxPerTurn <= kPieces);

    REQUIRE(table.rowCount() == expected.rowCount());
    for (int row = 0; row < table.rowCount(); ++row) {
        INFO("row " << row);
        CHECK(rowValues(table, row) == rowValues(expected, row));
        CHECK(table.rowOf(table.record(row).id) == row);
    }
    REQUIRE(rows.rowCount() == expectedRows.rowCount());
    CHECK(firstOutOfOrder(rows) == -1);
    for (int row = 0; row < rows.rowCount(); ++row) {
        INFO("proxy row " << row);
        CHECK(rows.index(row, 0).data(AlertTableModel::AlertIdRole)
              == expectedRows.index(row, 0).data(AlertTableModel::AlertIdRole));
    }
}
