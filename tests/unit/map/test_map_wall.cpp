#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>

// The default wall's city map spans screens 1 and 2 (wall columns 1 and 2). Its offscreen
// screenshots must show one continuous map: the last map column of screen 1 continues in the
// first map column of screen 2.

namespace {

struct Run
{
    int exitCode = -1;
    QString output;
};

Run runWall(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // No tlr-wall.conf of the machine or the user running the tests changes what they see.
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), QStringLiteral("/nonexistent/tlr-test-config"));
    env.insert(QStringLiteral("XDG_CONFIG_DIRS"), QStringLiteral("/nonexistent/tlr-test-config"));
    env.insert(
        QStringLiteral("QT_QPA_PLATFORM"),
        QStringLiteral("offscreen:configfile=" TLR_TEST_DATA_DIR "/screens/screens-7.json"));
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(TLR_BINARY_DIR "/tlr-wall"), arguments);
    REQUIRE(process.waitForStarted());
    REQUIRE(process.waitForFinished(60000));
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAll())};
}

// The map's edge column: inward from the screen edge, past the wall background and then the
// tile's surface, the first column that is neither is the map's.
int mapEdge(const QImage &image, int row, bool fromRight)
{
    const QRgb background = image.pixel(fromRight ? image.width() - 1 : 0, row);
    const int step = fromRight ? -1 : 1;
    int x = fromRight ? image.width() - 1 : 0;
    while (x >= 0 && x < image.width() && image.pixel(x, row) == background)
        x += step;
    const QRgb surface = image.pixel(x, row);
    while (x >= 0 && x < image.width() && image.pixel(x, row) == surface)
        x += step;
    return x;
}

double columnDifference(const QImage &a, int xa, const QImage &b, int xb, int top, int bottom,
                        int shift = 0)
{
    double sum = 0;
    for (int y = top; y < bottom; ++y) {
        const QColor p = a.pixelColor(xa, y);
        const QColor q = b.pixelColor(xb, y + shift);
        sum += std::abs(p.red() - q.red()) + std::abs(p.green() - q.green()) +
               std::abs(p.blue() - q.blue());
    }
    return sum / (bottom - top);
}

} // namespace

TEST_CASE("The spanning city map is continuous across the seam of screens 1 and 2")
{
    QTemporaryDir dir;
    const Run run = runWall({QStringLiteral("--screenshot"), dir.path(),
                             QStringLiteral("--quit-after"), QStringLiteral("3")});
    INFO(run.output.toStdString());
    REQUIRE(run.exitCode == 0);
    const QImage west(QDir(dir.path()).filePath(QStringLiteral("screen-1.png")));
    const QImage east(QDir(dir.path()).filePath(QStringLiteral("screen-2.png")));
    REQUIRE_FALSE(west.isNull());
    REQUIRE_FALSE(east.isNull());

    const int row = west.height() / 2;
    const int xw = mapEdge(west, row, true);
    const int xe = mapEdge(east, row, false);
    INFO("map edges at x " << xw << " and " << xe);
    REQUIRE(xw > west.width() / 2);
    REQUIRE(xe < east.width() / 2);

    // Rows inside both maps (screen 1's map is lower by its title bar).
    const int top = 200;
    const int bottom = 950;
    const double seam = columnDifference(west, xw, east, xe, top, bottom);
    // Neighbouring columns of one screen differ this much where the map has detail.
    const double inside = std::max(columnDifference(west, xw - 1, west, xw, top, bottom),
                                   columnDifference(east, xe, east, xe + 1, top, bottom));
    // A map off by a few rows would differ far more: the measure can tell.
    const double shifted = columnDifference(west, xw, east, xe, top, bottom, 12);
    INFO("seam " << seam << ", inside " << inside << ", shifted " << shifted);
    CHECK(seam <= inside * 1.5 + 2);
    CHECK(shifted > seam * 2);
    // And the map shows the city on both sides: drawn land, not the empty outside colour.
    const QColor outside(0x0b, 0x10, 0x17);
    int westLand = 0;
    int eastLand = 0;
    for (int y = top; y < bottom; y += 5) {
        for (int x = 0; x < 200; x += 5) {
            westLand += west.pixelColor(xw - x, y) != outside ? 1 : 0;
            eastLand += east.pixelColor(xe + x, y) != outside ? 1 : 0;
        }
    }
    CHECK(westLand > 500);
    CHECK(eastLand > 500);
}

TEST_CASE("A corrupt --basemap MBTiles file is named and the wall falls back to the built-in map")
{
    QTemporaryDir dir;
    const QString corrupt = dir.filePath(QStringLiteral("broken.mbtiles"));
    {
        QFile file(corrupt);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'z'));
    }
    const QString shots = dir.filePath(QStringLiteral("shots"));
    const Run run = runWall({QStringLiteral("--basemap"), QStringLiteral("mbtiles:") + corrupt,
                             QStringLiteral("--screenshot"), shots, QStringLiteral("--quit-after"),
                             QStringLiteral("2")});
    INFO(run.output.toStdString());
    CHECK(run.exitCode == 0);
    CHECK(run.output.contains(corrupt));
    CHECK(run.output.contains(QStringLiteral("not an SQLite database")));
    CHECK(run.output.contains(QStringLiteral("built-in")));
    CHECK(QFile::exists(QDir(shots).filePath(QStringLiteral("screen-1.png"))));
}

TEST_CASE("A --basemap that is not a source stops the wall with a clear message")
{
    const Run run = runWall({QStringLiteral("--basemap"), QStringLiteral("google-maps"),
                             QStringLiteral("--quit-after"), QStringLiteral("1")});
    CHECK(run.exitCode != 0);
    CHECK(run.output.contains(QStringLiteral("--basemap")));
    CHECK(run.output.contains(QStringLiteral("google-maps")));
}
