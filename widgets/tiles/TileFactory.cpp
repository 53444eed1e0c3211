#include "TileFactory.h"

#include "ClockTile.h"
#include "FeedHealthTile.h"
#include "ImageTile.h"
#include "MapTile.h"
#include "NoticeTile.h"
#include "PendingTile.h"
#include "alerts/AlertPanelTile.h"
#include "charts/ChartTile.h"
#include "charts/KpiTile.h"
#include "charts/SeriesCatalog.h"
#include "kpi/KpiKind.h"

#include <QDir>
#include <QImageReader>

namespace tlr {

namespace {

QString resolveSource(const QString &source, const QString &profileDirectory)
{
    return source.startsWith(u':') ? source : QDir(profileDirectory).absoluteFilePath(source);
}

} // namespace

std::optional<TileFactory::Error> TileFactory::check(const TileSpec &spec) const
{
    if (spec.type == u"chart") {
        const QString series = spec.params.value(QLatin1String("series")).toString();
        if (!SeriesCatalog::builtIn().find(series)) {
            return Error{QStringLiteral("params.series"),
                         QStringLiteral("\"%1\" is not a series of %2; known: %3")
                             .arg(series, SeriesCatalog::defaultPath(),
                                  SeriesCatalog::builtIn().keys().join(QStringLiteral(", ")))};
        }
        const QString window = spec.params.value(QLatin1String("window")).toString(
            QStringLiteral("24h"));
        if (!chartWindowFromKey(window))
            return Error{QStringLiteral("params.window"),
                         QStringLiteral("\"%1\" is not 1h, 6h, 24h or 7d").arg(window)};
    }
    if (spec.type == u"kpi") {
        const QString kpi = spec.params.value(QLatin1String("kpi")).toString();
        if (!kpiKindFromKey(kpi))
            return Error{QStringLiteral("params.kpi"), QStringLiteral("\"%1\" is not a KPI").arg(kpi)};
    }
    if (spec.type == u"notice"
        && NoticeTile::text(spec.params.value(QLatin1String("text")), QStringLiteral("id")).trimmed().isEmpty()) {
        return Error{QStringLiteral("params.text"), QStringLiteral("a notice needs a non-empty text, or {\"id\": …, \"en\": …}")};
    }
    if (spec.type == u"alerts") {
        if (const auto error = AlertPanelTile::checkParams(spec))
            return Error{error->field, error->message};
    }
    if (spec.type == u"map") {
        if (const auto error = MapTile::checkParams(spec))
            return Error{error->field, error->message};
    }
    if (spec.type == u"image") {
        const QString source = spec.params.value(QLatin1String("source")).toString();
        if (source.isEmpty())
            return Error{QStringLiteral("params.source"), QStringLiteral("an image needs a source file")};
        const QString path = resolveSource(source, m_context.profileDirectory);
        QImageReader reader(path);
        if (!reader.canRead()) {
            return Error{QStringLiteral("params.source"),
                         QStringLiteral("\"%1\" is not a readable image: %2").arg(path, reader.errorString())};
        }
    }
    return std::nullopt;
}

TileFactory::Result TileFactory::create(const TileSpec &spec, QWidget *parent) const
{
    if (spec.type == u"clock")
        return new ClockTile(spec, m_context.clock, parent);
    if (spec.type == u"feed-health")
        return new FeedHealthTile(spec, m_context.feedHealth,
                                  m_context.liveClock ? m_context.liveClock : m_context.clock,
                                  parent);
    if (spec.type == u"notice")
        return new NoticeTile(spec, parent);
    if (spec.type == u"map")
        return new MapTile(spec, m_context, parent);
    if (spec.type == u"alerts" && m_context.alerts && m_context.alertTable)
        return new AlertPanelTile(spec, m_context, parent);
    if (spec.type == u"image") {
        QImageReader reader(resolveSource(spec.params.value(QLatin1String("source")).toString(),
                                          m_context.profileDirectory));
        QImage image = reader.read();
        if (image.isNull())
            return Error{QStringLiteral("params.source"), reader.errorString()};
        return new ImageTile(spec, std::move(image), parent);
    }
    if (spec.type == u"chart" && !check(spec)) {
        const SeriesSpec *series =
            SeriesCatalog::builtIn().find(spec.params.value(QLatin1String("series")).toString());
        const auto window = chartWindowFromKey(
            spec.params.value(QLatin1String("window")).toString(QStringLiteral("24h")));
        return new ChartTile(spec, *series, *window, m_context, parent);
    }
    if (spec.type == u"kpi" && !check(spec)) {
        const auto kind = kpiKindFromKey(spec.params.value(QLatin1String("kpi")).toString());
        return new KpiTile(spec, *kind, m_context, parent);
    }
    return new PendingTile(spec, parent);
}

} // namespace tlr
