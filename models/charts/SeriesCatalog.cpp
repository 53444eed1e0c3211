#include "SeriesCatalog.h"

#include "domain/EnumTable.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcCharts, "tlr.charts")

namespace tlr {

namespace {

constexpr EnumEntry<BandTone> kTones[] = {
    {u"bad", BandTone::Bad},   {u"fair", BandTone::Fair},     {u"good", BandTone::Good},
    {u"poor", BandTone::Poor}, {u"severe", BandTone::Severe},
};
static_assert(isSortedTable(kTones));

constexpr EnumEntry<SeriesSource> kSources[] = {
    {u"observations", SeriesSource::Observations},
    {u"reports", SeriesSource::Reports},
};
static_assert(isSortedTable(kSources));

constexpr qint64 kMaxCatalogBytes = 4 * 1024 * 1024;
constexpr int kMaxLines = 16; // more lines than a tile can tell apart

using Kind = ParseProblem::Kind;

// Reads one series object, collecting problems; any error leaves the series out.
class SeriesReader
{
public:
    SeriesReader(const QString &key, const QJsonObject &object, QList<ParseProblem> &problems)
        : m_path(QStringLiteral("series.") + key)
        , m_object(object)
        , m_problems(problems)
    {
        m_spec.key = key;
    }

    std::optional<SeriesSpec> read();

private:
    void error(Kind kind, const QString &field, const QString &message)
    {
        m_problems.append({ParseProblem::Level::Error, kind, m_path + u'.' + field, message});
        m_failed = true;
    }
    void warning(const QString &field, const QString &message)
    {
        m_problems.append({ParseProblem::Level::Warning, Kind::Unsupported,
                           m_path + u'.' + field, message});
    }
    QString text(const QJsonObject &o, const QString &field, const QString &path, bool required);
    std::optional<double> number(const QJsonObject &o, const QString &field, const QString &path);
    void readBands();
    void readLines();

    QString m_path;
    QJsonObject m_object;
    QList<ParseProblem> &m_problems;
    SeriesSpec m_spec;
    bool m_failed = false;
};

QString SeriesReader::text(const QJsonObject &o, const QString &field, const QString &path,
                           bool required)
{
    const QJsonValue v = o.value(field);
    if (v.isUndefined()) {
        if (required)
            error(Kind::MissingField, path, QStringLiteral("required"));
        return {};
    }
    if (!v.isString()) {
        error(Kind::WrongType, path, QStringLiteral("expected a string"));
        return {};
    }
    const QString s = v.toString().trimmed();
    if (required && s.isEmpty())
        error(Kind::MissingField, path, QStringLiteral("must not be empty"));
    return s;
}

std::optional<double> SeriesReader::number(const QJsonObject &o, const QString &field,
                                           const QString &path)
{
    const QJsonValue v = o.value(field);
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isDouble() || !std::isfinite(v.toDouble())) {
        error(Kind::WrongType, path, QStringLiteral("expected a finite number"));
        return std::nullopt;
    }
    return v.toDouble();
}

std::optional<SeriesSpec> SeriesReader::read()
{
    static const QStringList known{
        QStringLiteral("name"),      QStringLiteral("source"),      QStringLiteral("feed"),
        QStringLiteral("entityType"), QStringLiteral("idPrefix"),   QStringLiteral("quantity"),
        QStringLiteral("denominator"), QStringLiteral("scale"),     QStringLiteral("unit"),
        QStringLiteral("decimals"),  QStringLiteral("minimum"),     QStringLiteral("maximum"),
        QStringLiteral("staleAfterSeconds"), QStringLiteral("bands"), QStringLiteral("lines")};
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (!known.contains(it.key()) && !it.key().startsWith(u'_'))
            warning(it.key(), QStringLiteral("unknown field, ignored"));
    }

    m_spec.name = text(m_object, QStringLiteral("name"), QStringLiteral("name"), true);
    const QString source = text(m_object, QStringLiteral("source"), QStringLiteral("source"),
                                false);
    if (source.isEmpty()) {
        m_spec.source = SeriesSource::Observations;
    } else if (const auto parsed = enumFromKey(kSources, source)) {
        m_spec.source = *parsed;
    } else {
        error(Kind::Unsupported, QStringLiteral("source"),
              QStringLiteral("\"%1\" is not observations or reports").arg(source.left(40)));
    }
    m_spec.feed = text(m_object, QStringLiteral("feed"), QStringLiteral("feed"), true);
    m_spec.entityType = text(m_object, QStringLiteral("entityType"), QStringLiteral("entityType"),
                             false);
    m_spec.quantity = text(m_object, QStringLiteral("quantity"), QStringLiteral("quantity"), false);
    m_spec.denominator = text(m_object, QStringLiteral("denominator"),
                              QStringLiteral("denominator"), false);
    m_spec.unit = text(m_object, QStringLiteral("unit"), QStringLiteral("unit"), true);
    if (const auto scale = number(m_object, QStringLiteral("scale"), QStringLiteral("scale"))) {
        if (*scale == 0.0)
            error(Kind::OutOfRange, QStringLiteral("scale"), QStringLiteral("must not be 0"));
        m_spec.scale = *scale;
    }
    if (const auto d = number(m_object, QStringLiteral("decimals"), QStringLiteral("decimals"))) {
        if (*d < 0 || *d > 6 || *d != std::floor(*d))
            error(Kind::OutOfRange, QStringLiteral("decimals"),
                  QStringLiteral("expected a whole number from 0 to 6"));
        else
            m_spec.decimals = int(*d);
    }
    m_spec.minimum = number(m_object, QStringLiteral("minimum"), QStringLiteral("minimum"));
    m_spec.maximum = number(m_object, QStringLiteral("maximum"), QStringLiteral("maximum"));
    if (m_spec.minimum && m_spec.maximum && *m_spec.minimum >= *m_spec.maximum)
        error(Kind::OutOfRange, QStringLiteral("maximum"),
              QStringLiteral("must be greater than minimum"));
    if (const auto stale = number(m_object, QStringLiteral("staleAfterSeconds"),
                                  QStringLiteral("staleAfterSeconds"))) {
        if (*stale < 1 || *stale > 7 * 24 * 3600)
            error(Kind::OutOfRange, QStringLiteral("staleAfterSeconds"),
                  QStringLiteral("expected 1 second to 7 days"));
        else
            m_spec.staleAfterSeconds = int(*stale);
    }
    readBands();
    readLines();
    if (m_spec.source == SeriesSource::Observations) {
        for (int i = 0; i < m_spec.lines.size(); ++i) {
            if (m_spec.lineQuantity(m_spec.lines.at(i)).isEmpty())
                error(Kind::MissingField, QStringLiteral("lines[%1].quantity").arg(i),
                      QStringLiteral("no quantity for this line nor for the series"));
        }
    }
    if (m_failed)
        return std::nullopt;
    return m_spec;
}

void SeriesReader::readBands()
{
    const QJsonValue value = m_object.value(QStringLiteral("bands"));
    if (value.isUndefined())
        return;
    if (!value.isArray()) {
        error(Kind::WrongType, QStringLiteral("bands"), QStringLiteral("expected an array"));
        return;
    }
    const QJsonArray bands = value.toArray();
    for (int i = 0; i < bands.size(); ++i) {
        const QString path = QStringLiteral("bands[%1]").arg(i);
        if (!bands.at(i).isObject()) {
            error(Kind::WrongType, path, QStringLiteral("expected an object"));
            continue;
        }
        const QJsonObject o = bands.at(i).toObject();
        ThresholdBand band;
        band.label = text(o, QStringLiteral("label"), path + QStringLiteral(".label"), true);
        band.from = number(o, QStringLiteral("from"), path + QStringLiteral(".from"));
        band.to = number(o, QStringLiteral("to"), path + QStringLiteral(".to"));
        const QString tone = text(o, QStringLiteral("tone"), path + QStringLiteral(".tone"), true);
        if (const auto parsed = enumFromKey(kTones, tone))
            band.tone = *parsed;
        else if (!tone.isEmpty())
            error(Kind::Unsupported, path + QStringLiteral(".tone"),
                  QStringLiteral("\"%1\" is not good, fair, poor, bad or severe")
                      .arg(tone.left(40)));
        if (!band.from && !band.to)
            error(Kind::MissingField, path, QStringLiteral("a band needs from, to or both"));
        if (band.from && band.to && *band.from >= *band.to)
            error(Kind::OutOfRange, path + QStringLiteral(".to"),
                  QStringLiteral("must be greater than from"));
        if (!m_spec.bands.isEmpty()) {
            const ThresholdBand &previous = m_spec.bands.constLast();
            if (!previous.to || !band.from || *band.from < *previous.to)
                error(Kind::OutOfRange, path + QStringLiteral(".from"),
                      QStringLiteral("bands must be ascending and must not overlap"));
        }
        m_spec.bands.append(band);
    }
}

void SeriesReader::readLines()
{
    const QJsonValue value = m_object.value(QStringLiteral("lines"));
    if (!value.isArray() || value.toArray().isEmpty()) {
        error(value.isUndefined() ? Kind::MissingField : Kind::WrongType, QStringLiteral("lines"),
              QStringLiteral("expected a non-empty array"));
        return;
    }
    const QJsonArray lines = value.toArray();
    if (lines.size() > kMaxLines) {
        error(Kind::TooLarge, QStringLiteral("lines"),
              QStringLiteral("%1 lines: at most %2 can be told apart").arg(lines.size())
                  .arg(kMaxLines));
        return;
    }
    const QString prefix = text(m_object, QStringLiteral("idPrefix"), QStringLiteral("idPrefix"),
                                false);
    for (int i = 0; i < lines.size(); ++i) {
        const QString path = QStringLiteral("lines[%1]").arg(i);
        if (!lines.at(i).isObject()) {
            error(Kind::WrongType, path, QStringLiteral("expected an object"));
            continue;
        }
        const QJsonObject o = lines.at(i).toObject();
        SeriesLine line;
        line.label = text(o, QStringLiteral("label"), path + QStringLiteral(".label"), true);
        line.quantity = text(o, QStringLiteral("quantity"), path + QStringLiteral(".quantity"),
                             false);
        line.denominator = text(o, QStringLiteral("denominator"),
                                path + QStringLiteral(".denominator"), false);
        line.reference = number(o, QStringLiteral("reference"), path + QStringLiteral(".reference"));
        if (line.reference && *line.reference <= 0.0)
            error(Kind::OutOfRange, path + QStringLiteral(".reference"),
                  QStringLiteral("must be greater than 0"));
        if (m_spec.source == SeriesSource::Reports) {
            const QJsonObject filter = o.value(QStringLiteral("reports")).toObject();
            const QString fpath = path + QStringLiteral(".reports");
            const auto channel = [&](const QString &field) -> std::optional<Report::Channel> {
                const QString key = text(filter, field, fpath + u'.' + field, false);
                if (key.isEmpty())
                    return std::nullopt;
                const auto parsed = channelFromKey(key);
                if (!parsed)
                    error(Kind::Unsupported, fpath + u'.' + field,
                          QStringLiteral("unknown channel \"%1\"").arg(key.left(40)));
                return parsed;
            };
            line.reports.channel = channel(QStringLiteral("channel"));
            line.reports.excludeChannel = channel(QStringLiteral("excludeChannel"));
            const QJsonValue emergency = filter.value(QStringLiteral("emergency"));
            if (emergency.isBool())
                line.reports.emergency = emergency.toBool();
            else if (!emergency.isUndefined())
                error(Kind::WrongType, fpath + QStringLiteral(".emergency"),
                      QStringLiteral("expected true or false"));
        } else {
            const QJsonValue entities = o.value(QStringLiteral("entities"));
            if (!entities.isArray() || entities.toArray().isEmpty()) {
                error(entities.isUndefined() ? Kind::MissingField : Kind::WrongType,
                      path + QStringLiteral(".entities"),
                      QStringLiteral("expected a non-empty array of entity ids"));
                continue;
            }
            const QJsonArray ids = entities.toArray();
            for (int e = 0; e < ids.size(); ++e) {
                const QString id = ids.at(e).toString().trimmed();
                if (!ids.at(e).isString() || id.isEmpty()) {
                    error(Kind::WrongType, path + QStringLiteral(".entities[%1]").arg(e),
                          QStringLiteral("expected a non-empty string"));
                    continue;
                }
                line.entities.append(id.startsWith(QLatin1String("urn:")) ? id : prefix + id);
            }
        }
        m_spec.lines.append(line);
    }
}

} // namespace

QString bandToneKey(BandTone tone) { return enumKey(kTones, tone); }

std::optional<BandTone> bandToneFromKey(QStringView key) { return enumFromKey(kTones, key); }

bool SeriesCatalog::Result::hasError() const
{
    return std::any_of(problems.cbegin(), problems.cend(), [](const ParseProblem &p) {
        return p.level == ParseProblem::Level::Error;
    });
}

SeriesCatalog::Result SeriesCatalog::parse(const QByteArray &json)
{
    Result result;
    if (json.size() > kMaxCatalogBytes) {
        result.problems.append({ParseProblem::Level::Error, Kind::TooLarge, {},
                                QStringLiteral("%1 bytes: a catalog is at most %2")
                                    .arg(json.size()).arg(kMaxCatalogBytes)});
        return result;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.problems.append({ParseProblem::Level::Error, Kind::Malformed, {},
                                QStringLiteral("not JSON: %1 at offset %2")
                                    .arg(parseError.errorString()).arg(parseError.offset)});
        return result;
    }
    if (!document.isObject()) {
        result.problems.append({ParseProblem::Level::Error, Kind::WrongType, {},
                                QStringLiteral("expected an object")});
        return result;
    }
    const QJsonObject root = document.object();
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (version.toInt(-1) != 1) {
        result.problems.append({ParseProblem::Level::Error, Kind::Unsupported,
                                QStringLiteral("version"),
                                QStringLiteral("expected version 1")});
        return result;
    }
    const QJsonValue series = root.value(QStringLiteral("series"));
    if (!series.isObject()) {
        result.problems.append({ParseProblem::Level::Error,
                                series.isUndefined() ? Kind::MissingField : Kind::WrongType,
                                QStringLiteral("series"),
                                QStringLiteral("expected an object of series by key")});
        return result;
    }
    SeriesCatalog catalog;
    const QJsonObject all = series.toObject();
    for (auto it = all.constBegin(); it != all.constEnd(); ++it) {
        if (!it.value().isObject()) {
            result.problems.append({ParseProblem::Level::Error, Kind::WrongType,
                                    QStringLiteral("series.") + it.key(),
                                    QStringLiteral("expected an object")});
            continue;
        }
        SeriesReader reader(it.key(), it.value().toObject(), result.problems);
        if (auto spec = reader.read())
            catalog.m_series.append(std::move(*spec));
    }
    for (const ParseProblem &p : std::as_const(result.problems))
        qCWarning(lcCharts).noquote() << "series catalog:" << p.toString();
    result.catalog = std::move(catalog);
    return result;
}

SeriesCatalog::Result SeriesCatalog::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Result result;
        result.problems.append({ParseProblem::Level::Error, Kind::Unknown, path,
                                file.errorString()});
        return result;
    }
    return parse(file.read(kMaxCatalogBytes + 1));
}

QString SeriesCatalog::defaultPath()
{
    return QStringLiteral(":/charts/series.json");
}

const SeriesCatalog &SeriesCatalog::builtIn()
{
    static const SeriesCatalog catalog = [] {
        Result result = readFile(defaultPath());
        return result.catalog.value_or(SeriesCatalog());
    }();
    return catalog;
}

const SeriesSpec *SeriesCatalog::find(QStringView key) const
{
    for (const SeriesSpec &spec : m_series) {
        if (spec.key == key)
            return &spec;
    }
    return nullptr;
}

QStringList SeriesCatalog::keys() const
{
    QStringList keys;
    for (const SeriesSpec &spec : m_series)
        keys.append(spec.key);
    return keys;
}

} // namespace tlr
