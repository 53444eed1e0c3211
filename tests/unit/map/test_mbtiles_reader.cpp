#include "map/MbtilesReader.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace tlr;

namespace {

// Builds a small MBTiles file with SQL. The tile bytes are arbitrary: the reader hands over
// bytes and never decodes them (decoding belongs to the map core, which may use QtGui).
class MbtilesFixture
{
public:
    enum class Schema { Unknown, Table, View };

    explicit MbtilesFixture(Schema schema = Schema::Table,
                            QList<QPair<QString, QString>> metadata = defaultMetadata())
    {
        REQUIRE(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("tangerang.mbtiles"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                        QStringLiteral("fixture-writer"));
            db.setDatabaseName(m_path);
            REQUIRE(db.open());
            QSqlQuery q(db);
            REQUIRE(q.exec(QStringLiteral("CREATE TABLE metadata (name text, value text)")));
            if (schema == Schema::Table) {
                REQUIRE(q.exec(
                    QStringLiteral("CREATE TABLE tiles (zoom_level integer, tile_column integer, "
                                   "tile_row integer, tile_data blob)")));
            } else {
                // The older layout: deduplicated images behind a view.
                REQUIRE(q.exec(
                    QStringLiteral("CREATE TABLE map (zoom_level integer, tile_column integer, "
                                   "tile_row integer, tile_id text)")));
                REQUIRE(
                    q.exec(QStringLiteral("CREATE TABLE images (tile_data blob, tile_id text)")));
                REQUIRE(q.exec(
                    QStringLiteral("CREATE VIEW tiles AS SELECT map.zoom_level AS zoom_level, "
                                   "map.tile_column AS tile_column, map.tile_row AS tile_row, "
                                   "images.tile_data AS tile_data FROM map JOIN images "
                                   "ON images.tile_id = map.tile_id")));
            }
            for (const auto &[name, value] : metadata) {
                q.prepare(QStringLiteral("INSERT INTO metadata VALUES (?, ?)"));
                q.addBindValue(name);
                q.addBindValue(value);
                REQUIRE(q.exec());
            }
            // Tangerang's centre tile at z12 (x 3261, y 2118 → TMS row 1977) and its
            // northern neighbour.
            insert(q, schema, 12, 3261, 1977, "tile 12/3261/2118");
            insert(q, schema, 12, 3261, 1978, "tile 12/3261/2117");
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("fixture-writer"));
    }

    QString path() const { return m_path; }
    QString dir() const { return m_dir.path(); }

    static QList<QPair<QString, QString>> defaultMetadata()
    {
        return {{QStringLiteral("name"), QStringLiteral("Kota Tangerang test")},
                {QStringLiteral("format"), QStringLiteral("png")},
                {QStringLiteral("bounds"), QStringLiteral("106.55,-6.26,106.75,-6.10")},
                {QStringLiteral("center"), QStringLiteral("106.6319,-6.1783,12")},
                {QStringLiteral("minzoom"), QStringLiteral("10")},
                {QStringLiteral("maxzoom"), QStringLiteral("14")},
                {QStringLiteral("attribution"), QStringLiteral("test tiles")}};
    }

private:
    static void insert(QSqlQuery &q, Schema schema, int z, int x, int tmsY, const char *bytes)
    {
        const QByteArray data(bytes);
        if (schema == Schema::Table) {
            q.prepare(QStringLiteral("INSERT INTO tiles VALUES (?, ?, ?, ?)"));
            q.addBindValue(z);
            q.addBindValue(x);
            q.addBindValue(tmsY);
            q.addBindValue(data);
            REQUIRE(q.exec());
            return;
        }
        const QString id = QString::fromLatin1(bytes);
        q.prepare(QStringLiteral("INSERT INTO map VALUES (?, ?, ?, ?)"));
        q.addBindValue(z);
        q.addBindValue(x);
        q.addBindValue(tmsY);
        q.addBindValue(id);
        REQUIRE(q.exec());
        q.prepare(QStringLiteral("INSERT INTO images VALUES (?, ?)"));
        q.addBindValue(data);
        q.addBindValue(id);
        REQUIRE(q.exec());
    }

    QTemporaryDir m_dir;
    QString m_path;
};

} // namespace

TEST_CASE("An MBTiles file gives its tiles by XYZ number, rows flipped from TMS")
{
    const auto schema = GENERATE(MbtilesFixture::Schema::Table, MbtilesFixture::Schema::View);
    INFO("tiles as a " << (schema == MbtilesFixture::Schema::Table ? "table" : "view"));
    MbtilesFixture fixture(schema);
    MbtilesReader reader;
    REQUIRE(reader.open(fixture.path()));
    CHECK(reader.errorString().isEmpty());

    const auto centre = reader.tile({12, 3261, 2118});
    CHECK(centre.status == MbtilesReader::Tile::Status::Found);
    CHECK(centre.data == QByteArray("tile 12/3261/2118"));
    const auto north = reader.tile({12, 3261, 2117});
    CHECK(north.status == MbtilesReader::Tile::Status::Found);
    CHECK(north.data == QByteArray("tile 12/3261/2117"));
    // Asking by the TMS row would be the flip forgotten: that tile is not in the file.
    CHECK(reader.tile({12, 3261, 1977}).status == MbtilesReader::Tile::Status::Missing);
}

TEST_CASE("A tile the file does not have is missing, not an error")
{
    MbtilesFixture fixture;
    MbtilesReader reader;
    REQUIRE(reader.open(fixture.path()));
    const auto none = reader.tile({13, 6522, 4236});
    CHECK(none.status == MbtilesReader::Tile::Status::Missing);
    CHECK(none.data.isEmpty());
    CHECK(none.error.isEmpty());
    // Numbers outside the pyramid are missing too, never a query with a negative row.
    CHECK(reader.tile({2, 4, 0}).status == MbtilesReader::Tile::Status::Missing);
    CHECK(reader.tile({2, -1, 0}).status == MbtilesReader::Tile::Status::Missing);
}

TEST_CASE("The metadata table gives bounds, centre, zoom range and format")
{
    MbtilesFixture fixture;
    MbtilesReader reader;
    REQUIRE(reader.open(fixture.path()));
    const MbtilesMetadata &m = reader.metadata();
    CHECK(m.name == QStringLiteral("Kota Tangerang test"));
    CHECK(m.format == MbtilesMetadata::Format::Png);
    CHECK(m.isRaster());
    REQUIRE(m.bounds);
    CHECK(m.bounds->topLeft().longitude() == Approx(106.55));
    CHECK(m.bounds->topLeft().latitude() == Approx(-6.10));
    CHECK(m.bounds->bottomRight().longitude() == Approx(106.75));
    CHECK(m.bounds->bottomRight().latitude() == Approx(-6.26));
    REQUIRE(m.center);
    CHECK(m.center->latitude() == Approx(-6.1783));
    CHECK(m.center->longitude() == Approx(106.6319));
    CHECK(m.centerZoom == 12);
    CHECK(m.minZoom == 10);
    CHECK(m.maxZoom == 14);
    CHECK(m.attribution == QStringLiteral("test tiles"));
    CHECK(m.problems.isEmpty());
}

TEST_CASE("Misspelt metadata values are named as problems and the file still reads")
{
    MbtilesFixture fixture(MbtilesFixture::Schema::Table,
                           {{QStringLiteral("format"), QStringLiteral("tiff")},
                            {QStringLiteral("bounds"), QStringLiteral("west,south,east")},
                            {QStringLiteral("center"), QStringLiteral("nan,nan,3")},
                            {QStringLiteral("minzoom"), QStringLiteral("-2")},
                            {QStringLiteral("maxzoom"), QStringLiteral("16")}});
    MbtilesReader reader;
    REQUIRE(reader.open(fixture.path()));
    const MbtilesMetadata &m = reader.metadata();
    CHECK(m.format == MbtilesMetadata::Format::Unknown);
    CHECK_FALSE(m.bounds);
    CHECK_FALSE(m.center);
    CHECK(m.minZoom == 12); // the bad value is left out; the tiles' own range stands in
    CHECK(m.maxZoom == 16);
    CHECK(m.problems.size() == 4);
    CHECK(m.problems.join(u'\n').contains(QStringLiteral("metadata.bounds")));
    CHECK(reader.tile({12, 3261, 2118}).status == MbtilesReader::Tile::Status::Found);
}

TEST_CASE("Without minzoom and maxzoom in the metadata, the zoom range comes from the tiles")
{
    MbtilesFixture fixture(MbtilesFixture::Schema::View,
                           {{QStringLiteral("name"), QStringLiteral("x")}});
    MbtilesReader reader;
    REQUIRE(reader.open(fixture.path()));
    CHECK(reader.metadata().minZoom == 12);
    CHECK(reader.metadata().maxZoom == 12);
    CHECK(reader.metadata().format == MbtilesMetadata::Format::Unknown);
}

TEST_CASE("A corrupt or non-MBTiles file is a clear error naming the file")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());

    SECTION("bytes that are not SQLite")
    {
        const QString path = dir.filePath(QStringLiteral("corrupt.mbtiles"));
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        QByteArray junk(8192, '\0');
        for (int i = 0; i < junk.size(); ++i)
            junk[i] = char((i * 7919) & 0xff);
        file.write(junk);
        file.close();
        MbtilesReader reader;
        CHECK_FALSE(reader.open(path));
        CHECK_FALSE(reader.isOpen());
        CHECK(reader.errorString().contains(path));
        CHECK(reader.errorString().contains(QStringLiteral("not an SQLite database")));
        const auto tile = reader.tile({12, 3261, 2118});
        CHECK(tile.status == MbtilesReader::Tile::Status::Failed);
        CHECK(tile.error.contains(path));
    }
    SECTION("an SQLite database of something else")
    {
        const QString path = dir.filePath(QStringLiteral("other.sqlite"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                        QStringLiteral("other-writer"));
            db.setDatabaseName(path);
            REQUIRE(db.open());
            QSqlQuery q(db);
            REQUIRE(q.exec(QStringLiteral("CREATE TABLE readings (id integer)")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other-writer"));
        MbtilesReader reader;
        CHECK_FALSE(reader.open(path));
        CHECK(reader.errorString().contains(path));
        CHECK(reader.errorString().contains(QStringLiteral("not an MBTiles file")));
    }
    SECTION("a file that does not exist, and is not created by trying")
    {
        const QString path = dir.filePath(QStringLiteral("nowhere.mbtiles"));
        MbtilesReader reader;
        CHECK_FALSE(reader.open(path));
        CHECK(reader.errorString().contains(path));
        CHECK_FALSE(QFile::exists(path));
    }
}

TEST_CASE("Two readers of one file keep their own connections")
{
    MbtilesFixture fixture;
    auto first = std::make_unique<MbtilesReader>();
    MbtilesReader second;
    REQUIRE(first->open(fixture.path()));
    REQUIRE(second.open(fixture.path()));
    first.reset(); // closing one must not close the other
    CHECK(second.tile({12, 3261, 2118}).status == MbtilesReader::Tile::Status::Found);
}
