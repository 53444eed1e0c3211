#pragma once

#include "LiveMapData.h"
#include "TileCache.h"
#include "TileSource.h"
#include "TileSourceSpec.h"
#include "Viewport.h"
#include "map/BaseMap.h"

#include <QGeoCoordinate>
#include <QObject>
#include <QPoint>
#include <QPointer>
#include <QSize>

#include <map>
#include <memory>
#include <optional>

namespace tlr {

// One map's shared state: the view (centre, zoom), its base map source and tile cache, and the
// panes that show it. A map on one monitor has one pane; a profile tile and the tiles that
// `continue` it on neighbouring monitors share a group, so they pan and zoom together, and each
// pane gets the part of one canvas that its monitor's wall position gives it.
class MapViewGroup : public QObject
{
    Q_OBJECT
public:
    explicit MapViewGroup(QObject *parent = nullptr);
    ~MapViewGroup() override;

    // The group of a profile tile id, made on first use (owned by the application object).
    static MapViewGroup *shared(const QString &id);

    QGeoCoordinate center() const { return m_center; }
    double zoom() const { return m_zoom; }
    void setView(const QGeoCoordinate &center, double zoom);

    // Panes. A pane's wall cell is its monitor's {column, row} in the wall (none for a map that
    // does not span); its offset is where the pane sits in its screen's page.
    int addPane();
    void removePane(int pane);
    void updatePane(int pane, std::optional<QPoint> wallCell, QPoint offsetInPage, QSize size);
    Viewport viewport(int pane) const;
    int paneCount() const { return int(m_panes.size()); }

    // The base map. A source that cannot be used falls back to the built-in map; the reason
    // stays readable in baseMapError() and is shown on the map.
    void setBaseMap(const TileSourceSpec &spec);
    TileSourceSpec baseMapSpec() const { return m_spec; }
    QString baseMapError() const { return m_baseMapError; }
    TileSource *tileSource() const { return m_source; }
    TileCache *tileCache() { return &m_cache; }
    const std::shared_ptr<const BaseMap> &baseMap() const { return m_baseMap; }
    static QString tileCacheDirectory();

    // The live layers' data, shared by the panes.
    LiveMapData *liveData() { return &m_live; }
    // The live layers shown (profile `layers`); empty shows them all.
    void setEnabledLayers(const QStringList &names);
    bool isLayerEnabled(const QString &name) const
    {
        return m_enabledLayers.isEmpty() || m_enabledLayers.contains(name);
    }

signals:
    void viewChanged();
    void panesChanged();
    void tileSourceChanged();
    void enabledLayersChanged();

private:
    struct Pane
    {
        std::optional<QPoint> wallCell;
        QPoint offset;
        QSize size;
    };
    QRect paneRect(int pane) const; // in canvas pixels before normalizing
    void sizeTileCache();
    QRect canvasBounds() const;

    QGeoCoordinate m_center{-6.1783, 106.6319};
    double m_zoom = 13;
    std::map<int, Pane> m_panes;
    int m_nextPane = 0;
    TileSourceSpec m_spec;
    QString m_baseMapError;
    QPointer<TileSource> m_source;
    TileCache m_cache;
    std::shared_ptr<const BaseMap> m_baseMap;
    LiveMapData m_live{nullptr};
    QStringList m_enabledLayers;
};

} // namespace tlr
