#include "MbtilesReader.h"

#include <QAtomicInteger>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

Q_LOGGING_CATEGORY(lcMbtiles, "tlr.map.mbtiles")

namespace tlr {

namespace {

QAtomicInteger<quint64> g_connectionCounter;

} // namespace

MbtilesReader::MbtilesReader()
    : m_connectionName(
          QStringLiteral("tlr-mbtiles-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1)))
{
}

MbtilesReader::~MbtilesReader()
{
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool MbtilesReader::fail(const QString &message)
{
    m_error = QStringLiteral("%1: %2").arg(m_fileName, message);
    m_open = false;
    qCWarning(lcMbtiles).noquote() << m_error;
    if (QSqlDatabase::contains(m_connectionName)) {
        QSqlDatabase::database(m_connectionName, false).close();
    }
    return false;
}

bool MbtilesReader::open(const QString &fileName)
{
    m_fileName = fileName;
    m_error.clear();
    m_metadata = {};
    const QFileInfo info(fileName);
    if (!info.exists())
        return fail(QStringLiteral("no such file"));
    if (!info.isFile() || !info.isReadable())
        return fail(QStringLiteral("not a readable file"));

    QSqlDatabase db = QSqlDatabase::contains(m_connectionName)
                          ? QSqlDatabase::database(m_connectionName, false)
                          : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(fileName);
    // Read-only: a wall never writes into a city's tile file, and a wrong path must not
    // leave an empty database behind.
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    if (!db.open())
        return fail(QStringLiteral("cannot open: %1").arg(db.lastError().text()));

    // SQLite opens anything lazily; the first query is where a non-database file shows.
    QSqlQuery schema(db);
    if (!schema.exec(QStringLiteral(
            "SELECT name, type FROM sqlite_master WHERE name IN ('tiles', 'metadata')"))) {
        return fail(
            QStringLiteral("not an SQLite database (%1)").arg(schema.lastError().databaseText()));
    }
    bool hasTiles = false;
    bool hasMetadata = false;
    while (schema.next()) {
        const QString name = schema.value(0).toString();
        const QString type = schema.value(1).toString();
        // Older files keep `tiles` as a VIEW over map/images tables; both read the same.
        if (name == u"tiles" && (type == u"table" || type == u"view"))
            hasTiles = true;
        if (name == u"metadata" && (type == u"table" || type == u"view"))
            hasMetadata = true;
    }
    if (!hasTiles)
        return fail(QStringLiteral("not an MBTiles file: no \"tiles\" table or view"));
    if (!hasMetadata)
        return fail(QStringLiteral("not an MBTiles file: no \"metadata\" table"));

    QSqlQuery probe(db);
    if (!probe.exec(QStringLiteral(
            "SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles LIMIT 1"))) {
        return fail(QStringLiteral("the tiles table has not the MBTiles columns (%1)")
                        .arg(probe.lastError().databaseText()));
    }
    m_open = true;
    readMetadata();
    return true;
}

void MbtilesReader::readMetadata()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(QStringLiteral("SELECT name, value FROM metadata"))) {
        m_metadata.problems << QStringLiteral("metadata: %1").arg(query.lastError().text());
        return;
    }
    while (query.next())
        m_metadata.read(query.value(0).toString(), query.value(1).toString());
    // Many files leave the zoom range out of their metadata; the tiles themselves tell it.
    if (!m_metadata.minZoom || !m_metadata.maxZoom) {
        QSqlQuery range(QSqlDatabase::database(m_connectionName, false));
        if (range.exec(QStringLiteral("SELECT min(zoom_level), max(zoom_level) FROM tiles")) &&
            range.next() && !range.value(0).isNull()) {
            if (!m_metadata.minZoom)
                m_metadata.minZoom = MbtilesMetadata::zoomFrom(range.value(0).toString());
            if (!m_metadata.maxZoom)
                m_metadata.maxZoom = MbtilesMetadata::zoomFrom(range.value(1).toString());
        }
    }
    for (const auto &problem : std::as_const(m_metadata.problems))
        qCWarning(lcMbtiles).noquote() << m_fileName << problem;
}

MbtilesReader::Tile MbtilesReader::tile(const TileId &id) const
{
    Tile result;
    if (!m_open) {
        result.status = Tile::Status::Failed;
        result.error = m_error.isEmpty() ? QStringLiteral("no MBTiles file open") : m_error;
        return result;
    }
    if (!id.isValid()) {
        result.status = Tile::Status::Missing;
        return result;
    }
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT tile_data FROM tiles WHERE zoom_level = ? AND "
                                 "tile_column = ? AND tile_row = ?"));
    query.addBindValue(id.z);
    query.addBindValue(id.x);
    query.addBindValue(TileMath::tmsRow(id.z, id.y));
    if (!query.exec()) {
        result.status = Tile::Status::Failed;
        result.error = QStringLiteral("%1: tile %2/%3/%4: %5")
                           .arg(m_fileName)
                           .arg(id.z)
                           .arg(id.x)
                           .arg(id.y)
                           .arg(query.lastError().text());
        return result;
    }
    if (!query.next()) {
        result.status = Tile::Status::Missing;
        return result;
    }
    result.data = query.value(0).toByteArray();
    result.status = result.data.isEmpty() ? Tile::Status::Missing : Tile::Status::Found;
    return result;
}

} // namespace tlr
