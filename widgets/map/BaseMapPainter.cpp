#include "BaseMapPainter.h"

#include "MapStyle.h"

#include <QPainter>
#include <QPainterPath>

namespace tlr::BaseMapPainter {

namespace {

using Kind = BaseMapFeature::Kind;

// Symbols and wide lines reach into neighbouring tiles: features this many pixels outside a
// tile are drawn too, so nothing is cut at a tile edge.
constexpr double kMargin = 40;

QPainterPath pathOf(const BaseMapFeature &f, const QPointF &origin, double zoom, bool closed)
{
    QPainterPath path;
    for (const auto &part : f.parts) {
        for (qsizetype i = 0; i < part.size(); ++i) {
            const QPointF p =
                TileMath::worldPixel(QGeoCoordinate(part[i].y(), part[i].x()), zoom) - origin;
            if (i == 0)
                path.moveTo(p);
            else
                path.lineTo(p);
        }
        if (closed)
            path.closeSubpath();
    }
    return path;
}

void drawLandmark(QPainter &p, const BaseMapFeature &f, QPointF at, double zoom)
{
    const double s = zoom >= 14 ? 11 : 8;
    p.setPen(QPen(MapStyle::outside(), 2));
    switch (f.landmark) {
    case BaseMapFeature::Landmark::Hospital: {
        p.setBrush(QColor(0xe8, 0xec, 0xf1));
        p.drawRoundedRect(QRectF(at.x() - s, at.y() - s, 2 * s, 2 * s), 3, 3);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xd5, 0x5e, 0x00));
        p.drawRect(QRectF(at.x() - s * 0.2, at.y() - s * 0.7, s * 0.4, s * 1.4));
        p.drawRect(QRectF(at.x() - s * 0.7, at.y() - s * 0.2, s * 1.4, s * 0.4));
        break;
    }
    case BaseMapFeature::Landmark::CityHall: {
        p.setBrush(QColor(0xf0, 0xe4, 0x42));
        QPolygonF star;
        for (int i = 0; i < 10; ++i) {
            const double r = (i % 2 ? 0.45 : 1.1) * s * 1.2;
            const double a = M_PI / 2 + i * M_PI / 5;
            star << at + QPointF(r * std::cos(a), -r * std::sin(a));
        }
        p.drawPolygon(star);
        break;
    }
    case BaseMapFeature::Landmark::Sluice: {
        p.setBrush(MapStyle::accent());
        p.drawRect(QRectF(at.x() - s, at.y() - s * 0.6, 2 * s, 1.2 * s));
        p.setPen(QPen(MapStyle::outside(), 2));
        p.drawLine(at + QPointF(-s * 0.4, -s * 0.6), at + QPointF(-s * 0.4, s * 0.6));
        p.drawLine(at + QPointF(s * 0.4, -s * 0.6), at + QPointF(s * 0.4, s * 0.6));
        break;
    }
    case BaseMapFeature::Landmark::Airport: {
        p.setBrush(QColor(0xe8, 0xec, 0xf1));
        QPolygonF plane;
        plane << at + QPointF(0, -s * 1.2) << at + QPointF(s * 0.25, -s * 0.2)
              << at + QPointF(s * 1.2, s * 0.3) << at + QPointF(s * 0.25, s * 0.2)
              << at + QPointF(s * 0.2, s * 0.9) << at + QPointF(s * 0.5, s * 1.2)
              << at + QPointF(-s * 0.5, s * 1.2) << at + QPointF(-s * 0.2, s * 0.9)
              << at + QPointF(-s * 0.25, s * 0.2) << at + QPointF(-s * 1.2, s * 0.3)
              << at + QPointF(-s * 0.25, -s * 0.2);
        p.drawPolygon(plane);
        break;
    }
    case BaseMapFeature::Landmark::Unknown:
        p.setBrush(MapStyle::textMuted());
        p.drawEllipse(at, s * 0.6, s * 0.6);
        break;
    }
}

} // namespace

QImage renderTile(const BaseMap &map, const TileId &tile)
{
    QImage image(TileMath::kTileSize, TileMath::kTileSize, QImage::Format_ARGB32_Premultiplied);
    image.fill(MapStyle::outside());
    const double zoom = tile.z;
    const QPointF origin(double(tile.x) * TileMath::kTileSize,
                         double(tile.y) * TileMath::kTileSize);
    // The tile with its margin, in lon/lat, to skip features far away.
    const QGeoCoordinate nw = TileMath::fromWorldPixel(origin - QPointF(kMargin, kMargin), zoom);
    const QGeoCoordinate se = TileMath::fromWorldPixel(
        origin + QPointF(TileMath::kTileSize + kMargin, TileMath::kTileSize + kMargin), zoom);
    const QRectF box(QPointF(nw.longitude(), se.latitude()),
                     QPointF(se.longitude(), nw.latitude()));
    auto near = [&](const BaseMapFeature &f) {
        return box.intersects(f.bounds.adjusted(-1e-9, -1e-9, 1e-9, 1e-9));
    };

    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const double mpp = TileMath::metresPerPixel(-6.18, zoom);
    auto px = [&](double metres, double lo, double hi) {
        return std::clamp(metres / mpp, lo, hi);
    };

    // Land first, then lines on it, then symbols on top.
    for (const auto &f : map.features) {
        if (!near(f))
            continue;
        if (f.kind == Kind::Kecamatan) {
            p.setPen(QPen(MapStyle::border(), px(25, 1.5, 4)));
            p.setBrush(MapStyle::land());
            p.drawPath(pathOf(f, origin, zoom, true));
        } else if (f.kind == Kind::Airport) {
            p.setPen(Qt::NoPen);
            p.setBrush(MapStyle::airport());
            p.drawPath(pathOf(f, origin, zoom, true));
        }
    }
    for (const auto &f : map.features) {
        if (f.kind == Kind::City && near(f)) {
            p.setPen(QPen(MapStyle::cityBorder(), px(60, 3, 8), Qt::SolidLine, Qt::RoundCap,
                          Qt::RoundJoin));
            p.setBrush(Qt::NoBrush);
            p.drawPath(pathOf(f, origin, zoom, true));
        }
    }
    const auto line = [&](Kind kind, const QColor &colour, double width) {
        for (const auto &f : map.features) {
            if (f.kind != kind || !near(f))
                continue;
            p.setPen(QPen(colour, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            p.setBrush(Qt::NoBrush);
            p.drawPath(pathOf(f, origin, zoom, false));
        }
    };
    line(Kind::Runway, MapStyle::runway(), px(60, 2, 14));
    line(Kind::Road, MapStyle::road(), px(30, 2.5, 12));
    line(Kind::TollRoad, MapStyle::outside(), px(60, 5.5, 22));
    line(Kind::TollRoad, MapStyle::tollRoad(), px(45, 3.5, 18));
    line(Kind::River, MapStyle::water(), px(90, 3.5, 40));
    for (const auto &f : map.features) {
        if (f.kind != Kind::Landmark || !near(f) || f.parts.isEmpty())
            continue;
        const QPointF at =
            TileMath::worldPixel(QGeoCoordinate(f.labelAt.y(), f.labelAt.x()), zoom) - origin;
        drawLandmark(p, f, at, zoom);
    }
    return image;
}

} // namespace tlr::BaseMapPainter
