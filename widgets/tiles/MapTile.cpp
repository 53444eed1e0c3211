#include "MapTile.h"

#include "alerts/AlertEngine.h"
#include "map/MapRenderer.h"
#include "map/MapViewGroup.h"
#include "map/MapWidget.h"
#include "map/TileSourceSpec.h"
#include "wall/WallPage.h"

#include <QJsonArray>
#include <QVBoxLayout>

namespace tlr {

namespace {

constexpr double kAlertFocusZoom = 14; // streets and kecamatan names readable

std::optional<QGeoCoordinate> centerParam(const QJsonValue &value)
{
    const QJsonArray a = value.toArray();
    if (a.size() != 2 || !a[0].isDouble() || !a[1].isDouble())
        return std::nullopt;
    const QGeoCoordinate c(a[0].toDouble(), a[1].toDouble());
    if (!c.isValid())
        return std::nullopt;
    return c;
}

} // namespace

std::optional<MapTile::ParamError> MapTile::checkParams(const TileSpec &spec)
{
    const QJsonObject &p = spec.params;
    if (p.contains(QLatin1String("center")) && !centerParam(p.value(QLatin1String("center"))))
        return ParamError{QStringLiteral("params.center"),
                          QStringLiteral("expected [latitude, longitude] in degrees")};
    if (p.contains(QLatin1String("zoom"))) {
        const QJsonValue z = p.value(QLatin1String("zoom"));
        if (!z.isDouble() || z.toDouble() < Viewport::kMinZoom ||
            z.toDouble() > Viewport::kMaxZoom)
            return ParamError{QStringLiteral("params.zoom"),
                              QStringLiteral("expected a number from 10 to 19")};
    }
    if (p.contains(QLatin1String("basemap"))) {
        const auto parsed = TileSourceSpec::parse(p.value(QLatin1String("basemap")).toString());
        if (const auto *error = std::get_if<TileSourceSpec::Error>(&parsed))
            return ParamError{QStringLiteral("params.basemap"), error->message};
    }
    if (p.contains(QLatin1String("layers")) && !p.value(QLatin1String("layers")).isArray())
        return ParamError{QStringLiteral("params.layers"),
                          QStringLiteral("expected a list of layer names")};
    return std::nullopt;
}

MapTile::MapTile(const TileSpec &spec, const TileContext &context, QWidget *parent)
    : Tile(spec, parent)
{
    const QString groupId = !spec.continues.isEmpty() ? spec.continues : spec.id;
    m_group = groupId.isEmpty() ? new MapViewGroup(this) : MapViewGroup::shared(groupId);

    if (spec.continues.isEmpty()) {
        const QJsonObject &p = spec.params;
        const QGeoCoordinate center = centerParam(p.value(QLatin1String("center")))
                                          .value_or(QGeoCoordinate(-6.1783, 106.6319));
        const double zoom = p.value(QLatin1String("zoom")).toDouble(13);
        m_group->setView(center, zoom);
        // The command line wins over the profile: an operator's explicit choice.
        const QString basemap = !context.basemap.isEmpty()
                                    ? context.basemap
                                    : p.value(QLatin1String("basemap")).toString();
        const auto parsed = TileSourceSpec::parse(basemap, context.profileDirectory);
        if (const auto *s = std::get_if<TileSourceSpec>(&parsed))
            m_group->setBaseMap(*s);
        QStringList layers;
        for (const auto &name : p.value(QLatin1String("layers")).toArray())
            layers.append(name.toString());
        m_group->setEnabledLayers(layers);
    }
    m_group->liveData()->setSituation(context.situation);
    if (context.alertTable)
        m_group->liveData()->setAlertTable(context.alertTable);
    if (context.alerts && spec.continues.isEmpty()) {
        // An alert with a place that becomes critical (raised so, or graver since) brings the
        // map to it, once: the room looks where the supervisor must act. Panes continuing this
        // map follow through the shared group.
        const AlertEngine *engine = context.alerts;
        connect(engine, &AlertEngine::alertsUpdated, this, [this, engine](const AlertChanges &changes) {
            for (const auto *ids : {&changes.inserted, &changes.changed}) {
                for (quint64 id : *ids) {
                    const AlertRecord *alert = engine->alert(id);
                    if (alert && alert->isUnacknowledgedCritical() && alert->location.isValid()
                        && !m_focusedAlerts.contains(id)) {
                        m_focusedAlerts.insert(id);
                        m_group->setView(alert->location, std::max(m_group->zoom(), kAlertFocusZoom));
                    }
                }
            }
        });
    }

    m_map = new MapWidget(m_group, this);
    m_map->setHome(m_group->center(), m_group->zoom());
    if (!groupId.isEmpty()) {
        if (auto *page = qobject_cast<WallPage *>(parent); page && page->spec().wallCell)
            m_map->setWallCell(page->spec().wallCell);
        else
            m_map->setWallCell(QPoint(0, 0));
    }
    contentLayout()->addWidget(m_map, 1);
    connect(m_map, &MapWidget::featureSelected, this, &MapTile::featureSelected);
    retranslate();
}

void MapTile::retranslate()
{
    if (spec().title.isEmpty())
        setDefaultTitle(spec().continues.isEmpty() ? tr("City map") : QString());
}

} // namespace tlr
