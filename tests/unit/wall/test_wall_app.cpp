#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>

// tlr-wall run the way a user runs it, as a separate process.

namespace {

struct Run
{
    int exitCode = -1;
    QString output;
};

Run runWall(const QStringList &arguments, const QString &screensConfig)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // No tlr-wall.conf of the machine or the user running the tests changes what they see.
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), QStringLiteral("/nonexistent/tlr-test-config"));
    env.insert(QStringLiteral("XDG_CONFIG_DIRS"), QStringLiteral("/nonexistent/tlr-test-config"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"),
               QStringLiteral("offscreen:configfile=" TLR_TEST_DATA_DIR "/screens/") + screensConfig);
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(TLR_BINARY_DIR "/tlr-wall"), arguments);
    REQUIRE(process.waitForStarted());
    REQUIRE(process.waitForFinished(60000));
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAll())};
}

void checkSevenScreenshots(const QString &directory)
{
    QList<QImage> images;
    for (int i = 0; i < 7; ++i) {
        INFO("screen-" << i);
        const QImage image(QDir(directory).filePath(QStringLiteral("screen-%1.png").arg(i)));
        REQUIRE_FALSE(image.isNull());
        CHECK(image.size() == QSize(1920, 1080));
        for (const QImage &other : images)
            CHECK(image != other);
        images.append(image);
    }
    CHECK_FALSE(QFile::exists(QDir(directory).filePath(QStringLiteral("screen-7.png"))));
}

} // namespace

TEST_CASE("Screenshot mode writes all seven screens with seven monitors and with one")
{
    for (const char *config : {"screens-7.json", "screens-1.json"}) {
        INFO(config);
        QTemporaryDir dir;
        const Run run = runWall({QStringLiteral("--screenshot"), dir.path(), QStringLiteral("--quit-after"),
                                 QStringLiteral("1.5")},
                                QString::fromLatin1(config));
        INFO(run.output.toStdString());
        CHECK(run.exitCode == 0);
        checkSevenScreenshots(dir.path());
    }
}

TEST_CASE("The briefing option shows only the briefing and its screenshot is the QML view drawn")
{
    QTemporaryDir dir;
    const Run run = runWall({QStringLiteral("--briefing"), QStringLiteral("--lang"), QStringLiteral("en"),
                             QStringLiteral("--screenshot"), dir.path(), QStringLiteral("--quit-after"),
                             QStringLiteral("2")},
                            QStringLiteral("screens-1.json"));
    INFO(run.output.toStdString());
    CHECK(run.exitCode == 0);
    CHECK_FALSE(run.output.contains(QLatin1String("tlr.briefing")));
    CHECK_FALSE(run.output.contains(QLatin1String(".qml:")));
    const QImage image(QDir(dir.path()).filePath(QStringLiteral("screen-0.png")));
    REQUIRE_FALSE(image.isNull());
    CHECK(image.size() == QSize(1920, 1080));
    CHECK_FALSE(QFile::exists(QDir(dir.path()).filePath(QStringLiteral("screen-1.png"))));
    // Not the placeholder: the briefing's cards are drawn in the theme's surface colour
    // (#151c26) over its background (#0b1017), well below the header.
    int surface = 0;
    for (int x = 0; x < image.width(); x += 8) {
        surface += image.pixelColor(x, 200) == QColor(0x15, 0x1c, 0x26);
    }
    CHECK(surface > 100);

    const Run both = runWall({QStringLiteral("--briefing"), QStringLiteral("--profile"),
                              QStringLiteral(":/walls/laptop.json")},
                             QStringLiteral("screens-1.json"));
    CHECK(both.exitCode != 0);
    CHECK(both.output.contains(QLatin1String("--briefing and --profile")));
}

TEST_CASE("Stats mode writes the run's figures as JSON")
{
    QTemporaryDir dir;
    const QString statsPath = dir.filePath(QStringLiteral("s.json"));
    const Run run = runWall({QStringLiteral("--quit-after"), QStringLiteral("1"), QStringLiteral("--stats"), statsPath},
                            QStringLiteral("screens-2.json"));
    INFO(run.output.toStdString());
    REQUIRE(run.exitCode == 0);
    QFile file(statsPath);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QJsonObject stats = QJsonDocument::fromJson(file.readAll()).object();
    for (const char *key : {"feeds", "alerts_by_severity", "incidents", "stored_events", "frame_ms_p50",
                            "frame_ms_p99", "peak_rss_mb"}) {
        INFO(key);
        CHECK(stats.contains(QLatin1String(key)));
    }
    CHECK(stats.value(QLatin1String("peak_rss_mb")).toDouble() > 1.0);
    CHECK(stats.value(QLatin1String("frame_ms_p99")).toDouble() > 0.0);
    // The GUI thread's heartbeat ran from the first frame on.
    const QJsonObject stalls = stats.value(QLatin1String("gui_stalls")).toObject();
    CHECK(stalls.value(QLatin1String("beats")).toInteger() > 0);
    CHECK(stalls.value(QLatin1String("limit_ms")).toDouble() == 100.0);
    CHECK(stalls.contains(QLatin1String("cpu_max_ms")));
}

TEST_CASE("A bad profile or option stops the wall with a message naming the problem")
{
    SECTION("a profile with overlapping tiles")
    {
        const Run run = runWall({QStringLiteral("--profile"), QStringLiteral(TLR_TEST_DATA_DIR "/profiles/overlapping-tiles.json"),
                                 QStringLiteral("--quit-after"), QStringLiteral("1")},
                                QStringLiteral("screens-1.json"));
        CHECK(run.exitCode == 1);
        CHECK(run.output.contains(QStringLiteral("overlapping-tiles.json: screens[0].tiles[1] overlaps")));
    }
    SECTION("an image tile whose file is missing")
    {
        const Run run = runWall({QStringLiteral("--profile"), QStringLiteral(TLR_TEST_DATA_DIR "/profiles/image-missing.json"),
                                 QStringLiteral("--quit-after"), QStringLiteral("1")},
                                QStringLiteral("screens-1.json"));
        CHECK(run.exitCode == 1);
        CHECK(run.output.contains(QStringLiteral("screens[0].tiles[0].params.source")));
    }
    SECTION("a missing profile")
    {
        const Run run = runWall({QStringLiteral("--profile"), QStringLiteral("/no/such/wall.json")},
                                QStringLiteral("screens-1.json"));
        CHECK(run.exitCode == 1);
        CHECK(run.output.contains(QStringLiteral("/no/such/wall.json")));
    }
    SECTION("an unknown language")
    {
        const Run run = runWall({QStringLiteral("--lang"), QStringLiteral("fr")}, QStringLiteral("screens-1.json"));
        CHECK(run.exitCode == 2);
        CHECK(run.output.contains(QStringLiteral("--lang")));
    }
    SECTION("--quit-after that is not a number")
    {
        const Run run = runWall({QStringLiteral("--quit-after"), QStringLiteral("soon")}, QStringLiteral("screens-1.json"));
        CHECK(run.exitCode == 2);
        CHECK(run.output.contains(QStringLiteral("--quit-after")));
    }
    SECTION("an unknown option")
    {
        const Run run = runWall({QStringLiteral("--colour"), QStringLiteral("red")}, QStringLiteral("screens-1.json"));
        CHECK(run.exitCode == 2);
    }
}

TEST_CASE("A profile of two screens on two monitors runs, in English")
{
    QTemporaryDir dir;
    const Run run = runWall({QStringLiteral("--profile"), QStringLiteral(TLR_TEST_DATA_DIR "/profiles/two-screens.json"),
                             QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--screenshot"), dir.path(),
                             QStringLiteral("--quit-after"), QStringLiteral("1")},
                            QStringLiteral("screens-2.json"));
    INFO(run.output.toStdString());
    CHECK(run.exitCode == 0);
    CHECK(QImage(dir.filePath(QStringLiteral("screen-1.png"))).size() == QSize(1920, 1080));
    CHECK_FALSE(QFile::exists(dir.filePath(QStringLiteral("screen-2.png"))));
}
