#include "BriefingController.h"

#include "briefing/AgencyKpiModel.h"
#include "briefing/IncidentTrendModel.h"
#include "briefing/TopIncidentsModel.h"
#include "itemmodels/IncidentTableModel.h"
#include "map/MapViewGroup.h"
#include "map/TileSourceSpec.h"
#include "tiles/TileContext.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcBriefing, "tlr.briefing")

namespace tlr {

namespace {

// The whole city in the briefing's map panel (about 1,100 × 600 px): Tangerang spans some
// 25 km from Benda to Jatiuwung.
const QGeoCoordinate kCityCentre(-6.1800, 106.6300);
constexpr double kCityZoom = 12.0;

} // namespace

BriefingController::BriefingController(const TileContext &context, QObject *parent)
    : QObject(parent)
{
    if (context.incidents) {
        m_table = new IncidentTableModel(context.incidents, context.clock, this);
        m_incidents = new TopIncidentsModel(m_table, context.incidents, this);
    }
    m_agencies = new AgencyKpiModel(context.incidents, context.alertTable, context.clock, this);
    m_trend = new IncidentTrendModel(m_agencies, this);

    m_map = new MapViewGroup(this);
    m_map->setView(kCityCentre, kCityZoom);
    const auto basemap = TileSourceSpec::parse(context.basemap, context.profileDirectory);
    if (const auto *spec = std::get_if<TileSourceSpec>(&basemap))
        m_map->setBaseMap(*spec);
    m_map->liveData()->setSituation(context.situation);
    if (context.alertTable)
        m_map->liveData()->setAlertTable(context.alertTable);
}

QObject *BriefingController::map() const
{
    return m_map;
}

void BriefingController::openIncident(qint64 incidentId)
{
    qCInfo(lcBriefing) << "dossier asked for incident" << incidentId;
    emit incidentRequested(incidentId);
}

void BriefingController::selectFeature(const QString &entityId)
{
    emit featureSelected(entityId);
}

} // namespace tlr
