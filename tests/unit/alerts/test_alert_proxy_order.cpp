// The alert proxy's order and filter against a reference computed from the engine's records
// alone: std::stable_sort with the panel's rules written out plainly, so that the table's
// sort keys (kept beside its rows) can never drift from what the rows say.

#include "AlertTestSupport.h"

#include "itemmodels/AlertFilterProxyModel.h"
#include "itemmodels/AlertTableModel.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>

#include <algorithm>
#include <functional>

using namespace tlr;
using namespace tlr::test;

namespace {

// Names that differ in case only, that fold to the same text, and one outside ASCII.
const QStringList kPlaces{QStringLiteral("Neglasari"), QStringLiteral("cipondoh"),
                          QStringLiteral("Cipondoh"),  QStringLiteral("BENDA"),
                          QStringLiteral("Périuk"),    QStringLiteral("Batuceper"),
                          QString()};

AlertCondition varied(int n)
{
    AlertCondition c = condition(QByteArray("gauge-" + QByteArray::number(n)).constData(),
                                 Severity(1 + (n * 7) % 4));
    c.agency = Agency(1 + (n * 3) % 5);
    c.kecamatan = kPlaces.at(n % kPlaces.size());
    // Titles that tie, that differ in case only, and that differ late.
    c.title = n % 5 == 0 ? QStringLiteral("Pintu Air") : QStringLiteral("pintu air %1").arg(n % 17);
    if (n % 11 == 0)
        c.title = c.title.toUpper();
    return c;
}

// The rules of AlertFilterProxyModel::lessThan, from the records: ties by the order raised.
int compareColumn(int column, const AlertRecord &a, const AlertRecord &b)
{
    const auto cmp = [](auto x, auto y) { return x < y ? -1 : (y < x ? 1 : 0); };
    switch (column) {
    case AlertTableModel::SeverityColumn: return cmp(int(a.severity), int(b.severity));
    case AlertTableModel::AgeColumn: return cmp(b.raisedAt, a.raisedAt); // the youngest first
    case AlertTableModel::AgencyColumn: return cmp(int(a.agency), int(b.agency));
    case AlertTableModel::KecamatanColumn:
        return a.kecamatan.toCaseFolded().compare(b.kecamatan.toCaseFolded());
    case AlertTableModel::StateColumn: return cmp(int(a.state), int(b.state));
    case AlertTableModel::DuplicatesColumn: return cmp(a.duplicateCount, b.duplicateCount);
    case AlertTableModel::TitleColumn: return a.title.toCaseFolded().compare(b.title.toCaseFolded());
    default: return 0;
    }
}

QList<quint64> referenceOrder(const AlertEngine &engine, int column, Qt::SortOrder order,
                              const std::function<bool(const AlertRecord &)> &accepts)
{
    QList<AlertRecord> records = engine.alerts();
    records.removeIf([&accepts](const AlertRecord &a) { return !accepts(a); });
    const auto less = [column](const AlertRecord &a, const AlertRecord &b) {
        const int c = compareColumn(column, a, b);
        return c != 0 ? c < 0 : a.id < b.id;
    };
    std::stable_sort(records.begin(), records.end(), [&](const AlertRecord &a, const AlertRecord &b) {
        return order == Qt::AscendingOrder ? less(a, b) : less(b, a);
    });
    QList<quint64> ids;
    for (const AlertRecord &a : records)
        ids.append(a.id);
    return ids;
}

QList<quint64> proxyOrder(const QAbstractItemModel &proxy)
{
    QList<quint64> ids;
    for (int row = 0; row < proxy.rowCount(); ++row)
        ids.append(proxy.index(row, 0).data(AlertTableModel::AlertIdRole).toULongLong());
    return ids;
}

void checkEveryColumn(AlertFilterProxyModel &rows, const AlertEngine &engine,
                      const std::function<bool(const AlertRecord &)> &accepts)
{
    for (int column = 0; column < AlertTableModel::ColumnCount; ++column) {
        for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            INFO("column " << column << (order == Qt::AscendingOrder ? " ascending" : " descending"));
            rows.sort(column, order);
            CHECK(proxyOrder(rows) == referenceOrder(engine, column, order, accepts));
        }
    }
}

// A table of every kind of row: raised at different moments and some in the same one, repeated,
// acknowledged, returned to normal, shelved.
void raiseVaried(EngineFixture &f, int count)
{
    for (int first = 0; first < count; first += 40) {
        QList<AlertCondition> batch;
        for (int n = first; n < std::min(count, first + 40); ++n)
            batch.append(varied(n));
        f.engine->applyConditions(batch);
        f.advanceSeconds(7);
    }
    QList<AlertCondition> changes;
    for (int n = 0; n < count; n += 3)
        changes.append(varied(n)); // a repeat
    for (int n = 1; n < count; n += 13)
        changes.append(cleared(QByteArray("gauge-" + QByteArray::number(n)).constData()));
    f.engine->applyConditions(changes);
    for (const AlertRecord &a : f.engine->alerts()) {
        if (a.id % 4 == 0 && a.state == AlertState::Unacknowledged)
            f.engine->acknowledge(a.id, supervisor(), {});
    }
}

} // namespace

TEST_CASE("The alert proxy sorts by every column as a stable sort of the records does")
{
    EngineFixture f;
    AlertTableModel table(f.engine.get(), &f.clock);
    AlertFilterProxyModel rows(&table);
    QAbstractItemModelTester tester(&rows, QAbstractItemModelTester::FailureReportingMode::Fatal);
    raiseVaried(f, 300);
    table.flushPendingChanges();
    REQUIRE(rows.rowCount() == 300);
    const auto all = [](const AlertRecord &) { return true; };

    checkEveryColumn(rows, *f.engine, all);

    SECTION("and keeps that order as rows change, move and come")
    {
        for (int column = 0; column < AlertTableModel::ColumnCount; ++column) {
            INFO("sorted by column " << column);
            rows.sort(column, Qt::AscendingOrder);
            QList<AlertCondition> changes;
            for (int n = column; n < 300; n += 9) {
                AlertCondition c = varied(n);
                c.severity = Severity(1 + (n + column) % 4);
                c.kecamatan = n % 2 ? QStringLiteral("Karawaci %1").arg(column) // a new name
                                    : kPlaces.at((n + 1) % kPlaces.size());
                c.title = QStringLiteral("Pintu air %1").arg(column * 300 + n);
                changes.append(c);
            }
            changes.append(varied(1000 + column)); // a new alert
            f.advanceSeconds(3);
            f.engine->applyConditions(changes);
            table.flushPendingChanges();
            CHECK(proxyOrder(rows) == referenceOrder(*f.engine, column, Qt::AscendingOrder, all));
        }
    }
}

TEST_CASE("The alert proxy filters as the records say, in every column's order")
{
    EngineFixture f;
    AlertTableModel table(f.engine.get(), &f.clock);
    AlertFilterProxyModel rows(&table);
    raiseVaried(f, 200);
    table.flushPendingChanges();

    SECTION("by severity")
    {
        rows.setMinimumSeverity(Severity::Severe);
        checkEveryColumn(rows, *f.engine,
                         [](const AlertRecord &a) { return a.severity >= Severity::Severe; });
    }
    SECTION("by state")
    {
        rows.setStates({AlertState::Acknowledged, AlertState::ReturnedUnacknowledged});
        checkEveryColumn(rows, *f.engine, [](const AlertRecord &a) {
            return a.state == AlertState::Acknowledged || a.state == AlertState::ReturnedUnacknowledged;
        });
    }
    SECTION("by agency")
    {
        rows.setAgency(Agency::Dishub);
        checkEveryColumn(rows, *f.engine, [](const AlertRecord &a) { return a.agency == Agency::Dishub; });
    }
    SECTION("by text, in any case")
    {
        rows.setText(QStringLiteral("CIPON"));
        checkEveryColumn(rows, *f.engine, [](const AlertRecord &a) {
            return a.kecamatan.contains(QLatin1String("cipon"), Qt::CaseInsensitive);
        });
    }
}
