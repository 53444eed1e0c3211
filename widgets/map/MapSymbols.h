#pragma once

#include "LiveMapData.h"

#include <QPointF>
#include <QRectF>

class QPainter;

namespace tlr {

// The live layers' symbols. Kinds differ by shape, states and severities by colour and shape,
// so nothing depends on colour alone.
namespace MapSymbols {

constexpr double kPointRadius = 9;
constexpr double kAlertMarkerRadius = 16;

// The box each symbol covers around its point, outline included: what labels keep clear of.
QRectF pointBox(QPointF at);
QRectF clusterBox(QPointF at, int count);
QRectF alertMarkerBox(QPointF at);
QRectF ambulanceBox(QPointF at);

void drawSensor(QPainter &p, QPointF at, FeedKind kind, LiveMapData::Point::State state);
void drawReport(QPainter &p, QPointF at, bool emergency);
void drawCluster(QPainter &p, QPointF at, int count, const QColor &colour);
double clusterRadius(int count);
void drawAlertMarker(QPainter &p, QPointF at, Severity severity);
void drawAmbulance(QPainter &p, QPointF at);

// The same symbols pre-drawn once into cached images (GUI thread only): blitting a sprite is
// many times cheaper than stroking a path, which is what keeps 100,000 points under a frame.
// The cache holds kSpriteBudgetBytes: a few hundred cluster bubbles, more than two maps show.
constexpr qsizetype kSpriteBudgetBytes = 4 * 1024 * 1024;
void blitSensor(QPainter &p, QPointF at, FeedKind kind, LiveMapData::Point::State state);
void blitReport(QPainter &p, QPointF at, bool emergency);
void blitCluster(QPainter &p, QPointF at, int count, const QColor &colour);
qsizetype cachedSpriteBytes();

} // namespace MapSymbols
} // namespace tlr
