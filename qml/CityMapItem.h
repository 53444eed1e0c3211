#pragma once

#include <QGeoCoordinate>
#include <QPointer>
#include <QQuickPaintedItem>

namespace tlr {

class MapRenderer;
class MapViewGroup;

// The city map in Qt Quick: a pane of a MapViewGroup drawn by the map core, the same renderer
// and layers as the wall's MapWidget (map/MapLayerSet), not a second map. QML drives it: drags
// pan, pinches and the wheel zoom, a tap picks (featureSelected), keys pan and zoom.
class CityMapItem : public QQuickPaintedItem
{
    Q_OBJECT
    Q_PROPERTY(QObject *group READ groupObject WRITE setGroupObject NOTIFY groupChanged)
    Q_PROPERTY(double zoom READ zoom NOTIFY viewChanged)
    Q_PROPERTY(QString attribution READ attribution NOTIFY groupChanged)
public:
    explicit CityMapItem(QQuickItem *parent = nullptr);
    ~CityMapItem() override;

    QObject *groupObject() const;
    void setGroupObject(QObject *group);
    double zoom() const;
    QString attribution() const;

    Q_INVOKABLE void panBy(double dx, double dy);
    // Zooms by `steps` (1 = twice the scale) keeping the place under (x, y) where it is.
    Q_INVOKABLE void zoomAround(double x, double y, double steps);
    Q_INVOKABLE void goHome();
    // What a tap at (x, y) does (map/MapPick): a cluster zooms in, a feature is selected.
    Q_INVOKABLE void tap(double x, double y);

    void paint(QPainter *painter) override;

signals:
    void groupChanged();
    void viewChanged();
    void featureSelected(const QString &entityId);

protected:
    void geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry) override;

private:
    void updatePane();

    QPointer<MapViewGroup> m_group;
    MapRenderer *m_renderer = nullptr;
    int m_pane = -1;
    QGeoCoordinate m_homeCenter;
    double m_homeZoom = 13;
};

} // namespace tlr
