#include "AlertTestSupport.h"

#include "access/Session.h"
#include "alerts/AlertPanelTile.h"
#include "itemmodels/AlertFilterProxyModel.h"
#include "itemmodels/AlertTableModel.h"
#include "tiles/TileContext.h"

#include <catch2/catch.hpp>

#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTest>

using namespace tlr;
using namespace tlr::test;

namespace {

struct PanelFixture : EngineFixture
{
    explicit PanelFixture(bool acknowledge = true)
    {
        table = std::make_unique<AlertTableModel>(engine.get(), &clock);
        session = std::make_unique<Session>(nullptr);
        TileContext context;
        context.clock = &clock;
        context.alerts = engine.get();
        context.alertTable = table.get();
        context.session = session.get();
        TileSpec spec;
        spec.type = QStringLiteral("alerts");
        spec.params = QJsonObject{{QStringLiteral("filter"), QStringLiteral("open")},
                                  {QStringLiteral("acknowledge"), acknowledge}};
        panel = std::make_unique<AlertPanelTile>(spec, context);
        panel->resize(1880, 700); // two columns of a 1080p wall screen, as the TLR profile places it
        panel->show();
    }

    void select(quint64 id)
    {
        const QAbstractItemModel *shown = panel->table()->model();
        for (int row = 0; row < shown->rowCount(); ++row) {
            const QModelIndex index = shown->index(row, 0);
            if (index.data(AlertTableModel::AlertIdRole).toULongLong() == id) {
                panel->table()->setCurrentIndex(index);
                return;
            }
        }
        FAIL("alert not in the panel");
    }

    // Selects, presses the action key, types the note and confirms: the keyboard alone.
    void act(quint64 id, char key, const QString &note)
    {
        select(id);
        QTest::keyClick(panel->table(), key);
        QTest::keyClicks(panel->noteField(), note);
        QTest::keyClick(panel->noteField(), Qt::Key_Return);
    }

    std::unique_ptr<AlertTableModel> table;
    std::unique_ptr<Session> session;
    std::unique_ptr<AlertPanelTile> panel;
};

} // namespace

TEST_CASE("the panel lists the engine's alerts, most severe first")
{
    PanelFixture f;
    f.raise("river-a", Severity::Moderate);
    f.raise("river-b", Severity::Extreme);
    f.raise("river-c", Severity::Severe);
    REQUIRE(f.panel->proxy()->rowCount() == 3);
    CHECK(f.panel->proxy()->index(0, 0).data(AlertTableModel::SeverityRole).toInt()
          == int(Severity::Extreme));
    CHECK(f.panel->proxy()->index(2, 0).data(AlertTableModel::SeverityRole).toInt()
          == int(Severity::Moderate));
}

TEST_CASE("a supervisor acknowledges with the keyboard alone and the note is kept")
{
    PanelFixture f;
    const quint64 id = f.raise("river-a", Severity::Extreme);
    f.session->begin(supervisor());
    f.act(id, 'a', QStringLiteral("BPBD dikabari"));
    CHECK(f.engine->alert(id)->state == AlertState::Acknowledged);
    CHECK(f.engine->alert(id)->acknowledgedBy == supervisor().name);
    CHECK(f.engine->alert(id)->acknowledgeNote == QStringLiteral("BPBD dikabari"));
    CHECK(f.audit.actionsOn(f.engine->alert(id)->subject()).contains(QStringLiteral("alert.acknowledged")));
}

TEST_CASE("an operator's acknowledgement is refused and the reason is shown")
{
    PanelFixture f;
    const quint64 id = f.raise("river-a", Severity::Extreme);
    f.session->begin(operatorActor());
    f.act(id, 'a', QStringLiteral("seen"));
    CHECK(f.engine->alert(id)->state == AlertState::Unacknowledged);
    CHECK(f.panel->messageLabel()->isVisible());
    CHECK_FALSE(f.panel->messageLabel()->text().isEmpty());
}

TEST_CASE("nobody logged in, or a panel without actions, cannot acknowledge")
{
    SECTION("no session")
    {
        PanelFixture f;
        const quint64 id = f.raise("river-a", Severity::Severe);
        f.select(id);
        QTest::keyClick(f.panel->table(), 'a');
        CHECK_FALSE(f.panel->noteField()->isVisible());
        CHECK(f.engine->alert(id)->state == AlertState::Unacknowledged);
    }
    SECTION("a wall screen's panel")
    {
        PanelFixture f(false);
        const quint64 id = f.raise("river-a", Severity::Severe);
        f.session->begin(supervisor());
        f.select(id);
        QTest::keyClick(f.panel->table(), 'a');
        CHECK_FALSE(f.panel->noteField()->isVisible());
        CHECK(f.engine->alert(id)->state == AlertState::Unacknowledged);
    }
}

TEST_CASE("shelving from the panel needs a reason and sets an expiry")
{
    PanelFixture f;
    const quint64 id = f.raise("river-a", Severity::Severe);
    f.session->begin(supervisor());
    f.act(id, 's', QStringLiteral("sensor maintenance"));
    const AlertRecord *alert = f.engine->alert(id);
    CHECK(alert->state == AlertState::Shelved);
    CHECK(alert->shelvedUntil == kStart.addSecs(3600));
    CHECK(alert->shelveReason == QStringLiteral("sensor maintenance"));
}

TEST_CASE("F raises the minimum severity shown and / filters by text")
{
    PanelFixture f;
    f.raise("river-a", Severity::Moderate);
    f.raise("river-b", Severity::Extreme);
    f.panel->table()->setFocus();
    QTest::keyClick(f.panel->table(), 'f'); // from Moderate up
    QTest::keyClick(f.panel->table(), 'f'); // from Severe up
    CHECK(f.panel->proxy()->rowCount() == 1);
    QTest::keyClick(f.panel->table(), 'f'); // Extreme only
    QTest::keyClick(f.panel->table(), 'f'); // everything again
    CHECK(f.panel->proxy()->rowCount() == 2);
    QTest::keyClick(f.panel->table(), '/');
    QTest::keyClicks(f.panel->noteField(), QStringLiteral("river-b"));
    QTest::keyClick(f.panel->noteField(), Qt::Key_Return);
    CHECK(f.panel->proxy()->rowCount() == 1);
}

TEST_CASE("column headers are in the wall's language and a long area never hides the title")
{
    PanelFixture f;
    f.raise("river-a", Severity::Extreme);
    const QAbstractItemModel *shown = f.panel->table()->model();
    CHECK(shown->headerData(AlertTableModel::TitleColumn, Qt::Horizontal).toString() == QStringLiteral("Alert"));
    const int titleWidth = f.panel->table()->columnWidth(AlertTableModel::TitleColumn);
    CHECK(titleWidth >= f.panel->table()->viewport()->width() / 4);
}

TEST_CASE("on a narrow tile the columns a supervisor can spare give way to the alert's title")
{
    PanelFixture f;
    f.raise("river-a", Severity::Extreme);
    QTableView *table = f.panel->table();
    const auto hidden = [table] {
        QList<int> columns;
        for (int column = 0; column < table->model()->columnCount(); ++column)
            if (table->isColumnHidden(column))
                columns.append(column);
        return columns;
    };
    CHECK(hidden().isEmpty()); // the wall's alert screen has room for everything

    f.panel->resize(1240, 700); // the supervisor desk's two thirds of a 1080p screen
    QCoreApplication::processEvents();
    CHECK(hidden().contains(AlertTableModel::DuplicatesColumn));
    CHECK_FALSE(hidden().contains(AlertTableModel::SeverityColumn));
    CHECK_FALSE(hidden().contains(AlertTableModel::StateColumn));
    CHECK(table->columnWidth(AlertTableModel::TitleColumn) >= table->viewport()->width() * 3 / 10);

    f.panel->resize(1880, 700);
    QCoreApplication::processEvents();
    CHECK(hidden().isEmpty()); // and they come back when there is room again
}

TEST_CASE("profile parameters of the alert panel are checked")
{
    TileSpec spec;
    spec.type = QStringLiteral("alerts");
    spec.params = QJsonObject{{QStringLiteral("filter"), QStringLiteral("everything")}};
    const auto error = AlertPanelTile::checkParams(spec);
    REQUIRE(error);
    CHECK(error->field == QStringLiteral("params.filter"));
    spec.params = QJsonObject{{QStringLiteral("acknowledge"), QStringLiteral("yes")}};
    CHECK(AlertPanelTile::checkParams(spec));
    spec.params = QJsonObject{{QStringLiteral("filter"), QStringLiteral("unacknowledged")},
                              {QStringLiteral("acknowledge"), true}};
    CHECK_FALSE(AlertPanelTile::checkParams(spec));
}

TEST_CASE("Enter on a row opens it: the panel names the alert, for the dossier of its incident")
{
    PanelFixture f;
    f.raise("river-a", Severity::Moderate);
    const quint64 id = f.raise("river-b", Severity::Extreme);
    QList<quint64> opened;
    QObject::connect(f.panel.get(), &AlertPanelTile::alertOpened,
                     [&](quint64 alert) { opened.append(alert); });
    f.select(id);
    f.panel->table()->setFocus();
    QTest::keyClick(f.panel->table(), Qt::Key_Return);
    CHECK(opened == QList<quint64>{id});
    CHECK(f.engine->alert(id)->state == AlertState::Unacknowledged); // opening acts on nothing
}
