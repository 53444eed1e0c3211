#include "WallProfileReader.h"

#include "parsing/ParseHelpers.h"

#include <QFile>
#include <QJsonArray>
#include <QSet>

#include <cmath>

namespace tlr {
namespace {

constexpr int kMaxGridCells = 12;

const QStringList &knownTileTypes()
{
    static const QStringList types{QStringLiteral("alerts"),  QStringLiteral("chart"),
                                   QStringLiteral("clock"),   QStringLiteral("feed-health"),
                                   QStringLiteral("image"),   QStringLiteral("kpi"),
                                   QStringLiteral("map"),     QStringLiteral("notice")};
    return types;
}
constexpr int kMaxScreens = 64;

// Collects the first error; every check after it is skipped so the message names the cause.
class Checker
{
public:
    explicit Checker(QString fileName) : m_fileName(std::move(fileName)) {}

    bool failed() const { return m_error.has_value(); }
    WallProfileReader::Error error() const { return *m_error; }

    void fail(const QString &field, const QString &message)
    {
        if (!m_error)
            m_error = WallProfileReader::Error{m_fileName, field, message};
    }

    QString string(const QJsonObject &o, const QString &path, const char *key, bool required,
                   const QString &fallback = {})
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(join(path, key), QStringLiteral("is required (expected a string)"));
            return fallback;
        }
        if (!v.isString()) {
            fail(join(path, key), QStringLiteral("expected a string"));
            return fallback;
        }
        return v.toString();
    }

    // A string, or an object of strings by language code: {"id": "…", "en": "…"}.
    QString localized(const QJsonObject &o, const QString &path, const char *key, bool required,
                      QHash<QString, QString> *byLanguage)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isObject())
            return string(o, path, key, required);
        const QJsonObject languages = v.toObject();
        QString first;
        for (auto it = languages.begin(); it != languages.end(); ++it) {
            if (!it.value().isString() || it.key().size() < 2 || it.key().size() > 8) {
                fail(join(path, key) + u'.' + it.key(), QStringLiteral("expected a text for a language code such as id or en"));
                return {};
            }
            byLanguage->insert(it.key(), it.value().toString());
        }
        // The wall's own language first: Indonesian, then English, then whatever is there.
        for (const char *language : {"id", "en"}) {
            if (first.isEmpty())
                first = byLanguage->value(QString::fromLatin1(language));
        }
        if (first.isEmpty() && !byLanguage->isEmpty())
            first = byLanguage->cbegin().value();
        if (required && first.isEmpty())
            fail(join(path, key), QStringLiteral("is required (a string or {\"id\": …, \"en\": …})"));
        return first;
    }

    int integer(const QJsonObject &o, const QString &path, const char *key, int fallback,
                int minimum, int maximum, bool required = false)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined()) {
            if (required)
                fail(join(path, key), QStringLiteral("is required (expected an integer)"));
            return fallback;
        }
        const double d = v.toDouble(qQNaN());
        // In range before anything is converted: a double past qint64 converted to it is
        // undefined behaviour (the fuzzer's "version": 1.7e112).
        if (!v.isDouble() || d < minimum || d > maximum || d != std::floor(d)) {
            fail(join(path, key), QStringLiteral("expected an integer from %1 to %2")
                                      .arg(minimum)
                                      .arg(maximum));
            return fallback;
        }
        return static_cast<int>(d);
    }

    static QString join(const QString &path, const char *key)
    {
        return path.isEmpty() ? QString::fromLatin1(key) : path + u'.' + QLatin1String(key);
    }

private:
    QString m_fileName;
    std::optional<WallProfileReader::Error> m_error;
};

void checkKnownKeys(Checker &check, const QJsonObject &o, const QString &path,
                    std::initializer_list<const char *> known)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        const bool isKnown = std::any_of(known.begin(), known.end(), [&](const char *k) {
            return it.key() == QLatin1String(k);
        });
        // A misspelt key would silently fall back to a default; say so instead.
        if (!isKnown && !it.key().startsWith(u'_')) {
            check.fail(Checker::join(path, it.key().toUtf8().constData()),
                       QStringLiteral("unknown field (keys starting with _ are comments)"));
        }
    }
}

TileSpec readTile(Checker &check, const QJsonObject &o, const QString &path, const ScreenSpec &screen)
{
    checkKnownKeys(check, o, path,
                   {"type", "id", "continues", "title", "row", "column", "rowSpan", "columnSpan",
                    "params"});
    TileSpec tile;
    tile.type = check.string(o, path, "type", true);
    if (!check.failed() && !knownTileTypes().contains(tile.type)) {
        check.fail(Checker::join(path, "type"), QStringLiteral("\"%1\" is not a tile type (expected one of: %2)")
                                                    .arg(tile.type, knownTileTypes().join(QStringLiteral(", "))));
    }
    tile.id = check.string(o, path, "id", false);
    tile.continues = check.string(o, path, "continues", false);
    tile.title = check.localized(o, path, "title", false, &tile.titles);
    tile.row = check.integer(o, path, "row", 0, 0, screen.rows - 1, true);
    tile.column = check.integer(o, path, "column", 0, 0, screen.columns - 1, true);
    tile.rowSpan = check.integer(o, path, "rowSpan", 1, 1, screen.rows - tile.row);
    tile.columnSpan = check.integer(o, path, "columnSpan", 1, 1, screen.columns - tile.column);
    const QJsonValue params = o.value(QLatin1String("params"));
    if (!params.isUndefined() && !params.isObject())
        check.fail(Checker::join(path, "params"), QStringLiteral("expected an object"));
    tile.params = params.toObject();
    return tile;
}

ScreenSpec readScreen(Checker &check, const QJsonObject &o, const QString &path)
{
    checkKnownKeys(check, o, path, {"kind", "name", "output", "wall", "size", "grid", "tiles"});
    ScreenSpec screen;
    const QString kind = check.string(o, path, "kind", false);
    if (kind == u"briefing") {
        screen.kind = ScreenSpec::Kind::Briefing;
    } else if (!kind.isEmpty() && kind != u"grid") {
        check.fail(Checker::join(path, "kind"),
                   QStringLiteral("\"%1\" is not a screen kind (expected grid or briefing)").arg(kind));
    }
    screen.name = check.localized(o, path, "name", true, &screen.names);
    screen.output = check.string(o, path, "output", false);

    const QJsonValue wall = o.value(QLatin1String("wall"));
    if (wall.isObject()) {
        const QString wallPath = Checker::join(path, "wall");
        const int row = check.integer(wall.toObject(), wallPath, "row", 0, 0, 15, true);
        const int column = check.integer(wall.toObject(), wallPath, "column", 0, 0, 15, true);
        screen.wallCell = QPoint(column, row);
    } else if (!wall.isUndefined()) {
        check.fail(Checker::join(path, "wall"), QStringLiteral("expected {\"row\": R, \"column\": C}"));
    }

    const QJsonValue size = o.value(QLatin1String("size"));
    if (!size.isUndefined()) {
        const QJsonArray a = size.toArray();
        const int w = a.size() == 2 ? a.at(0).toInt(-1) : -1;
        const int h = a.size() == 2 ? a.at(1).toInt(-1) : -1;
        if (w < 320 || h < 240 || w > 16384 || h > 16384)
            check.fail(Checker::join(path, "size"), QStringLiteral("expected [width, height] in pixels, at least [320, 240]"));
        else
            screen.size = QSize(w, h);
    }

    const QJsonValue grid = o.value(QLatin1String("grid"));
    if (screen.kind == ScreenSpec::Kind::Briefing) {
        // The briefing lays itself out; a grid or tiles here would be silently ignored.
        for (const char *key : {"grid", "tiles"}) {
            if (o.contains(QLatin1String(key)))
                check.fail(Checker::join(path, key), QStringLiteral("a briefing screen has no grid or tiles"));
        }
        return screen;
    }
    if (!grid.isObject()) {
        check.fail(Checker::join(path, "grid"), QStringLiteral("is required (expected {\"rows\": R, \"columns\": C})"));
        return screen;
    }
    const QString gridPath = Checker::join(path, "grid");
    screen.rows = check.integer(grid.toObject(), gridPath, "rows", 1, 1, kMaxGridCells, true);
    screen.columns = check.integer(grid.toObject(), gridPath, "columns", 1, 1, kMaxGridCells, true);

    const QJsonValue tiles = o.value(QLatin1String("tiles"));
    if (!tiles.isArray() || tiles.toArray().isEmpty()) {
        check.fail(Checker::join(path, "tiles"), QStringLiteral("expected a non-empty list of tiles"));
        return screen;
    }
    QSet<QPair<int, int>> used;
    const QJsonArray tileArray = tiles.toArray();
    for (qsizetype i = 0; i < tileArray.size() && !check.failed(); ++i) {
        const QString tilePath = Checker::join(path, "tiles") + QStringLiteral("[%1]").arg(i);
        if (!tileArray.at(i).isObject()) {
            check.fail(tilePath, QStringLiteral("expected an object"));
            break;
        }
        TileSpec tile = readTile(check, tileArray.at(i).toObject(), tilePath, screen);
        if (check.failed())
            break;
        for (int r = tile.row; r < tile.row + tile.rowSpan; ++r) {
            for (int c = tile.column; c < tile.column + tile.columnSpan; ++c) {
                if (used.contains({r, c})) {
                    check.fail(tilePath, QStringLiteral("overlaps another tile at row %1, column %2")
                                             .arg(r)
                                             .arg(c));
                }
                used.insert({r, c});
            }
        }
        screen.tiles.append(std::move(tile));
    }
    return screen;
}

void checkSpanningTiles(Checker &check, const WallProfile &profile)
{
    QSet<QString> ids;
    for (int s = 0; s < profile.screens.size(); ++s) {
        for (int t = 0; t < profile.screens.at(s).tiles.size(); ++t) {
            const TileSpec &tile = profile.screens.at(s).tiles.at(t);
            const QString path = QStringLiteral("screens[%1].tiles[%2]").arg(s).arg(t);
            if (!tile.id.isEmpty() && ids.contains(tile.id))
                check.fail(path + QStringLiteral(".id"), QStringLiteral("\"%1\" is used twice").arg(tile.id));
            ids.insert(tile.id);
        }
    }
    for (int s = 0; s < profile.screens.size(); ++s) {
        const ScreenSpec &screen = profile.screens.at(s);
        for (int t = 0; t < screen.tiles.size(); ++t) {
            const TileSpec &tile = screen.tiles.at(t);
            if (tile.continues.isEmpty())
                continue;
            const QString path = QStringLiteral("screens[%1].tiles[%2].continues").arg(s).arg(t);
            int otherScreen = -1;
            const int other = profile.indexOfTile(tile.continues, &otherScreen);
            if (other < 0) {
                check.fail(path, QStringLiteral("names no tile id \"%1\"").arg(tile.continues));
            } else if (otherScreen == s) {
                check.fail(path, QStringLiteral("must name a tile on another screen"));
            } else if (profile.screens.at(otherScreen).tiles.at(other).type != tile.type) {
                check.fail(path, QStringLiteral("continues a tile of another type"));
            } else if (!screen.wallCell || !profile.screens.at(otherScreen).wallCell) {
                check.fail(path, QStringLiteral("both screens need a \"wall\" position to span"));
            }
        }
    }
}

} // namespace

QString WallProfileReader::Error::toString() const
{
    return QStringLiteral("%1: %2 %3").arg(fileName, field.isEmpty() ? QStringLiteral("profile") : field, message);
}

WallProfileReader::Result WallProfileReader::read(const QByteArray &json, const QString &fileName)
{
    Checker check(fileName);
    const auto document = parsing::readTopLevelObject(json);
    if (const auto *problem = std::get_if<QString>(&document)) {
        check.fail({}, *problem);
        return check.error();
    }
    const QJsonObject &root = std::get<QJsonObject>(document);
    checkKnownKeys(check, root, {}, {"name", "version", "rotation", "screens"});

    WallProfile profile;
    profile.fileName = fileName;
    profile.name = check.string(root, {}, "name", true);
    check.integer(root, {}, "version", 1, 1, 1, true);
    const QJsonValue rotation = root.value(QLatin1String("rotation"));
    if (rotation.isObject()) {
        profile.rotationSeconds =
            check.integer(rotation.toObject(), QStringLiteral("rotation"), "interval_seconds", 30, 5, 3600);
    } else if (!rotation.isUndefined()) {
        check.fail(QStringLiteral("rotation"), QStringLiteral("expected {\"interval_seconds\": N}"));
    }

    const QJsonValue screens = root.value(QLatin1String("screens"));
    if (!screens.isArray() || screens.toArray().isEmpty()) {
        check.fail(QStringLiteral("screens"), QStringLiteral("expected a non-empty list of screens"));
        return check.error();
    }
    const QJsonArray screenArray = screens.toArray();
    if (screenArray.size() > kMaxScreens)
        check.fail(QStringLiteral("screens"), QStringLiteral("at most %1 screens").arg(kMaxScreens));
    for (qsizetype i = 0; i < screenArray.size() && !check.failed(); ++i) {
        const QString path = QStringLiteral("screens[%1]").arg(i);
        if (!screenArray.at(i).isObject()) {
            check.fail(path, QStringLiteral("expected an object"));
            break;
        }
        profile.screens.append(readScreen(check, screenArray.at(i).toObject(), path));
    }
    if (!check.failed())
        checkSpanningTiles(check, profile);
    if (check.failed())
        return check.error();
    return profile;
}

WallProfileReader::Result WallProfileReader::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{path, {}, QStringLiteral("cannot be read: %1").arg(file.errorString())};
    constexpr qint64 kMaxProfileBytes = 4 * 1024 * 1024;
    // Read to the limit rather than trust size(): a pipe or a device has none and no end.
    const QByteArray json = file.read(kMaxProfileBytes + 1);
    if (json.size() > kMaxProfileBytes)
        return Error{path, {}, QStringLiteral("is larger than 4 MB; not a wall profile")};
    return read(json, path);
}

QString WallProfileReader::defaultProfilePath()
{
    return QStringLiteral(":/walls/tlr-wall.json");
}

} // namespace tlr
