#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPoint>
#include <QRect>
#include <QSize>
#include <QString>

#include <optional>

namespace tlr {


// One tile of a screen's grid: what it shows (type + parameters) and where (cell + span).
struct TileSpec
{
    QString type; // clock, feed-health, notice, image, map, chart, alerts, kpi…
    QString id;   // optional; names a tile that another screen's tile continues
    QString continues; // id of a tile on another screen this one continues (a spanning map)
    QString title; // in the profile's first language; titles has every language given
    QHash<QString, QString> titles;
    int row = 0;
    int column = 0;
    int rowSpan = 1;
    int columnSpan = 1;
    QJsonObject params;

    QRect cells() const { return QRect(column, row, columnSpan, rowSpan); }
    QString titleIn(const QString &language) const { return titles.value(language, title); }
};

// One screen of the wall: a grid of tiles. Screens are numbered in profile order; that number is
// what --screenshot writes as screen-N.png.
struct ScreenSpec
{
    // A grid of tiles, or the executive briefing (qml/) filling the screen below its header.
    enum class Kind { Grid, Briefing };

    Kind kind = Kind::Grid;
    QString name; // in the profile's first language; names has every language given
    QHash<QString, QString> names;
    QString output; // preferred QScreen name ("wall-3", "HDMI-1"); empty = by position
    std::optional<QPoint> wallCell; // column/row in the physical wall; none for a desk screen
    QSize size{1920, 1080};         // the size pages render at when no monitor shows them
    int rows = 1;     // a briefing screen has no grid and no tiles
    int columns = 1;
    QList<TileSpec> tiles;

    QString nameIn(const QString &language) const { return names.value(language, name); }
};

struct WallProfile
{
    QString name;
    QString fileName; // where it was read from, for messages
    int rotationSeconds = 30; // a window hosting several screens rotates through them (kiosk)
    QList<ScreenSpec> screens;

    int indexOfTile(const QString &tileId, int *screenIndex = nullptr) const;
};

} // namespace tlr
