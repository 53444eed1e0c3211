// The dossier of a flood incident on the real wall: WallApplication on the demo feeds (the
// storm recipe in the README) until AFTER_SECONDS, then a supervisor's session begins, the
// largest flood incident that holds a citizen's report is opened as a picked map feature opens
// it, and the dossier is saved as DIR/dossier.png; then the supervisor reveals that report's
// reporter (audited) and it is saved again as DIR/dossier-revealed.png. Last the dossier's PDF
// brief is written as DIR/brief.pdf, with the reporter still revealed on screen: the brief must
// not carry them (the tool says whether the revealed name is among its words; exit 1 if so).
// Before the brief the supervisor writes a free note, which the brief's timeline carries.
//
//   build/bin/tlr-e2e-dossier AFTER_SECONDS DIR [tlr-wall options…]
//   e.g. … 150 out --demo --db /tmp/storm.sqlite --quit-after 170
//          --feedsim-args "--scenario storm --speed 60 --start …"

#include "E2eWall.h"
#include "PrivateFiles.h"
#include "RedactedLog.h"

#include "access/Session.h"
#include "dossier/DossierOpener.h"
#include "dossier/IncidentBrief.h"
#include "dossier/IncidentDossier.h"
#include "dossier/NearbyCharts.h"
#include "incidents/IncidentBoard.h"
#include "itemmodels/IncidentTimelineModel.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace tlr;

namespace {

// The flood incident with the most signals among those that hold a report.
const Incident *largestFloodWithReport(const IncidentBoard &board)
{
    const Incident *best = nullptr;
    for (const Incident &incident : board.incidents()) {
        const bool hasReport = std::any_of(
            incident.members.cbegin(), incident.members.cend(),
            [](const IncidentSignal &s) { return s.kind == IncidentSignal::Kind::Report; });
        if (incident.hazard == QLatin1String("flood") && hasReport &&
            (!best || incident.members.size() > best->members.size()))
            best = &incident;
    }
    return best;
}

QString firstReport(const Incident &incident)
{
    for (const IncidentSignal &s : incident.members) {
        if (s.kind == IncidentSignal::Kind::Report)
            return s.id;
    }
    return {};
}

bool save(QWidget *widget, const QString &path)
{
    const bool ok = widget->grab().save(path);
    std::printf("%s %s\n", ok ? "saved" : "could not save", qPrintable(path));
    return ok;
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
    QCoreApplication::setApplicationName(QStringLiteral("tlr-e2e-dossier"));
    QCoreApplication::setOrganizationName(QStringLiteral("Diskominfo Kota Tangerang"));
    QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 3) {
        std::fprintf(stderr, "usage: tlr-e2e-dossier AFTER_SECONDS DIR [tlr-wall options]\n");
        return 2;
    }
    const int after = arguments.takeAt(1).toInt();
    const QString directory = arguments.takeAt(1);
    QDir().mkpath(directory);
    int startStatus = 0;
    const auto startedWall = e2e::startWall(arguments, startTimer, &startStatus);
    if (!startedWall)
        return startStatus;
    WallApplication &wall = *startedWall;
    int exitCode = 0;
    QTimer::singleShot(after * 1000, &app, [&] {
        const Incident *incident = largestFloodWithReport(*wall.incidents());
        if (!incident) {
            std::fprintf(stderr, "no flood incident with a report on the board yet\n");
            exitCode = 1;
            return;
        }
        const QString report = firstReport(*incident);
        const qint64 id = wall.dossiers()->incidentOfFeature(report);
        std::printf("incident %s: %d signals; picking report %s on the map opens %s\n",
                    qPrintable(incident->displayId()), int(incident->members.size()),
                    qPrintable(report), id == incident->id ? "it" : "another incident");
        wall.session()->begin({QStringLiteral("e2e-supervisor"), Role::Supervisor});
        IncidentDossier *dossier = wall.dossiers()->open(incident->id);
        if (!dossier) {
            exitCode = 1;
            return;
        }
        dossier->resize(1920, 1080);
        QTest::qWait(2500); // the small map's tiles render off the GUI thread
        for (int i = 0; i < 200 && !dossier->nearbyCharts()->isLoaded(); ++i)
            QTest::qWait(50);
        QTest::qWait(500); // the charts redraw on their coalescing timer
        std::printf("nearby charts: %d, history %s; nearby resources: %d\n",
                    int(dossier->nearbyCharts()->charts().size()),
                    dossier->nearbyCharts()->isLoaded() ? "read" : "not read in 10 s",
                    dossier->resources()->model()->rowCount());
        std::printf("%s\n", qPrintable(dossier->headerText()));
        if (!save(dossier, QDir(directory).filePath(QStringLiteral("dossier.png"))))
            exitCode = 1;
        const QAbstractItemModel *rows = dossier->timeline()->model();
        for (int row = 0; row < rows->rowCount(); ++row) {
            if (rows->index(row, 0).data(IncidentTimelineModel::SubjectIdRole).toString() ==
                report) {
                dossier->timeline()->setCurrentIndex(rows->index(row, 0));
                break;
            }
        }
        bool answered = false;
        QObject::connect(dossier, &IncidentDossier::revealAnswered, &app,
                         [&] { answered = true; });
        dossier->revealReporter();
        for (int i = 0; i < 100 && !answered; ++i)
            QTest::qWait(50);
        std::printf("reveal: %s\n", answered ? "answered" : "no answer in 5 s");
        if (!save(dossier, QDir(directory).filePath(QStringLiteral("dossier-revealed.png"))))
            exitCode = 1;
        // A free note, as the supervisor would type it: the brief carries it in its timeline.
        dossier->noteField()->setText(QStringLiteral(
            "Perahu karet BPBD di lokasi; warga RT 04 dievakuasi ke masjid"));
        dossier->addNote();
        std::printf("note: %s\n", qPrintable(dossier->messageLabel()->text()));
        const QString pdf = QDir(directory).filePath(QStringLiteral("brief.pdf"));
        if (const QString error = dossier->writeBrief(pdf); !error.isEmpty()) {
            std::fprintf(stderr, "brief: %s\n", qPrintable(error));
            exitCode = 1;
        } else {
            std::printf("saved %s\n", qPrintable(pdf));
        }
        // The revealed line names the reporter; none of its words may be in the brief.
        const QString revealed = dossier->reporterLabel()->text();
        const QString name = revealed.section(QStringLiteral(": "), 1).section(u',', 0, 0);
        const QString words = dossier->brief().texts().join(u'\n');
        const bool leaked = !name.trimmed().isEmpty() && words.contains(name.trimmed());
        std::printf("revealed reporter %s the brief\n", leaked ? "IS IN" : "is not in");
        if (leaked)
            exitCode = 1;
    });
    const int code = app.exec();
    return exitCode != 0 ? exitCode : code;
}
