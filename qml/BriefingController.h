#pragma once

#include "briefing/AgencyKpiModel.h"
#include "briefing/IncidentTrendModel.h"
#include "briefing/TopIncidentsModel.h"

#include <QObject>

namespace tlr {

class IncidentTableModel;
class MapViewGroup;
struct TileContext;

// What the briefing's QML reads and asks for: the agency KPIs, the hourly trend, the open
// incidents gravest first and the city map's view, all made over the wall's own models; and
// the two requests it makes of the wall, to open an incident's dossier (from a row) or the
// incident of a map feature (from a tap). The QML never acts itself: C++ opens the dossier.
class BriefingController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(tlr::AgencyKpiModel *agencies READ agencies CONSTANT)
    Q_PROPERTY(tlr::IncidentTrendModel *trend READ trend CONSTANT)
    Q_PROPERTY(tlr::TopIncidentsModel *incidents READ incidents CONSTANT)
    Q_PROPERTY(QObject *map READ map CONSTANT)
public:
    // The context's incidents, alert table, situation and clock may be null (a test, a wall
    // without alerts): what they feed stays empty.
    explicit BriefingController(const TileContext &context, QObject *parent = nullptr);

    AgencyKpiModel *agencies() const { return m_agencies; }
    IncidentTrendModel *trend() const { return m_trend; }
    TopIncidentsModel *incidents() const { return m_incidents; }
    QObject *map() const;
    MapViewGroup *mapGroup() const { return m_map; }

    Q_INVOKABLE void openIncident(qint64 incidentId);
    Q_INVOKABLE void selectFeature(const QString &entityId);

signals:
    void incidentRequested(qint64 incidentId);
    void featureSelected(const QString &entityId);

private:
    IncidentTableModel *m_table = nullptr;
    AgencyKpiModel *m_agencies = nullptr;
    IncidentTrendModel *m_trend = nullptr;
    TopIncidentsModel *m_incidents = nullptr;
    MapViewGroup *m_map = nullptr;
};

} // namespace tlr
