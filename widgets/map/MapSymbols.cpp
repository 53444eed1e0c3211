#include "MapSymbols.h"

#include "MapStyle.h"

#include <QCache>
#include <QPainter>
#include <QPainterPath>

#include <functional>

namespace tlr::MapSymbols {

void drawSensor(QPainter &p, QPointF at, FeedKind kind, LiveMapData::Point::State state)
{
    const double r = kPointRadius;
    QColor fill = MapStyle::good();
    if (state == LiveMapData::Point::State::Warning)
        fill = MapStyle::warning();
    const bool fault = state == LiveMapData::Point::State::Fault;
    p.setPen(QPen(fault ? MapStyle::textMuted() : MapStyle::outside(), 2));
    p.setBrush(fault ? QBrush(MapStyle::outside()) : QBrush(fill));
    switch (kind) {
    case FeedKind::Traffic:
        p.drawRect(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r));
        break;
    case FeedKind::Environment: {
        QPolygonF d;
        d << at + QPointF(0, -r * 1.25) << at + QPointF(r * 1.25, 0) << at + QPointF(0, r * 1.25)
          << at + QPointF(-r * 1.25, 0);
        p.drawPolygon(d);
        break;
    }
    case FeedKind::Water: {
        QPolygonF t;
        t << at + QPointF(-r, -r) << at + QPointF(r, -r) << at + QPointF(0, r * 1.2);
        p.drawPolygon(t);
        break;
    }
    case FeedKind::Health: {
        QPainterPath plus;
        plus.addRect(QRectF(at.x() - r * 0.4, at.y() - r, r * 0.8, 2 * r));
        plus.addRect(QRectF(at.x() - r, at.y() - r * 0.4, 2 * r, r * 0.8));
        p.drawPath(plus.simplified());
        break;
    }
    case FeedKind::Emergency:
    case FeedKind::Unknown:
        p.drawEllipse(at, r, r);
        break;
    }
    if (fault) { // a cross over the hollow symbol: out of service
        p.setPen(QPen(MapStyle::textMuted(), 2));
        p.drawLine(at + QPointF(-r * 0.6, -r * 0.6), at + QPointF(r * 0.6, r * 0.6));
        p.drawLine(at + QPointF(-r * 0.6, r * 0.6), at + QPointF(r * 0.6, -r * 0.6));
    }
}

void drawReport(QPainter &p, QPointF at, bool emergency)
{
    const double r = kPointRadius;
    QPolygonF t;
    t << at + QPointF(0, -r * 1.3) << at + QPointF(r * 1.2, r * 0.9)
      << at + QPointF(-r * 1.2, r * 0.9);
    p.setPen(QPen(MapStyle::outside(), 2));
    p.setBrush(emergency ? MapStyle::bad() : QColor(0xe6, 0x9f, 0x00));
    p.drawPolygon(t);
}

namespace {

QRectF around(QPointF at, double halfWidth, double halfHeight)
{
    return QRectF(at.x() - halfWidth, at.y() - halfHeight, 2 * halfWidth, 2 * halfHeight);
}

} // namespace

QRectF pointBox(QPointF at)
{
    // The report's triangle reaches 1.3 r up; the outline adds its pen.
    return around(at, kPointRadius * 1.2 + 2, kPointRadius * 1.3 + 2);
}

QRectF clusterBox(QPointF at, int count)
{
    const double r = clusterRadius(count) + 2;
    return around(at, r, r);
}

QRectF alertMarkerBox(QPointF at)
{
    const double r = kAlertMarkerRadius * 1.2 + 2;
    return around(at, r, r);
}

QRectF ambulanceBox(QPointF at)
{
    return around(at, 15, 10);
}

double clusterRadius(int count)
{
    return std::clamp(14 + 5 * std::log10(double(std::max(count, 1))) * 2, 18.0, 34.0);
}

void drawCluster(QPainter &p, QPointF at, int count, const QColor &colour)
{
    const double r = clusterRadius(count);
    p.setPen(QPen(MapStyle::outside(), 3));
    p.setBrush(colour);
    p.drawEllipse(at, r, r);
    const QString text =
        count >= 10000 ? QStringLiteral("%1k").arg(count / 1000) : QString::number(count);
    p.setFont(MapStyle::font(MapStyle::kBadgePixels, QFont::Bold));
    p.setPen(MapStyle::outside());
    p.drawText(QRectF(at.x() - r * 1.5, at.y() - r, r * 3, 2 * r), Qt::AlignCenter, text);
}

void drawAlertMarker(QPainter &p, QPointF at, Severity severity)
{
    const double r = kAlertMarkerRadius;
    const QColor c = MapStyle::severityColor(severity);
    p.setPen(QPen(MapStyle::outside(), 3));
    p.setBrush(c);
    // Shape by severity, as Theme's glyphs: ✖ extreme, ▲ severe, ◆ moderate, ● minor.
    switch (severity) {
    case Severity::Extreme: {
        QPainterPath x;
        const double w = r * 0.45;
        QPolygonF arm;
        arm << QPointF(-r, -r + w) << QPointF(-r + w, -r) << QPointF(r, r - w)
            << QPointF(r - w, r);
        QTransform t;
        t.translate(at.x(), at.y());
        x.addPolygon(t.map(arm));
        QTransform t2 = t;
        t2.rotate(90);
        x.addPolygon(t2.map(arm));
        p.drawPath(x.simplified());
        break;
    }
    case Severity::Severe: {
        QPolygonF t;
        t << at + QPointF(0, -r * 1.2) << at + QPointF(r * 1.2, r) << at + QPointF(-r * 1.2, r);
        p.drawPolygon(t);
        break;
    }
    case Severity::Moderate: {
        QPolygonF d;
        d << at + QPointF(0, -r * 1.2) << at + QPointF(r * 1.2, 0) << at + QPointF(0, r * 1.2)
          << at + QPointF(-r * 1.2, 0);
        p.drawPolygon(d);
        break;
    }
    case Severity::Minor:
    case Severity::Unknown:
        p.drawEllipse(at, r, r);
        break;
    }
}

void drawAmbulance(QPainter &p, QPointF at)
{
    const QRectF body(at.x() - 14, at.y() - 9, 28, 18);
    p.setPen(QPen(MapStyle::outside(), 2));
    p.setBrush(QColor(0xf2, 0xf5, 0xf8));
    p.drawRoundedRect(body, 4, 4);
    p.setPen(Qt::NoPen);
    p.setBrush(MapStyle::bad());
    p.drawRect(QRectF(at.x() - 2.5, at.y() - 7, 5, 14));
    p.drawRect(QRectF(at.x() - 7, at.y() - 2.5, 14, 5));
}

namespace {

// Sprites by key, drawn centred in a square of `size` pixels; the least recently used leave past
// a budget. Cluster counts make new sprites all through a storm, and a bubble for 900 is larger
// than one for 9: a count of sprites bounded nothing (4,096 of them held up to 60 MB).
QCache<quint64, QImage> &spriteCache()
{
    static QCache<quint64, QImage> sprites(kSpriteBudgetBytes);
    return sprites;
}

QImage sprite(quint64 key, int size, const std::function<void(QPainter &, QPointF)> &draw)
{
    QCache<quint64, QImage> &sprites = spriteCache();
    if (const QImage *cached = sprites.object(key))
        return *cached;
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    draw(p, QPointF(size / 2.0, size / 2.0));
    p.end();
    sprites.insert(key, new QImage(image), qsizetype(image.sizeInBytes()));
    return image;
}

void blit(QPainter &p, QPointF at, const QImage &image)
{
    p.drawImage(QPointF(std::round(at.x() - image.width() / 2.0),
                        std::round(at.y() - image.height() / 2.0)),
                image);
}

} // namespace

qsizetype cachedSpriteBytes()
{
    return spriteCache().totalCost();
}

void blitSensor(QPainter &p, QPointF at, FeedKind kind, LiveMapData::Point::State state)
{
    const quint64 key = (1ull << 60) | (quint64(kind) << 8) | quint64(state);
    blit(p, at, sprite(key, 32, [=](QPainter &q, QPointF c) { drawSensor(q, c, kind, state); }));
}

void blitReport(QPainter &p, QPointF at, bool emergency)
{
    const quint64 key = (2ull << 60) | quint64(emergency);
    blit(p, at, sprite(key, 32, [=](QPainter &q, QPointF c) { drawReport(q, c, emergency); }));
}

void blitCluster(QPainter &p, QPointF at, int count, const QColor &colour)
{
    const quint64 key = (3ull << 60) | (quint64(colour.rgb() & 0xffffff) << 24) |
                        quint64(std::min(count, 0xffffff));
    const int size = int(std::ceil(clusterRadius(count) * 2 + 8));
    blit(p, at,
         sprite(key, size, [=](QPainter &q, QPointF c) { drawCluster(q, c, count, colour); }));
}

} // namespace tlr::MapSymbols
