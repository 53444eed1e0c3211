#pragma once

#include "charts/SeriesCatalog.h"
#include "charts/SeriesValues.h"
#include "charts/TimeSeries.h"
#include "domain/Observation.h"
#include "incidents/Incident.h"

#include <QHash>
#include <QList>

#include <vector>

namespace tlr {

// Which sensors tell an incident's story, and over which time: around a flood the river level
// at the Cisadane's gauge and the rain of the nearest gauges, near a fire the air quality, near
// an accident the speed of the nearest road segments. A chart is a series of the chart catalog
// (resources/charts/series.json) narrowed to the entities within its rule's radius of the
// incident's area, nearest first, one line per entity.
class NearbySensors
{
public:
    // For a hazard: which catalog series, how far from the incident, how many lines at most.
    struct Rule
    {
        QString hazard;
        QString seriesKey;
        double radiusMetres = 0;
        int maxLines = 0;
    };

    // One chart: the catalog's series with a line per chosen entity (its label says how far it
    // is), the entities' distances in the lines' order, and the points once they are read.
    struct Chart
    {
        SeriesSpec series;
        QList<double> distancesMetres;
        std::vector<std::vector<TimePoint>> points; // per line, filled by NearbySeriesJob
    };

    // The rules the wall uses; a hazard without rules has no nearby charts.
    static const QList<Rule> &rules();
    // The time before an incident's first signal its charts begin.
    static constexpr int kMarginMinutes = 60;

    // The incident's charts from the latest observation of each entity (position and type), in
    // the order of the rules. A series the catalog lacks, or with no entity in range, is left
    // out. Cheap: runs on the GUI thread over the situation's in-memory observations.
    static QList<Chart> select(const Incident &incident,
                               const QHash<QString, Observation> &observations,
                               const SeriesCatalog &catalog);
    // How far a place is from the incident's area: from its anchor or its nearest signal.
    static double distanceToArea(const Incident &incident, const QGeoCoordinate &place);
    // "1.2 km", "350 m".
    static QString distanceText(double metres);
};

} // namespace tlr
