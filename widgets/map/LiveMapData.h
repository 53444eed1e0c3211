#pragma once

#include "domain/Agency.h"
#include "domain/Report.h"
#include "domain/Severity.h"
#include "map/BaseMap.h"
#include "map/ClusterIndex.h"
#include "map/MapPoint.h"
#include "map/ReportLayer.h"

#include <QGeoCircle>
#include <QGeoCoordinate>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <vector>

namespace tlr {

class AlertTableModel;
class SituationModel;

// What the live layers draw, copied out of the SituationModel into plain values once per
// change (coalesced), with the cluster indices built once for every pane of a map. The day's
// citizen reports are one layer for every map of the situation (ReportLayerBuilder).
class LiveMapData : public QObject
{
    Q_OBJECT
public:
    using Point = MapPoint;
    struct Line
    {
        QString id;
        QString tooltip;
        QList<QGeoCoordinate> path;
        double speedKmh = -1; // −1: no reading
    };
    struct AlertArea
    {
        QString id;
        QString tooltip;
        Severity severity = Severity::Unknown;
        bool live = true; // false: exercise or test, drawn hatched
        QList<QList<QGeoCoordinate>> polygons;
        QList<QGeoCircle> circles;
        QGeoCoordinate marker;
    };

    // An alert of the alert engine that has a place: drawn by severity, pulsing while nobody
    // has acknowledged it.
    struct EngineAlert
    {
        QString id; // "alert:<id>"
        QString tooltip;
        QGeoCoordinate at;
        Severity severity = Severity::Unknown;
        bool waiting = false; // unacknowledged (also after its condition cleared)
        bool live = true;
    };

    explicit LiveMapData(std::shared_ptr<const BaseMap> baseMap, QObject *parent = nullptr);

    void setBaseMap(std::shared_ptr<const BaseMap> baseMap);
    void setSituation(const SituationModel *situation);
    void setAlertTable(const AlertTableModel *alerts);
    // Direct input, for tests and benchmarks (the situation is not read then).
    void setSensors(std::vector<Point> sensors);
    void setVehicles(std::vector<Point> vehicles);
    void setEngineAlerts(std::vector<EngineAlert> alerts);

    const std::vector<Point> &sensors() const { return m_sensors; }
    const ClusterIndex &sensorClusters() const { return m_sensorClusters; }
    const std::vector<Point> &vehicles() const { return m_vehicles; }
    // The situation's report layer, shared with every map of the same situation (ReportLayer).
    // Reports' points carry no tooltip: reportTooltip() writes the one under the pointer.
    const std::vector<Point> &reports() const;
    QString reportTooltip(std::size_t point) const;
    const ClusterIndex &reportClusters() const;
    const std::vector<Line> &traffic() const { return m_traffic; }
    const std::vector<AlertArea> &alerts() const { return m_alerts; }
    const std::vector<EngineAlert> &engineAlerts() const { return m_engineAlerts; }
    bool hasWaitingAlerts() const { return m_waitingAlerts > 0; }
    // Open reports per 10,000 residents, by kecamatan name.
    const QHash<QString, double> &reportRates() const { return m_reportRates; }
    const std::shared_ptr<const BaseMap> &baseMap() const { return m_baseMap; }

signals:
    void changed();

public:
    bool isBuildingReports() const { return m_reportBuilder && m_reportBuilder->isBuilding(); }

private:
    void refresh();
    void takeReports();
    void refreshReportRates();
    void refreshEngineAlerts();

    std::shared_ptr<const BaseMap> m_baseMap;
    QPointer<const SituationModel> m_situation;
    QTimer m_coalesce;
    std::vector<Point> m_sensors;
    ClusterIndex m_sensorClusters;
    std::vector<Point> m_vehicles;
    std::shared_ptr<ReportLayerBuilder> m_reportBuilder;
    std::shared_ptr<const ReportLayer> m_reportLayer;
    std::vector<Line> m_traffic;
    std::vector<AlertArea> m_alerts;
    QPointer<const AlertTableModel> m_alertTable;
    QTimer m_alertCoalesce;
    std::vector<EngineAlert> m_engineAlerts;
    int m_waitingAlerts = 0;
    QHash<QString, double> m_reportRates;
};

} // namespace tlr
