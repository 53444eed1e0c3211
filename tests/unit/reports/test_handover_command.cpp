#include "ReportsTestSupport.h"

#include <QProcess>
#include <QStandardPaths>

#include <catch2/catch.hpp>

using namespace tlr;
using namespace tlr::test;

// tlr-wall --handover-report run as a supervisor runs it, on a database the wall's own writers
// filled, and the PDF read back as text with poppler's pdftotext.

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), QStringLiteral("/nonexistent/tlr-test-config"));
    env.insert(QStringLiteral("XDG_CONFIG_DIRS"), QStringLiteral("/nonexistent/tlr-test-config"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM")); // the command must choose offscreen itself
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    REQUIRE(process.waitForStarted());
    REQUIRE(process.waitForFinished(60000));
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

Run wall(const QStringList &arguments)
{
    return run(QStringLiteral(TLR_BINARY_DIR "/tlr-wall"), arguments);
}

// A morning shift: a critical alert nobody took, one siti took with a note, one shelved, a drill.
QString writeMorning(const QTemporaryDir &dir)
{
    const QString target = dir.filePath(QStringLiteral("wall.sqlite"));
    ShiftFixture f(target);
    f.startWall();
    f.setTime(wib(7, 2));
    f.raise(river("pintu-air-10", Severity::Extreme, "Pintu Air 10: 720 cm"));
    f.setTime(wib(7, 10));
    const quint64 taken = f.raise(river("kali-sabi", Severity::Severe, "Kali Sabi: Siaga 2"));
    f.setTime(wib(7, 12));
    REQUIRE(f.engine->acknowledge(taken, kSiti, QStringLiteral("Petugas BPBD sudah di lokasi")));
    const quint64 shelved = f.raise(river("cisadane-3", Severity::Moderate, "Cisadane 3"));
    f.setTime(wib(7, 20));
    REQUIRE(f.engine->shelve(shelved, kSiti, QStringLiteral("Sensor rusak"), wib(11, 40)));
    AlertCondition drill = river("latihan", Severity::Extreme, "Latihan banjir Periuk");
    drill.live = false;
    drill.status = Alert::Status::Exercise;
    f.raise(drill);
    f.setTime(wib(8, 0));
    f.build(wib(7, 0), wib(8, 0)); // flushes every writer
    return target;
}

} // namespace

TEST_CASE("tlr-wall --handover-report writes a readable PDF of the window, in the language asked")
{
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    REQUIRE_FALSE(pdftotext.isEmpty()); // poppler-utils: scripts/install-deps.sh
    QTemporaryDir dir;
    const QString db = writeMorning(dir);
    const QString pdf = dir.filePath(QStringLiteral("handover.pdf"));

    const Run made = wall({QStringLiteral("--db"), db, QStringLiteral("--handover-report"), pdf,
                           QStringLiteral("--since"), QStringLiteral("2026-11-23T07:00"),
                           QStringLiteral("--until"), QStringLiteral("2026-11-23T15:00+07:00"),
                           QStringLiteral("--lang"), QStringLiteral("en")});
    INFO(made.err.toStdString());
    REQUIRE(made.exitCode == 0);
    CHECK(made.out.contains(QStringLiteral("1 open, 1 acknowledged, 1 shelved alerts")));
    CHECK(made.out.contains(QStringLiteral("1 exercise/test")));
    // In reading order, with a cell's wrapped lines joined: what a reader of the page sees.
    Run text = run(pdftotext, {pdf, QStringLiteral("-")});
    REQUIRE(text.exitCode == 0);
    text.out = text.out.simplified();
    CHECK(text.out.contains(QStringLiteral("Shift handover report")));
    CHECK(text.out.contains(QStringLiteral("Pintu Air 10: 720 cm")));
    CHECK(text.out.contains(QStringLiteral("Petugas BPBD sudah di lokasi")));
    CHECK(text.out.contains(QStringLiteral("Sensor rusak")));
    CHECK(text.out.contains(QStringLiteral("EXERCISE/TEST")));
    CHECK(text.out.contains(QStringLiteral("23 Nov 07:12"))); // siti's acknowledgement, WIB

    SECTION("in Indonesian, the wall's default")
    {
        const QString indonesian = dir.filePath(QStringLiteral("serah-terima.pdf"));
        REQUIRE(wall({QStringLiteral("--db"), db, QStringLiteral("--handover-report"), indonesian,
                      QStringLiteral("--since"), QStringLiteral("2026-11-23T07:00"),
                      QStringLiteral("--until"), QStringLiteral("2026-11-23T15:00")})
                    .exitCode == 0);
        Run id = run(pdftotext, {indonesian, QStringLiteral("-")});
        id.out = id.out.simplified();
        CHECK(id.out.contains(QStringLiteral("Laporan serah terima shift")));
        CHECK(id.out.contains(QStringLiteral("LATIHAN/UJI")));
    }
}

TEST_CASE("tlr-wall --handover-report: mistakes exit 2, an unreadable database 3")
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("out.pdf"));
    const QString missing = dir.filePath(QStringLiteral("missing.sqlite"));
    CHECK(wall({QStringLiteral("--handover-report"), pdf}).exitCode == 2); // no --db
    CHECK(wall({QStringLiteral("--db"), missing, QStringLiteral("--handover-report"), pdf,
                QStringLiteral("--since"), QStringLiteral("yesterday")})
              .exitCode == 2);
    CHECK(wall({QStringLiteral("--db"), missing, QStringLiteral("--handover-report"), pdf,
                QStringLiteral("--since"), QStringLiteral("2026-11-23T15:00"),
                QStringLiteral("--until"), QStringLiteral("2026-11-23T07:00")})
              .exitCode == 2);
    CHECK(wall({QStringLiteral("--db"), missing, QStringLiteral("--list-users"),
                QStringLiteral("--since"), QStringLiteral("2026-11-23T07:00")})
              .exitCode == 2); // --since belongs to the report
    const Run unreadable = wall({QStringLiteral("--db"), missing, QStringLiteral("--handover-report"), pdf});
    CHECK(unreadable.exitCode == 3);
    CHECK_FALSE(QFile::exists(missing));
    CHECK_FALSE(QFile::exists(pdf));
}
