#pragma once

#include "Tile.h"
#include "TileContext.h"

#include <QSet>

#include <optional>
#include <variant>

namespace tlr {

class MapWidget;
class MapViewGroup;

// The live city map on the wall. Parameters (docs/wall-profiles.md): `center` [lat, lon],
// `zoom` 10–19, `layers` (the live layers shown), `basemap` (builtin | mbtiles:FILE |
// xyz:URL-TEMPLATE; the --basemap option overrides it). A tile that `continues` another shares
// its view: the two panes show one map across their monitors.
class MapTile : public Tile
{
    Q_OBJECT
public:
    MapTile(const TileSpec &spec, const TileContext &context, QWidget *parent = nullptr);

    MapWidget *map() const { return m_map; }

    struct ParamError
    {
        QString field;
        QString message;
    };
    // Checks the parameters without building anything (TileFactory::check).
    static std::optional<ParamError> checkParams(const TileSpec &spec);

signals:
    void featureSelected(const QString &entityId);

protected:
    void retranslate() override;

private:
    MapViewGroup *m_group = nullptr;
    MapWidget *m_map = nullptr;
    QSet<quint64> m_focusedAlerts; // critical alerts the map has been brought to already
};

} // namespace tlr
