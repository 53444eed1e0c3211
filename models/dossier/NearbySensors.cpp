#include "NearbySensors.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>

namespace tlr {

const QList<NearbySensors::Rule> &NearbySensors::rules()
{
    // The Cisadane's one gauge reads the river for the whole city, so its radius spans the
    // city; rain matters where it falls, so only the gauges close by.
    static const QList<Rule> kRules = {
        {QStringLiteral("flood"), QStringLiteral("river-level"), 20000, 1},
        {QStringLiteral("flood"), QStringLiteral("rain"), 6000, 2},
        {QStringLiteral("fire"), QStringLiteral("ispu"), 8000, 2},
        {QStringLiteral("environment"), QStringLiteral("ispu"), 8000, 2},
        {QStringLiteral("traffic"), QStringLiteral("traffic-speed"), 2000, 4},
        {QStringLiteral("water"), QStringLiteral("water-pressure"), 8000, 2},
        {QStringLiteral("water"), QStringLiteral("reservoir-level"), 8000, 2},
    };
    return kRules;
}

double NearbySensors::distanceToArea(const Incident &incident, const QGeoCoordinate &place)
{
    if (!place.isValid())
        return std::numeric_limits<double>::infinity();
    double nearest = incident.anchor.isValid() ? incident.anchor.distanceTo(place)
                                               : std::numeric_limits<double>::infinity();
    for (const IncidentSignal &member : incident.members) {
        if (member.location.isValid())
            nearest = std::min(nearest, member.location.distanceTo(place));
    }
    return nearest;
}

QString NearbySensors::distanceText(double metres)
{
    if (metres < 1000)
        return QCoreApplication::translate("tlr::NearbySensors", "%1 m").arg(std::lround(metres));
    return QCoreApplication::translate("tlr::NearbySensors", "%1 km")
        .arg(metres / 1000, 0, 'f', 1);
}

QList<NearbySensors::Chart> NearbySensors::select(const Incident &incident,
                                                  const QHash<QString, Observation> &observations,
                                                  const SeriesCatalog &catalog)
{
    QList<Chart> charts;
    for (const Rule &rule : rules()) {
        if (rule.hazard != incident.hazard)
            continue;
        const SeriesSpec *spec = catalog.find(rule.seriesKey);
        if (!spec || spec->source != SeriesSource::Observations)
            continue;
        struct Candidate
        {
            const Observation *observation;
            const SeriesLine *catalogLine; // the catalog's line holding it: its reference
            double metres;
        };
        std::vector<Candidate> candidates;
        for (const SeriesLine &line : spec->lines) {
            for (const QString &entity : line.entities) {
                const auto found = observations.constFind(entity);
                if (found == observations.cend() || !found->value(spec->lineQuantity(line)))
                    continue;
                const double metres = distanceToArea(incident, found->location);
                if (metres <= rule.radiusMetres)
                    candidates.push_back({&*found, &line, metres});
            }
        }
        if (candidates.empty())
            continue;
        std::sort(candidates.begin(), candidates.end(),
                  [](const Candidate &a, const Candidate &b) { return a.metres < b.metres; });
        if (int(candidates.size()) > rule.maxLines)
            candidates.resize(std::size_t(rule.maxLines));
        Chart chart;
        chart.series = *spec;
        chart.series.lines.clear();
        for (const Candidate &c : candidates) {
            SeriesLine line = *c.catalogLine;
            // The catalog's short label (a place): a chart's legend has little room.
            line.label = c.catalogLine->label + QStringLiteral(" · ") + distanceText(c.metres);
            line.entities = {c.observation->entityId};
            chart.series.lines.append(line);
            chart.distancesMetres.append(c.metres);
        }
        chart.points.resize(std::size_t(chart.series.lines.size()));
        charts.append(chart);
    }
    return charts;
}

} // namespace tlr
