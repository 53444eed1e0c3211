#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>

// The default wall's city map spans screens 1 and 4: the middle column of the 3 x 2 wall, top
// and bottom, because the city is about as tall as it is wide. Its offscreen screenshots must
// show one continuous map: the last map row of screen 1 continues in the first map row of
// screen 4.

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

// A row of one colour from `left` to `right`: the tile's margin around the map. Rows of the
// city map are never one colour there, because the Cisadane crosses every one of them.
bool isPlainRow(const QImage &image, int y, int left, int right)
{
    const QRgb first = image.pixel(left, y);
    for (int x = left + 1; x < right; ++x) {
        if (image.pixel(x, y) != first)
            return false;
    }
    return true;
}

// The map's edge row: outward from the middle of the screen, the last row before the tile's
// margin.
int mapEdgeRow(const QImage &image, int left, int right, bool downwards)
{
    const int step = downwards ? 1 : -1;
    int y = image.height() / 2;
    while (y + step >= 0 && y + step < image.height() && !isPlainRow(image, y + step, left, right))
        y += step;
    return y;
}

double rowDifference(const QImage &a, int ya, const QImage &b, int yb, int left, int right,
                     int shift = 0)
{
    double sum = 0;
    for (int x = left; x < right; ++x) {
        const QColor p = a.pixelColor(x, ya);
        const QColor q = b.pixelColor(x + shift, yb);
        sum += std::abs(p.red() - q.red()) + std::abs(p.green() - q.green()) +
               std::abs(p.blue() - q.blue());
    }
    return sum / (right - left);
}

} // namespace

TEST_CASE("The spanning city map is continuous across the seam of screens 1 and 4")
{
    QTemporaryDir dir;
    const Run run = runWall({QStringLiteral("--screenshot"), dir.path(),
                             QStringLiteral("--quit-after"), QStringLiteral("3")});
    INFO(run.output.toStdString());
    REQUIRE(run.exitCode == 0);
    const QImage north(QDir(dir.path()).filePath(QStringLiteral("screen-1.png")));
    const QImage south(QDir(dir.path()).filePath(QStringLiteral("screen-4.png")));
    REQUIRE_FALSE(north.isNull());
    REQUIRE_FALSE(south.isNull());
    REQUIRE(north.width() == south.width());

    // Columns inside both maps, clear of the tiles' side margins.
    const int left = 200;
    const int right = north.width() - 200;
    const int yn = mapEdgeRow(north, left, right, true);
    const int ys = mapEdgeRow(south, left, right, false);
    INFO("map edges at y " << yn << " and " << ys);
    REQUIRE(yn > north.height() / 2);
    REQUIRE(ys < south.height() / 2);

    const double seam = rowDifference(north, yn, south, ys, left, right);
    // Neighbouring rows of one screen differ this much where the map has detail.
    const double inside = std::max(rowDifference(north, yn - 1, north, yn, left, right),
                                   rowDifference(south, ys, south, ys + 1, left, right));
    INFO("seam " << seam << ", inside " << inside);
    CHECK(seam <= inside * 1.5 + 2);
    // A map off by a pixel or more in either direction would match worse: the seam is the best
    // fit of all nearby alignments.
    for (int dy = 0; dy <= 4; ++dy) {
        for (int dx = -4; dx <= 4; ++dx) {
            if (dx == 0 && dy == 0)
                continue;
            const double shifted = rowDifference(north, yn, south, ys + dy, left, right, dx);
            INFO("shifted by " << dx << ", " << dy << ": " << shifted);
            CHECK(shifted > seam);
        }
    }
    // And the map shows the city on both sides: drawn land, not the empty outside colour.
    const QColor outside(0x0b, 0x10, 0x17);
    int northLand = 0;
    int southLand = 0;
    for (int y = 0; y < 200; y += 5) {
        for (int x = left; x < right; x += 5) {
            northLand += north.pixelColor(x, yn - y) != outside ? 1 : 0;
            southLand += south.pixelColor(x, ys + y) != outside ? 1 : 0;
        }
    }
    CHECK(northLand > 5000);
    CHECK(southLand > 5000);
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
