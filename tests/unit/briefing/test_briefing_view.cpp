#include "IncidentTestSupport.h"

#include "BriefingController.h"
#include "BriefingView.h"
#include "alerts/AlertEngine.h"
#include "briefing/AgencyKpiModel.h"
#include "briefing/TopIncidentsModel.h"
#include "domain/WallClock.h"
#include "incidents/IncidentBoard.h"
#include "itemmodels/AlertTableModel.h"
#include "tiles/TileContext.h"

#include <QQuickItem>
#include <QSignalSpy>
#include <QTest>

using namespace tlr;
using namespace tlr::test;

namespace {

// Every warning while a test runs: QML's (a binding that failed, a missing property, a type
// error) come through here as well as through the view's own list.
QStringList g_warnings;
QtMessageHandler g_previous = nullptr;

void collectWarnings(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg)
        g_warnings.append(QString::fromUtf8(context.category) + QStringLiteral(": ") + message);
    if (g_previous)
        g_previous(type, context, message);
}

struct WarningsAreFailures
{
    WarningsAreFailures()
    {
        g_warnings.clear();
        g_previous = qInstallMessageHandler(collectWarnings);
    }
    ~WarningsAreFailures() { qInstallMessageHandler(g_previous); }
};

QGeoCoordinate cibodas() { return QGeoCoordinate(-6.2100, 106.6100); }

Actor supervisor() { return {QStringLiteral("sari"), Role::Supervisor}; }

// A flood in Periuk (three 112 calls) and a crash in Cibodas forwarded to Dishub; a live
// critical alert for DLH.
struct ViewFixture
{
    ViewFixture()
    {
        clock.setFixedTime(at(9, 30));
        board.addSignal(emergencyCall(QStringLiteral("112-1"), at(9, 1), periuk()));
        board.addSignal(emergencyCall(QStringLiteral("112-2"), at(9, 5), moved(periuk(), 100)));
        board.addSignal(emergencyCall(QStringLiteral("112-3"), at(9, 9), moved(periuk(), 200)));
        board.addSignal(emergencyCall(QStringLiteral("112-4"), at(9, 12), cibodas(),
                                      QStringLiteral("Cibodas"), QStringLiteral("kecelakaan")));
        REQUIRE(board.incidents().size() == 2);
        periukId = board.incidents().at(0).id;
        cibodasId = board.incidents().at(1).id;
        REQUIRE(board.acknowledge(cibodasId, supervisor(), QStringLiteral("seen")).isEmpty());
        REQUIRE(board.forward(cibodasId, Agency::Dishub, supervisor(), QStringLiteral("tow")).isEmpty());

        AlertCondition c;
        c.source = QStringLiteral("dlh-environment");
        c.resource = QStringLiteral("pintu-air-10");
        c.event = QStringLiteral("river-level");
        c.severity = Severity::Extreme;
        c.title = QStringLiteral("Pintu Air 10");
        c.kecamatan = QStringLiteral("Neglasari");
        c.agency = Agency::Dlh;
        engine.applyConditions({c});
        engine.applyQueuedConditions();
        alerts.flushPendingChanges();

        context.clock = &clock;
        context.incidents = &board;
        context.alerts = &engine;
        context.alertTable = &alerts;
    }

    std::unique_ptr<BriefingView> view()
    {
        auto v = std::make_unique<BriefingView>(context);
        v->resize(1920, 960);
        v->show();
        REQUIRE(QTest::qWaitForWindowExposed(v.get()));
        v->activateWindow();
        v->setFocus();
        QCoreApplication::processEvents();
        v->grabFramebuffer(); // polishes the layouts, so items are where a finger finds them
        return v;
    }

    WallClock clock;
    ListRecorder audit;
    IncidentBoard board{testConfig(), &clock, &audit};
    AlertEngine engine{&clock, AlertRules{}, nullptr};
    AlertTableModel alerts{&engine, &clock};
    TileContext context;
    qint64 periukId = 0;
    qint64 cibodasId = 0;
};

// Delegates of a Repeater or a ListView are visual children only, not QObject children.
QQuickItem *findItem(QQuickItem *under, const QString &name)
{
    for (QQuickItem *item : under->childItems()) {
        if (item->objectName() == name)
            return item;
        if (QQuickItem *found = findItem(item, name))
            return found;
    }
    return nullptr;
}

QQuickItem *child(const BriefingView &view, const char *name)
{
    auto *item = findItem(view.rootObject(), QString::fromLatin1(name));
    REQUIRE(item);
    return item;
}

QQuickItem *focused(const BriefingView &view)
{
    return view.quickWindow()->activeFocusItem();
}

// Whether the item with the focus is `item` or inside it.
bool hasFocusIn(const BriefingView &view, QQuickItem *item)
{
    for (QQuickItem *i = focused(view); i; i = i->parentItem()) {
        if (i == item)
            return true;
    }
    return false;
}

void key(BriefingView &view, Qt::Key k)
{
    QTest::keyClick(&view, k);
    QCoreApplication::processEvents();
}

} // namespace

TEST_CASE("The briefing loads without a QML warning and shows the wall's figures")
{
    WarningsAreFailures guard;
    ViewFixture f;
    auto view = f.view();
    REQUIRE(view->status() == QQuickWidget::Ready);
    REQUIRE(view->rootObject());
    view->controller()->agencies()->refreshNow();
    QCoreApplication::processEvents();
    // Let bindings settle and a frame render: warnings surface while painting too.
    const QImage frame = view->grabFramebuffer();
    CHECK(view->qmlWarnings().isEmpty());
    CHECK(g_warnings.isEmpty());
    INFO(g_warnings.join(u'\n').toStdString());

    // The figures come from the wall's models: the 112 card counts the Periuk flood.
    const int row112 = view->controller()->agencies()->rowOfAgency(Agency::CallCentre112);
    QQuickItem *card112 = child(*view, QStringLiteral("agencyCard%1").arg(row112).toLatin1().constData());
    auto *figure = findItem(card112, QStringLiteral("openIncidents"));
    REQUIRE(figure);
    CHECK(figure->property("text").toString() == u"1");
    const int rowDlh = view->controller()->agencies()->rowOfAgency(Agency::Dlh);
    CHECK(view->controller()->agencies()->index(rowDlh).data(AgencyKpiModel::CriticalRole).toInt() == 1);

    // The frame is drawn, not blank: the background and the cards differ.
    REQUIRE(!frame.isNull());
    CHECK(frame.size() == QSize(1920, 960));
    CHECK(frame.pixelColor(4, 4) != frame.pixelColor(card112->mapToScene({40, 40}).toPoint()));
}

TEST_CASE("The remote moves the focus between cards and list and map and Enter asks for the dossier")
{
    WarningsAreFailures guard;
    ViewFixture f;
    auto view = f.view();
    QSignalSpy requested(view.get(), &BriefingView::incidentRequested);

    QQuickItem *card0 = child(*view, "agencyCard0");
    QQuickItem *card1 = child(*view, "agencyCard1");
    QQuickItem *map = child(*view, "mapPanel");
    QQuickItem *list = child(*view, "incidentList");
    REQUIRE(hasFocusIn(*view, card0));

    key(*view, Qt::Key_Right);
    CHECK(hasFocusIn(*view, card1));
    key(*view, Qt::Key_Left);
    CHECK(hasFocusIn(*view, card0));
    key(*view, Qt::Key_Down); // below the first cards lies the map
    CHECK(hasFocusIn(*view, map));
    key(*view, Qt::Key_Escape); // out of the map, to the incidents
    CHECK(hasFocusIn(*view, list));

    // The gravest first: the Periuk flood (three signals), then Cibodas.
    key(*view, Qt::Key_Return);
    REQUIRE(requested.size() == 1);
    CHECK(requested.at(0).at(0).toLongLong() == f.periukId);

    // A presenter's Page Down steps to the next incident, from wherever the focus is.
    key(*view, Qt::Key_Up); // from the first row: back to the cards
    CHECK(hasFocusIn(*view, card0));
    key(*view, Qt::Key_PageDown);
    CHECK(hasFocusIn(*view, list));
    key(*view, Qt::Key_Enter);
    REQUIRE(requested.size() == 2);
    CHECK(requested.at(1).at(0).toLongLong() == f.cibodasId);
    key(*view, Qt::Key_PageUp);
    key(*view, Qt::Key_Space);
    REQUIRE(requested.size() == 3);
    CHECK(requested.at(2).at(0).toLongLong() == f.periukId);

    // Enter on an agency's card lists that agency's incidents; Escape lists them all again.
    key(*view, Qt::Key_Up);
    const int rowDishub = view->controller()->agencies()->rowOfAgency(Agency::Dishub);
    for (int i = 0; i < rowDishub; ++i)
        key(*view, Qt::Key_Right);
    key(*view, Qt::Key_Return);
    TopIncidentsModel *incidents = view->controller()->incidents();
    CHECK(incidents->agencyFilter() == agencyKey(Agency::Dishub));
    CHECK(incidents->count() == 1);
    CHECK(hasFocusIn(*view, list));
    key(*view, Qt::Key_Return);
    REQUIRE(requested.size() == 4);
    CHECK(requested.at(3).at(0).toLongLong() == f.cibodasId);
    key(*view, Qt::Key_Escape); // to the cards
    key(*view, Qt::Key_Escape); // the filter off
    CHECK(incidents->agencyFilter().isEmpty());
    CHECK(incidents->count() == 2);
    CHECK(g_warnings.isEmpty());
}

TEST_CASE("A tap on an incident row asks for its dossier and a tap on a card filters")
{
    WarningsAreFailures guard;
    ViewFixture f;
    auto view = f.view();
    QSignalSpy requested(view.get(), &BriefingView::incidentRequested);

    QQuickItem *rows = child(*view, "incidentRows");
    auto *first = rows->property("currentItem").value<QQuickItem *>();
    REQUIRE(first);
    const QPoint at = first->mapToScene(QPointF(first->width() / 2, first->height() / 2)).toPoint();
    INFO("row at " << at.x() << "," << at.y() << " size " << first->width() << "x" << first->height()
         << " list " << rows->width() << "x" << rows->height());
    QTest::mouseClick(view.get(), Qt::LeftButton, {}, at);
    QCoreApplication::processEvents();
    REQUIRE(requested.size() == 1);
    CHECK(requested.at(0).at(0).toLongLong() == f.periukId);

    const int rowDishub = view->controller()->agencies()->rowOfAgency(Agency::Dishub);
    QQuickItem *card = child(*view, QStringLiteral("agencyCard%1").arg(rowDishub).toLatin1().constData());
    QTest::mouseClick(view.get(), Qt::LeftButton, {},
                      card->mapToScene(QPointF(card->width() / 2, card->height() / 2)).toPoint());
    QCoreApplication::processEvents();
    CHECK(view->controller()->incidents()->agencyFilter() == agencyKey(Agency::Dishub));
    CHECK(g_warnings.isEmpty());
}
