#include "BaseMapLabelLayer.h"

#include "LabelPlacer.h"
#include "LabelSprites.h"
#include "MapStyle.h"

#include <QPainter>

namespace tlr {

namespace {

using Kind = BaseMapFeature::Kind;
using Landmark = BaseMapFeature::Landmark;

QPointF canvasPoint(const Viewport &v, QPointF lonLat)
{
    return v.toCanvas(QGeoCoordinate(lonLat.y(), lonLat.x()));
}

struct LabelFonts
{
    QFont area = MapStyle::font(MapStyle::kAreaLabelPixels, QFont::DemiBold);
    QFont small = MapStyle::font(MapStyle::kLabelPixels);
    QFont river = [] {
        QFont font = MapStyle::font(MapStyle::kLabelPixels, QFont::DemiBold);
        font.setItalic(true);
        return font;
    }();
};

// How a feature's name is written at any zoom; nullopt for a feature never named on the map.
std::optional<LabelSprites::Look> lookOf(const BaseMapFeature &f, const LabelFonts &fonts)
{
    switch (f.kind) {
    case Kind::Kecamatan:
        return LabelSprites::Look{f.name, fonts.area, MapStyle::text()};
    case Kind::Landmark:
    case Kind::TollRoad:
    case Kind::Road:
        return LabelSprites::Look{f.name, fonts.small, MapStyle::textMuted()};
    case Kind::River:
        return LabelSprites::Look{QStringLiteral("Cisadane"), fonts.river, QColor(0x8c, 0xc8, 0xf0)};
    case Kind::City:
    case Kind::Airport:
    case Kind::Runway:
    case Kind::Unknown:
        break;
    }
    return std::nullopt;
}

} // namespace

BaseMapLabelLayer::BaseMapLabelLayer(std::shared_ptr<const BaseMap> map, QObject *parent)
    : MapLayer(QStringLiteral("labels"), Stage::Labels, 0, parent)
    , m_map(std::move(map))
{
    if (!m_map)
        return;
    const LabelFonts fonts;
    QList<LabelSprites::Look> looks;
    for (const auto &f : m_map->features) {
        if (auto look = lookOf(f, fonts))
            looks.append(std::move(*look));
    }
    m_labelsDrawn = LabelSprites::shared().prepare(std::move(looks));
}

BaseMapLabelLayer::~BaseMapLabelLayer()
{
    m_labelsDrawn.cancel();
    m_labelsDrawn.waitForFinished();
}

void BaseMapLabelLayer::render(QPainter &painter, const Viewport &viewport)
{
    LabelPlacer::draw(painter, placedLabels(viewport), viewport.pane().topLeft());
}

std::vector<LabelPlacer::Placed> BaseMapLabelLayer::placedLabels(const Viewport &viewport) const
{
    if (!m_map)
        return {};
    const double zoom = viewport.zoom();
    const QRectF canvas(QPointF(0, 0), QSizeF(viewport.canvasSize()));
    LabelPlacer placer;
    for (const int seam : viewport.seams())
        placer.block(QRectF(seam - 6, 0, 12, canvas.height()));
    for (const int seam : viewport.rowSeams())
        placer.block(QRectF(0, seam - 6, canvas.width(), 12));
    for (const QRectF &box : m_symbolBoxes)
        placer.block(box);
    const LabelFonts fonts;
    for (const auto &f : m_map->features) {
        const auto look = lookOf(f, fonts);
        if (!look)
            continue;
        switch (f.kind) {
        case Kind::Kecamatan:
            placer.add({look->text, canvasPoint(viewport, f.labelAt), 100, look->font, look->colour,
                        LabelPlacer::Anchor::Centre, 0});
            break;
        case Kind::Landmark: {
            int priority = 50;
            switch (f.landmark) {
            case Landmark::CityHall:
                priority = 95;
                break;
            case Landmark::Airport:
                priority = 90;
                break;
            case Landmark::Sluice:
                priority = 85;
                break;
            case Landmark::Hospital:
                priority = zoom >= 13.5 ? 40 : -1;
                break;
            case Landmark::Unknown:
                break;
            }
            if (priority >= 0) {
                placer.add({look->text, canvasPoint(viewport, f.labelAt), priority, look->font,
                            look->colour, LabelPlacer::Anchor::Right, 12});
            }
            break;
        }
        case Kind::River: {
            // On the stretch nearest the middle of the canvas, beside the water.
            const QPointF middle = canvas.center();
            QPointF best;
            double bestDistance = 1e18;
            for (const auto &part : f.parts) {
                for (const QPointF &p : part) {
                    const QPointF c = canvasPoint(viewport, p);
                    const double d = QLineF(c, middle).length();
                    if (d < bestDistance) {
                        bestDistance = d;
                        best = c;
                    }
                }
            }
            placer.add({look->text, best, 70, look->font, look->colour, LabelPlacer::Anchor::Right, 14});
            break;
        }
        case Kind::TollRoad:
        case Kind::Road: {
            if (zoom < (f.kind == Kind::TollRoad ? 13.5 : 14.5) || f.parts.isEmpty())
                break;
            const auto &line = f.parts.front();
            placer.add({look->text, canvasPoint(viewport, line[line.size() / 2]),
                        f.kind == Kind::TollRoad ? 30 : 20, look->font, look->colour,
                        LabelPlacer::Anchor::Centre, 0});
            break;
        }
        case Kind::City:
        case Kind::Airport:
        case Kind::Runway:
        case Kind::Unknown:
            break;
        }
    }
    return placer.place(canvas);
}

std::optional<MapFeatureHit> BaseMapLabelLayer::hitTest(QPointF panePoint,
                                                        const Viewport &viewport) const
{
    if (!m_map)
        return std::nullopt;
    // Landmarks: within their symbol.
    for (const auto &f : m_map->features) {
        if (f.kind != Kind::Landmark)
            continue;
        const QPointF at = viewport.toPane(QGeoCoordinate(f.labelAt.y(), f.labelAt.x()));
        if (QLineF(at, panePoint).length() <= 14)
            return MapFeatureHit{f.name, name(), f.name, std::nullopt};
    }
    return std::nullopt;
}

} // namespace tlr
