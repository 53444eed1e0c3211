#include "AuditTestSupport.h"
#include "IncidentTestSupport.h"
#include "PaintedText.h"

#include "access/PersonalDataAccess.h"
#include "charts/ChartTile.h"
#include "charts/KpiTile.h"
#include "charts/SeriesCatalog.h"
#include "dossier/IncidentBrief.h"
#include "itemmodels/FeedHealthModel.h"
#include "stats/FrameTimes.h"
#include "wall/WallController.h"
#include "wall/WallProfileReader.h"
#include "wall/WallWindow.h"
#include "access/Session.h"
#include "domain/WallClock.h"
#include "dossier/DossierOpener.h"
#include "dossier/IncidentDossier.h"
#include "dossier/PrintChart.h"
#include "reports/TimelineCsv.h"
#include "incidents/IncidentBoard.h"
#include "itemmodels/IncidentTimelineModel.h"
#include "parsing/ReportParser.h"

#include <QComboBox>
#include <QImage>
#include <QPainter>
#include <QFile>
#include <QGuiApplication>
#include <QProcess>
#include <QScreen>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace tlr;
using namespace tlr::test;

namespace {

const QString kReport = QStringLiteral("LAKSA-2026-000123"); // Siti Rahmawati's, in the fixture
const QString kName = QStringLiteral("Siti Rahmawati");
const QString kPhone = QStringLiteral("+6281234567890");

// A 112 call and, beside it, the LAKSA complaint of the fixture (its reporter kept in the
// store only), fused into one flood incident in Periuk.
struct DossierFixture
{
    DossierFixture()
    {
        clock.setFixedTime(at(8, 30));
        QFile file(QStringLiteral(TLR_TEST_DATA_DIR "/report/laksa-whatsapp-banjir.json"));
        REQUIRE(file.open(QIODevice::ReadOnly));
        const ParseResult parsed = ReportParser().parse(file.readAll());
        REQUIRE(parsed.personalDetails.size() == 1);
        StoredMessage message;
        message.feed = QStringLiteral("laksa");
        message.seq = 1;
        message.receivedAt = at(8, 3);
        message.format = PayloadFormat::TlrReport;
        message.events = parsed.events;
        message.personalDetails = parsed.personalDetails;
        audited.store.append(message);
        audited.store.flush();

        board.addSignal(emergencyCall(QStringLiteral("112-1"), at(8, 1), periuk()));
        board.addSignal(complaint(kReport, at(8, 3), moved(periuk(), 50)));
        REQUIRE(board.incidents().size() == 1);
        id = board.incidents().front().id;
    }

    DossierContext context()
    {
        DossierContext c;
        c.board = &board;
        c.personalData = &personal;
        c.tiles.clock = &clock;
        c.tiles.session = &session;
        return c;
    }

    std::unique_ptr<IncidentDossier> dossier()
    {
        auto d = std::make_unique<IncidentDossier>(id, context());
        d->resize(1600, 900);
        d->show();
        return d;
    }

    int rowOf(const IncidentDossier &d, const QString &subject)
    {
        const QAbstractItemModel *rows = d.timeline()->model();
        for (int row = 0; row < rows->rowCount(); ++row) {
            if (rows->index(row, 0).data(IncidentTimelineModel::SubjectIdRole).toString() ==
                subject)
                return row;
        }
        return -1;
    }

    void select(IncidentDossier &d, const QString &subject)
    {
        const int row = rowOf(d, subject);
        REQUIRE(row >= 0);
        d.timeline()->setCurrentIndex(d.timeline()->model()->index(row, 0));
    }

    void reveal(IncidentDossier &d)
    {
        // A spy, not a lambda on a local: the connection would outlive this function (ASan's
        // stack-use-after-return at the next answer).
        QSignalSpy answered(&d, &IncidentDossier::revealAnswered);
        d.revealReporter();
        REQUIRE((!answered.isEmpty() || answered.wait(2000)));
    }

    QTemporaryDir dir;
    AuditedStore audited{dir.filePath(QStringLiteral("dossier.db"))};
    WallClock clock;
    IncidentBoard board{testConfig(), &clock, audited.audit.get()};
    Session session{audited.audit.get()};
    PersonalDataAccess personal{&audited.store, audited.audit.get(), &clock};
    qint64 id = 0;
};

QPushButton *button(IncidentDossier &d, const QString &text)
{
    for (QPushButton *b : d.findChildren<QPushButton *>()) {
        if (b->text() == text)
            return b;
    }
    FAIL("no button " << text.toStdString());
    return nullptr;
}

} // namespace

TEST_CASE("The dossier's header and timeline tell the incident's story")
{
    DossierFixture f;
    const auto d = f.dossier();
    const QString header = d->headerText();
    INFO(header.toStdString());
    CHECK(header.startsWith(QStringLiteral("INC-000001 · Flood · Periuk")));
    CHECK(header.contains(QStringLiteral("State: new")));
    CHECK(header.contains(QStringLiteral("Accountable: Live Room")));
    CHECK(header.contains(QStringLiteral("Kecamatan: Periuk")));
    CHECK(header.contains(QStringLiteral("Open for: 29 min"))); // since the call at 08:01
    f.clock.setFixedTime(at(9, 31));
    emit f.clock.ticked(f.clock.now());
    CHECK(d->headerText().contains(QStringLiteral("Open for: 1 h 30 min")));
    CHECK(f.rowOf(*d, QStringLiteral("112-1")) >= 0);
    CHECK(f.rowOf(*d, kReport) >= 0);
}

TEST_CASE("A supervisor acts on the incident from the dossier - an executive cannot")
{
    DossierFixture f;
    const auto d = f.dossier();
    f.session.begin({QStringLiteral("walikota"), Role::Executive});
    for (const QString &action : {QStringLiteral("Acknowledge"), QStringLiteral("Forward"),
                                  QStringLiteral("Resolve"), QStringLiteral("Close")}) {
        INFO(action.toStdString());
        CHECK_FALSE(button(*d, action)->isEnabled());
    }

    f.session.begin({QStringLiteral("siti"), Role::Supervisor});
    const int rowsBefore = d->timeline()->model()->rowCount();
    REQUIRE(button(*d, QStringLiteral("Acknowledge"))->isEnabled());
    QTest::keyClicks(d->noteField(), QStringLiteral("dilihat"));
    QTest::mouseClick(button(*d, QStringLiteral("Acknowledge")), Qt::LeftButton);
    CHECK(f.board.incident(f.id)->state == IncidentState::Acknowledged);
    CHECK(d->headerText().contains(QStringLiteral("State: acknowledged")));
    CHECK(d->noteField()->text().isEmpty());

    auto *agencies = d->findChild<QComboBox *>();
    REQUIRE(agencies);
    agencies->setCurrentIndex(agencies->findText(agencyShortName(Agency::Dlh)));
    QTest::mouseClick(button(*d, QStringLiteral("Forward")), Qt::LeftButton);
    CHECK(d->messageLabel()->text().contains(QStringLiteral("needs a note"))); // the board's rule
    QTest::keyClicks(d->noteField(), QStringLiteral("pompa di Periuk"));
    QTest::mouseClick(button(*d, QStringLiteral("Forward")), Qt::LeftButton);
    CHECK(f.board.incident(f.id)->accountable == Agency::Dlh);
    CHECK(d->headerText().contains(QStringLiteral("Accountable: DLH")));
    CHECK(d->messageLabel()->text() == QStringLiteral("Forwarded to DLH."));
    CHECK(d->timeline()->model()->rowCount() > rowsBefore);
    CHECK_FALSE(button(*d, QStringLiteral("Close"))->isEnabled()); // not resolved yet
}

TEST_CASE("The dossier shows a reporter only after a supervisor's audited reveal")
{
    DossierFixture f;
    const auto d = f.dossier();
    f.session.begin({QStringLiteral("siti"), Role::Supervisor});
    CHECK(d->revealButton()->isVisibleTo(d.get()));
    CHECK_FALSE(d->revealButton()->isEnabled()); // no report selected
    CHECK_FALSE(test::paintedText(d.get()).join(u'\n').contains(kName));

    f.select(*d, kReport);
    REQUIRE(d->revealButton()->isEnabled());
    f.reveal(*d);
    CHECK(d->reporterLabel()->text().contains(kName));
    CHECK(d->reporterLabel()->text().contains(kPhone));
    f.audited.audit->flush();
    {
        SqlProbe probe(f.dir.filePath(QStringLiteral("dossier.db")));
        CHECK(probe
                  .value(QStringLiteral("SELECT actor || ' ' || subject FROM audit_log "
                                        "WHERE action = 'report.personal_revealed'"))
                  .toString() == QStringLiteral("siti report:") + kReport);
    }

    f.select(*d, QStringLiteral("112-1")); // looking elsewhere hides it again
    CHECK(d->reporterLabel()->text().isEmpty());

    f.select(*d, kReport);
    f.reveal(*d);
    CHECK(d->reporterLabel()->text().contains(kName));
    f.session.end(QStringLiteral("logged out")); // whoever saw it has gone
    CHECK(d->reporterLabel()->text().isEmpty());
}

TEST_CASE("An operator's dossier never shows a reporter, and the attempt is audited")
{
    DossierFixture f;
    const auto d = f.dossier();
    f.session.begin({QStringLiteral("budi"), Role::Operator});
    CHECK_FALSE(d->revealButton()->isVisibleTo(d.get()));
    f.select(*d, kReport);
    f.reveal(*d); // as if the button were pressed anyway
    CHECK_FALSE(d->reporterLabel()->text().contains(kName));
    CHECK(d->reporterLabel()->text().contains(QStringLiteral("may not")));
    const QString painted = test::paintedText(d.get()).join(u'\n');
    CHECK_FALSE(painted.contains(kName));
    CHECK_FALSE(painted.contains(kPhone));
    f.audited.audit->flush();
    SqlProbe probe(f.dir.filePath(QStringLiteral("dossier.db")));
    CHECK(probe
              .value(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                    "'report.reveal_refused' AND actor = 'budi'"))
              .toInt() == 1);
}

TEST_CASE("A picked map feature opens the dossier of the incident it belongs to")
{
    DossierFixture f;
    DossierOpener opener(f.context());
    CHECK(opener.incidentOfFeature(kReport) == f.id);
    CHECK(opener.incidentOfFeature(QStringLiteral("112-1")) == f.id);
    CHECK(opener.incidentOfFeature(QStringLiteral("sensor-42")) == 0);
    CHECK(opener.open(999) == nullptr);
    IncidentDossier *d = opener.open(f.id);
    REQUIRE(d);
    CHECK(opener.current() == d);
    CHECK(d->isWindow());
    CHECK(d->incidentId() == f.id);
}

TEST_CASE("The dossier opens on the screen it was asked from, and a KPI card drills into the "
          "most pressing open incident")
{
    DossierFixture f;
    DossierOpener opener(f.context());
    const QList<QScreen *> screens = QGuiApplication::screens();
    REQUIRE(screens.size() == 7); // tests/data/screens/screens-7.json
    IncidentDossier *d = opener.open(f.id, screens.at(3));
    REQUIRE(d);
    CHECK(d->screen() == screens.at(3));
    INFO("screen " << screens.at(3)->geometry().x() << "," << screens.at(3)->geometry().y()
                   << " " << screens.at(3)->geometry().width() << "x"
                   << screens.at(3)->geometry().height() << ", dossier " << d->geometry().x()
                   << "," << d->geometry().y() << " " << d->width() << "x" << d->height());
    CHECK(screens.at(3)->geometry().contains(d->geometry()));
    // Opened again without a screen: where it was.
    d = opener.open(f.id);
    REQUIRE(d);
    CHECK(d->screen() == screens.at(3));

    TileSpec spec;
    spec.type = QStringLiteral("kpi");
    TileContext context = f.context().tiles;
    context.incidents = &f.board;
    KpiTile card(spec, KpiKind::OpenIncidentsByAgency, context);
    card.setGeometry(QRect(screens.at(5)->geometry().topLeft(), QSize(400, 300)));
    card.show();
    REQUIRE(QTest::qWaitForWindowExposed(&card));
    REQUIRE(card.screen() == screens.at(5));
    opener.watch(&card);
    opener.watch(&card); // watched twice (a re-layout): still one dossier per click
    QSignalSpy opened(&opener, &DossierOpener::opened);
    CHECK(opener.mostPressingIncident() == f.id);
    QTest::mouseClick(&card, Qt::LeftButton, {}, QPoint(200, 150));
    REQUIRE(opened.size() == 1);
    CHECK(opened.at(0).at(0).toLongLong() == f.id);
    REQUIRE(opener.current());
    CHECK(opener.current()->screen() == screens.at(5));

    // A resolved incident is no longer pressing.
    f.session.begin({QStringLiteral("siti"), Role::Supervisor});
    REQUIRE(f.board.acknowledge(f.id, *f.session.actor(), QStringLiteral("dilihat")).isEmpty());
    const QString refusal = f.board.resolve(f.id, *f.session.actor(), QStringLiteral("surut"));
    INFO(refusal.toStdString());
    REQUIRE(refusal.isEmpty());
    CHECK(opener.mostPressingIncident() == 0);
}

TEST_CASE("Send to wall pins the dossier over the monitor that shows the chosen screen")
{
    DossierFixture f;
    FeedHealthModel feedHealth;
    FrameTimes frameTimes;
    auto profile = WallProfileReader::readFile(WallProfileReader::defaultProfilePath());
    REQUIRE(std::holds_alternative<WallProfile>(profile));
    TileContext tiles;
    tiles.clock = &f.clock;
    tiles.feedHealth = &feedHealth;
    WallController wall(std::get<WallProfile>(profile), tiles, &frameTimes);
    wall.setScreenProvider([] { return QGuiApplication::screens(); });
    wall.show();
    DossierContext context = f.context();
    context.wall = &wall;
    IncidentDossier d(f.id, context);
    d.resize(1600, 900);
    d.show();
    // The wall's own screens are offered, not the supervisor's desk.
    int wallScreens = 0;
    for (const ScreenSpec &screen : wall.profile().screens)
        wallScreens += screen.wallCell ? 1 : 0;
    CHECK(d.wallScreenChoice()->count() == wallScreens);

    const int target = d.wallScreenChoice()->itemData(2).toInt();
    CHECK(d.sendToWall(target).isEmpty());
    WallWindow *window = wall.windows().at(wall.assignment().windowOf(target));
    CHECK(d.geometry() == window->geometry());
    CHECK(d.windowFlags().testFlag(Qt::WindowStaysOnTopHint));
    CHECK(d.isVisible());
    CHECK(d.pinnedScreen() == target);
    CHECK(window->currentPage() == wall.pages().at(target));
    CHECK_FALSE(d.sendToWall(99).isEmpty()); // no such screen: said, nothing moves
    CHECK(d.geometry() == window->geometry());
}

TEST_CASE("A dossier pinned on the wall shows no reporter and no text typed at a console")
{
    DossierFixture f;
    FeedHealthModel feedHealth;
    FrameTimes frameTimes;
    auto profile = WallProfileReader::readFile(WallProfileReader::defaultProfilePath());
    REQUIRE(std::holds_alternative<WallProfile>(profile));
    TileContext tiles;
    tiles.clock = &f.clock;
    tiles.feedHealth = &feedHealth;
    WallController wall(std::get<WallProfile>(profile), tiles, &frameTimes);
    wall.setScreenProvider([] { return QGuiApplication::screens(); });
    wall.show();
    DossierContext context = f.context();
    context.wall = &wall;
    IncidentDossier d(f.id, context);
    d.resize(1600, 900);
    d.show();
    f.session.begin({QStringLiteral("siti"), Role::Supervisor});
    const QString typed = QStringLiteral("Pak Joko di 0813 1111 2222 menunggu perahu");
    REQUIRE(f.board.addNote(f.id, *f.session.actor(), typed).isEmpty());
    f.select(d, kReport);
    f.reveal(d);
    REQUIRE(d.reporterLabel()->text().contains(kName)); // at the desk, to the supervisor
    const auto shows = [&d](const QString &text) {
        const QAbstractItemModel *rows = d.timeline()->model();
        for (int row = 0; row < rows->rowCount(); ++row) {
            if (rows->index(row, IncidentTimelineModel::WhatColumn).data().toString() == text)
                return true;
        }
        return false;
    };
    REQUIRE(shows(typed)); // at the desk

    REQUIRE(d.sendToWall(d.wallScreenChoice()->itemData(0).toInt()).isEmpty());
    QTest::qWait(50);
    CHECK(d.reporterLabel()->text().isEmpty());
    CHECK_FALSE(d.revealButton()->isVisible());
    const QString painted = test::paintedText(&d).join(u'\n');
    for (const QString &secret : {kName, kPhone, QStringLiteral("Joko"), QStringLiteral("0813")})
        CHECK_FALSE(painted.contains(secret));
    const QAbstractItemModel *shown = d.timeline()->model();
    bool noteRow = false;
    for (int row = 0; row < shown->rowCount(); ++row) {
        for (int c = 0; c < shown->columnCount(); ++c) {
            for (int role = 0; role <= Qt::UserRole + 64; ++role)
                CHECK_FALSE(shown->index(row, c).data(role).toString().contains(
                    QStringLiteral("Joko")));
        }
        noteRow = noteRow || shown->index(row, 0).data(IncidentTimelineModel::EntryKindRole) ==
                                 int(IncidentTimelineModel::EntryKind::Note);
    }
    CHECK(noteRow); // the entry stays: who wrote a note, and when
    CHECK(shows(QStringLiteral("(kept for the consoles)")));
    f.select(d, kReport);
    QSignalSpy answered(&d, &IncidentDossier::revealAnswered);
    d.revealReporter(); // as if pressed anyway: nothing is asked for on the wall
    QTest::qWait(200);
    CHECK(answered.isEmpty());
    CHECK(d.reporterLabel()->text().isEmpty());
}

TEST_CASE("A note written in the dossier is in its timeline, its CSV and its PDF brief")
{
    DossierFixture f;
    const auto d = f.dossier();
    f.session.begin({QStringLiteral("walikota"), Role::Executive});
    CHECK_FALSE(d->addNoteButton()->isEnabled());
    d->addNote(); // as if pressed anyway: the board's rule answers
    CHECK(d->messageLabel()->text().contains(QStringLiteral("may not write a note")));

    f.session.begin({QStringLiteral("andi"), Role::Operator});
    REQUIRE(d->addNoteButton()->isEnabled());
    f.clock.setFixedTime(at(8, 40));
    const QString text = QStringLiteral("Perahu karet BPBD tiba, 12 warga dievakuasi");
    QTest::keyClicks(d->noteField(), text);
    QTest::mouseClick(d->addNoteButton(), Qt::LeftButton);
    CHECK(d->messageLabel()->text() == QStringLiteral("Note added."));
    CHECK(d->noteField()->text().isEmpty());
    REQUIRE(f.board.incident(f.id)->notes.size() == 1);
    CHECK(f.board.incident(f.id)->state == IncidentState::New);

    const IncidentTimelineModel &timeline = *d->timelineModel();
    const int last = timeline.rowCount() - 1;
    CHECK(timeline.entry(last).kind == IncidentTimelineModel::EntryKind::Note);
    CHECK(timeline.index(last, IncidentTimelineModel::WhatColumn).data().toString() == text);
    CHECK(timeline.index(last, IncidentTimelineModel::WhoColumn).data().toString() ==
          QStringLiteral("andi"));

    const QString csv = QString::fromUtf8(TimelineCsv::write(timeline));
    CHECK(csv.contains(QStringLiteral("2026-11-23T15:40:00+07:00,Note,\"") + text +
                       QStringLiteral("\",andi,")));

    f.audited.audit->flush();
    {
        SqlProbe probe(f.dir.filePath(QStringLiteral("dossier.db")));
        CHECK(probe
                  .value(QStringLiteral("SELECT actor || '|' || role || '|' || note FROM "
                                        "audit_log WHERE action = 'incident.noted'"))
                  .toString() == QStringLiteral("andi|operator|") + text);
    }

    const QString pdf = f.dir.filePath(QStringLiteral("noted.pdf"));
    REQUIRE(d->writeBrief(pdf).isEmpty());
    QProcess extract;
    extract.start(QStandardPaths::findExecutable(QStringLiteral("pdftotext")),
                  {pdf, QStringLiteral("-")});
    REQUIRE(extract.waitForFinished(20000));
    const QString words =
        QString::fromUtf8(extract.readAllStandardOutput()).simplified();
    CHECK(words.contains(QStringLiteral("Perahu karet BPBD tiba")));
    CHECK(words.contains(QStringLiteral("andi")));
}

TEST_CASE("The brief's chart is drawn for paper with the data's age under the plot, never on it")
{
    const SeriesSpec *river = SeriesCatalog::builtIn().find(u"river-level");
    REQUIRE(river);
    PrintChart chart;
    chart.series = *river;
    chart.series.lines = {river->lines.value(0), river->lines.value(0)};
    chart.series.lines[0].label = QStringLiteral("Pintu Air 10");
    chart.series.lines[1].label = QStringLiteral("Periuk");
    chart.fromMsecs = at(7, 0).toMSecsSinceEpoch();
    chart.toMsecs = at(10, 0).toMSecsSinceEpoch();
    for (int line = 0; line < 2; ++line) {
        std::vector<TimePoint> points;
        for (int minute = 0; minute <= 150; ++minute)
            points.push_back({at(7, 0).addSecs(minute * 60).toMSecsSinceEpoch(),
                              300.0 + line * 40 + minute * 2.0});
        chart.lines.push_back(points);
    }
    const auto render = [&](const QString &caption) {
        QImage image(1200, 420, QImage::Format_RGB32);
        image.setDotsPerMeterX(5906); // 150 dpi, as the brief's PDF
        image.setDotsPerMeterY(5906);
        image.fill(Qt::white);
        QPainter painter(&image);
        PrintChart c = chart;
        c.caption = caption;
        c.paint(painter, image.rect());
        return image;
    };
    const QImage plain = render({});
    const QImage stale = render(QStringLiteral("Stale: no new data since 09:30 WIB (30 min ago)"));

    // Light: a white page with dark ink, not the wall's dark tile.
    qint64 light = 0;
    qint64 dark = 0;
    for (int y = 0; y < plain.height(); ++y) {
        for (int x = 0; x < plain.width(); ++x) {
            const int grey = qGray(plain.pixel(x, y));
            light += grey > 200 ? 1 : 0;
            dark += grey < 80 ? 1 : 0;
        }
    }
    CHECK(light > qint64(plain.width()) * plain.height() * 7 / 10);
    CHECK(dark > 2000); // the lines and the text

    // The notice changes only the caption's strip at the bottom: the plot is the same.
    int firstChangedRow = -1;
    for (int y = 0; y < plain.height() && firstChangedRow < 0; ++y) {
        for (int x = 0; x < plain.width(); ++x) {
            if (plain.pixel(x, y) != stale.pixel(x, y)) {
                firstChangedRow = y;
                break;
            }
        }
    }
    REQUIRE(firstChangedRow >= 0);
    CHECK(firstChangedRow > plain.height() * 85 / 100);
    CHECK(chart.captionText().contains(QStringLiteral("Latest reading 16:30 WIB")));

    // In grey-scale each line keeps a look of its own: its dash, or its grey.
    for (int a = 0; a < 4; ++a) {
        for (int b = a + 1; b < 4; ++b) {
            const QPen pa = PrintChart::linePen(a, 2);
            const QPen pb = PrintChart::linePen(b, 2);
            CHECK((pa.style() != pb.style() || qGray(pa.color().rgb()) != qGray(pb.color().rgb())));
        }
    }
}

TEST_CASE("The PDF brief tells the incident's story and never carries a reporter, even after a "
          "reveal")
{
    DossierFixture f;
    const auto d = f.dossier();
    f.session.begin({QStringLiteral("siti"), Role::Supervisor});
    f.select(*d, kReport);
    f.reveal(*d);
    REQUIRE(d->reporterLabel()->text().contains(kName)); // on screen, to the supervisor

    const IncidentBrief brief = d->brief();
    CHECK(brief.title.startsWith(QStringLiteral("INC-000001 · Flood · Periuk")));
    CHECK(brief.madeFor.contains(QStringLiteral("siti")));
    CHECK(brief.timeline.rows.size() == d->timelineModel()->rowCount());
    CHECK(brief.timeline.header.size() == IncidentTimelineModel::ColumnCount);
    const QString words = brief.texts().join(u'\n');
    CHECK(words.contains(kReport));
    CHECK(words.contains(QStringLiteral("112-1")));
    CHECK(words.contains(QStringLiteral("Periuk")));
    CHECK_FALSE(words.contains(kName));
    CHECK_FALSE(words.contains(kPhone));

    const QString pdf = f.dir.filePath(QStringLiteral("brief.pdf"));
    REQUIRE(d->writeBrief(pdf).isEmpty());
    QFile file(pdf);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.read(5) == QByteArray("%PDF-"));
    file.close();

    // What a reader of the PDF gets: its text, as poppler extracts it.
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    REQUIRE_FALSE(pdftotext.isEmpty()); // poppler-utils, a test dependency
    QProcess extract;
    extract.start(pdftotext, {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    REQUIRE(extract.waitForFinished(20000));
    REQUIRE(extract.exitCode() == 0);
    const QString text = QString::fromUtf8(extract.readAllStandardOutput());
    INFO(text.toStdString());
    CHECK(text.contains(QStringLiteral("INC-000001")));
    CHECK(text.contains(kReport));
    CHECK(text.contains(QStringLiteral("112-1")));
    CHECK(text.contains(QStringLiteral("Timeline")));
    CHECK(text.contains(QStringLiteral("Page 1")));
    CHECK_FALSE(text.contains(kName));
    CHECK_FALSE(text.contains(kPhone));
    CHECK_FALSE(text.contains(QStringLiteral("Rahmawati")));
}

TEST_CASE("A chart with a fixed start reaches from it to now")
{
    WallClock clock;
    clock.setFixedTime(at(10, 0));
    TileContext context;
    context.clock = &clock;
    const SeriesSpec *river = SeriesCatalog::builtIn().find(u"river-level");
    REQUIRE(river);
    TileSpec spec;
    spec.type = QStringLiteral("chart");
    spec.params.insert(QStringLiteral("from"), at(7, 0).toString(Qt::ISODateWithMs));
    ChartTile tile(spec, *river, ChartWindow::OneHour, context);
    tile.resize(800, 400);
    tile.show();
    const std::vector<TimePoint> history = {{at(7, 30).toMSecsSinceEpoch(), 320},
                                            {at(8, 30).toMSecsSinceEpoch(), 410},
                                            {at(9, 59).toMSecsSinceEpoch(), 450}};
    tile.addHistory(0, history);
    tile.refreshNow();
    // All three points are in the window (7:00 to 10:00), though a one-hour window would cut
    // the first two.
    CHECK(tile.drawnPoints(0).size() == 3);
    CHECK(tile.dataState() == ChartTile::DataState::Live);
}
