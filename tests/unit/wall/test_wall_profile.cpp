#include "wall/WallProfileReader.h"

#include <catch2/catch.hpp>

#include <QFile>

using namespace tlr;

namespace {

WallProfileReader::Error readError(const QByteArray &json)
{
    auto result = WallProfileReader::read(json, QStringLiteral("bad.json"));
    REQUIRE(std::holds_alternative<WallProfileReader::Error>(result));
    return std::get<WallProfileReader::Error>(result);
}

QByteArray withScreen(const QByteArray &screen)
{
    return R"({"name":"t","version":1,"screens":[)" + screen + "]}";
}

} // namespace

TEST_CASE("The shipped TLR wall profile is seven screens, six of them a 3 x 2 wall")
{
    auto result = WallProfileReader::readFile(WallProfileReader::defaultProfilePath());
    REQUIRE(std::holds_alternative<WallProfile>(result));
    const auto &profile = std::get<WallProfile>(result);
    REQUIRE(profile.screens.size() == 7);
    QSet<QPair<int, int>> cells;
    for (int i = 0; i < 6; ++i) {
        REQUIRE(profile.screens.at(i).wallCell);
        cells.insert({profile.screens.at(i).wallCell->y(), profile.screens.at(i).wallCell->x()});
    }
    CHECK(cells.size() == 6);
    CHECK(cells.contains({0, 0}));
    CHECK(cells.contains({1, 2}));
    CHECK_FALSE(profile.screens.at(6).wallCell); // the supervisor desk is not on the wall
    int mapScreen = -1;
    CHECK(profile.indexOfTile(QStringLiteral("city-map"), &mapScreen) == 0);
    CHECK(mapScreen == 1);
    // The map goes on below, on the middle monitor of the bottom row.
    CHECK(profile.screens.at(4).wallCell == QPoint(1, 1));
    CHECK(profile.screens.at(4).tiles.at(0).continues == QStringLiteral("city-map"));
}

TEST_CASE("Every shipped profile reads without error")
{
    for (const char *path : {":/walls/tlr-wall.json", ":/walls/laptop.json", ":/walls/briefing.json"}) {
        INFO(path);
        auto result = WallProfileReader::readFile(QString::fromLatin1(path));
        if (auto *error = std::get_if<WallProfileReader::Error>(&result))
            FAIL(error->toString().toStdString());
    }
}

TEST_CASE("A briefing screen has no grid and no tiles and a grid screen is the default kind")
{
    auto result = WallProfileReader::read(withScreen(R"({"kind":"briefing","name":"Ringkasan"})"),
                                          QStringLiteral("t.json"));
    if (auto *error = std::get_if<WallProfileReader::Error>(&result))
        FAIL(error->toString().toStdString());
    const ScreenSpec &screen = std::get<WallProfile>(result).screens.at(0);
    CHECK(screen.kind == ScreenSpec::Kind::Briefing);
    CHECK(screen.tiles.isEmpty());

    auto shipped = WallProfileReader::readFile(QStringLiteral(":/walls/briefing.json"));
    REQUIRE(std::holds_alternative<WallProfile>(shipped));
    REQUIRE(std::get<WallProfile>(shipped).screens.size() == 1);
    CHECK(std::get<WallProfile>(shipped).screens.at(0).kind == ScreenSpec::Kind::Briefing);

    auto grid = WallProfileReader::readFile(QStringLiteral(":/walls/laptop.json"));
    REQUIRE(std::holds_alternative<WallProfile>(grid));
    CHECK(std::get<WallProfile>(grid).screens.at(0).kind == ScreenSpec::Kind::Grid);

    auto withTiles = WallProfileReader::read(withScreen(R"({"kind":"briefing","name":"a",
        "grid":{"rows":1,"columns":1},"tiles":[{"type":"clock","row":0,"column":0}]})"),
                                             QStringLiteral("t.json"));
    REQUIRE(std::holds_alternative<WallProfileReader::Error>(withTiles));
    CHECK(std::get<WallProfileReader::Error>(withTiles).field == u"screens[0].grid");
    CHECK(std::get<WallProfileReader::Error>(withTiles).message.contains(u"no grid or tiles"));

    auto unknown = WallProfileReader::read(withScreen(R"({"kind":"slides","name":"a"})"),
                                           QStringLiteral("t.json"));
    REQUIRE(std::holds_alternative<WallProfileReader::Error>(unknown));
    CHECK(std::get<WallProfileReader::Error>(unknown).field == u"screens[0].kind");
}

TEST_CASE("Tile spans and grid sizes are read")
{
    auto result = WallProfileReader::read(withScreen(R"({"name":"a","size":[1280,720],
        "grid":{"rows":2,"columns":3},"tiles":[{"type":"clock","row":1,"column":1,
        "rowSpan":1,"columnSpan":2,"title":"Jam","params":{"zones":["WIB"]}}]})"),
                                          QStringLiteral("t.json"));
    REQUIRE(std::holds_alternative<WallProfile>(result));
    const ScreenSpec &screen = std::get<WallProfile>(result).screens.at(0);
    CHECK(screen.size == QSize(1280, 720));
    CHECK(screen.rows == 2);
    CHECK(screen.columns == 3);
    CHECK(screen.tiles.at(0).cells() == QRect(1, 1, 2, 1));
    CHECK(screen.tiles.at(0).title == QStringLiteral("Jam"));
    CHECK(screen.tiles.at(0).params.value(QLatin1String("zones")).isArray());
}

TEST_CASE("An invalid profile names the file, the field and what was expected")
{
    struct Case
    {
        const char *name;
        QByteArray json;
        QString field;
        const char *expected;
    };
    const QByteArray tile = R"({"type":"clock","row":0,"column":0})";
    const Case cases[] = {
        {"not JSON", "{\"name\":", {}, "not valid JSON"},
        {"top level an array", "[]", {}, "JSON object"},
        {"no screens", R"({"name":"t","version":1})", QStringLiteral("screens"), "non-empty list"},
        {"empty screens", R"({"name":"t","version":1,"screens":[]})", QStringLiteral("screens"), "non-empty list"},
        {"wrong version", R"({"name":"t","version":2,"screens":[]})", QStringLiteral("version"), "from 1 to 1"},
        // Found by fuzz_wall_profile: a number past any integer type was converted before it
        // was compared (undefined behaviour).
        {"version past every integer", R"({"name":"t","version":1.7e112,"screens":[]})",
         QStringLiteral("version"), "from 1 to 1"},
        {"row far below zero", withScreen(R"({"name":"a","grid":{"rows":1,"columns":1},"tiles":[{"type":"clock","row":-1e300,"column":0}]})"),
         QStringLiteral("screens[0].tiles[0].row"), "from 0 to 0"},
        {"row a fraction", withScreen(R"({"name":"a","grid":{"rows":2,"columns":1},"tiles":[{"type":"clock","row":0.5,"column":0}]})"),
         QStringLiteral("screens[0].tiles[0].row"), "from 0 to 1"},
        {"misspelt key", R"({"name":"t","version":1,"screen":[]})", QStringLiteral("screen"), "unknown field"},
        {"screen without grid", withScreen(R"({"name":"a","tiles":[)" + tile + "]}"),
         QStringLiteral("screens[0].grid"), "is required"},
        {"grid too large", withScreen(R"({"name":"a","grid":{"rows":40,"columns":1},"tiles":[)" + tile + "]}"),
         QStringLiteral("screens[0].grid.rows"), "from 1 to 12"},
        {"no tiles", withScreen(R"({"name":"a","grid":{"rows":1,"columns":1},"tiles":[]})"),
         QStringLiteral("screens[0].tiles"), "non-empty list"},
        {"unknown tile type", withScreen(R"({"name":"a","grid":{"rows":1,"columns":1},"tiles":[{"type":"radar","row":0,"column":0}]})"),
         QStringLiteral("screens[0].tiles[0].type"), "is not a tile type"},
        {"tile outside the grid", withScreen(R"({"name":"a","grid":{"rows":1,"columns":2},"tiles":[{"type":"clock","row":0,"column":2}]})"),
         QStringLiteral("screens[0].tiles[0].column"), "from 0 to 1"},
        {"span past the edge", withScreen(R"({"name":"a","grid":{"rows":2,"columns":2},"tiles":[{"type":"clock","row":1,"column":0,"rowSpan":2}]})"),
         QStringLiteral("screens[0].tiles[0].rowSpan"), "from 1 to 1"},
        {"row a string", withScreen(R"({"name":"a","grid":{"rows":2,"columns":2},"tiles":[{"type":"clock","row":"0","column":0}]})"),
         QStringLiteral("screens[0].tiles[0].row"), "integer"},
        {"params not an object", withScreen(R"({"name":"a","grid":{"rows":1,"columns":1},"tiles":[{"type":"clock","row":0,"column":0,"params":[1]}]})"),
         QStringLiteral("screens[0].tiles[0].params"), "expected an object"},
        {"bad size", withScreen(R"({"name":"a","size":[10,10],"grid":{"rows":1,"columns":1},"tiles":[)" + tile + "]}"),
         QStringLiteral("screens[0].size"), "at least"},
        {"continues nothing", withScreen(R"({"name":"a","grid":{"rows":1,"columns":1},"tiles":[{"type":"map","continues":"m","row":0,"column":0}]})"),
         QStringLiteral("screens[0].tiles[0].continues"), "names no tile"},
    };
    for (const auto &c : cases) {
        INFO(c.name);
        const auto error = readError(c.json);
        CHECK(error.fileName == QStringLiteral("bad.json"));
        CHECK(error.field == c.field);
        CHECK(error.message.contains(QLatin1String(c.expected)));
        CHECK(error.toString().startsWith(QStringLiteral("bad.json: ")));
    }
}

TEST_CASE("Overlapping tiles are an error naming the cell")
{
    QFile file(QStringLiteral(TLR_TEST_DATA_DIR "/profiles/overlapping-tiles.json"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    const auto error = readError(file.readAll());
    CHECK(error.field == QStringLiteral("screens[0].tiles[1]"));
    CHECK(error.message.contains(QStringLiteral("row 0, column 1")));
}

TEST_CASE("A spanning tile must continue a tile of its type on another wall screen")
{
    const QByteArray sameScreen = withScreen(
        R"({"name":"a","wall":{"row":0,"column":0},"grid":{"rows":1,"columns":2},"tiles":[
            {"type":"map","id":"m","row":0,"column":0},{"type":"map","continues":"m","row":0,"column":1}]})");
    CHECK(readError(sameScreen).message.contains(QStringLiteral("another screen")));

    const QByteArray otherType = R"({"name":"t","version":1,"screens":[
        {"name":"a","wall":{"row":0,"column":0},"grid":{"rows":1,"columns":1},"tiles":[{"type":"map","id":"m","row":0,"column":0}]},
        {"name":"b","wall":{"row":0,"column":1},"grid":{"rows":1,"columns":1},"tiles":[{"type":"chart","continues":"m","row":0,"column":0}]}]})";
    CHECK(readError(otherType).message.contains(QStringLiteral("another type")));

    const QByteArray noWall = R"({"name":"t","version":1,"screens":[
        {"name":"a","wall":{"row":0,"column":0},"grid":{"rows":1,"columns":1},"tiles":[{"type":"map","id":"m","row":0,"column":0}]},
        {"name":"b","grid":{"rows":1,"columns":1},"tiles":[{"type":"map","continues":"m","row":0,"column":0}]}]})";
    CHECK(readError(noWall).message.contains(QStringLiteral("\"wall\" position")));
}

TEST_CASE("A missing profile file is an error naming it")
{
    auto result = WallProfileReader::readFile(QStringLiteral("/nonexistent/wall.json"));
    REQUIRE(std::holds_alternative<WallProfileReader::Error>(result));
    CHECK(std::get<WallProfileReader::Error>(result).toString().startsWith(QStringLiteral("/nonexistent/wall.json: ")));
}

TEST_CASE("Names and titles may be given per language")
{
    auto result = WallProfileReader::read(withScreen(R"({"name":{"en":"Overview","id":"Ikhtisar"},
        "grid":{"rows":1,"columns":1},"tiles":[{"type":"clock","row":0,"column":0,
        "title":{"en":"Time"}}]})"),
                                          QStringLiteral("t.json"));
    REQUIRE(std::holds_alternative<WallProfile>(result));
    const ScreenSpec &screen = std::get<WallProfile>(result).screens.at(0);
    CHECK(screen.name == QStringLiteral("Ikhtisar")); // Indonesian first: the wall's language
    CHECK(screen.nameIn(QStringLiteral("en")) == QStringLiteral("Overview"));
    CHECK(screen.tiles.at(0).title == QStringLiteral("Time")); // the only language given
    CHECK(screen.tiles.at(0).titleIn(QStringLiteral("id")) == QStringLiteral("Time"));

    const auto error = readError(withScreen(R"({"name":{"id":3},"grid":{"rows":1,"columns":1},
        "tiles":[{"type":"clock","row":0,"column":0}]})"));
    CHECK(error.field == QStringLiteral("screens[0].name.id"));
}

TEST_CASE("A profile path that never ends (a device, a pipe) is refused at the size limit")
{
    // /dev/zero says its size is 0 and never runs out: trusting size() would read forever.
    auto result = WallProfileReader::readFile(QStringLiteral("/dev/zero"));
    REQUIRE(std::holds_alternative<WallProfileReader::Error>(result));
    CHECK(std::get<WallProfileReader::Error>(result).message.contains(QStringLiteral("larger than 4 MB")));
}
