#pragma once

#include "domain/Report.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tlr {

// The tone of a threshold band, from harmless to dangerous. Views map tones onto their
// colour-blind-safe palette; the configuration never names colours.
enum class BandTone { Unknown, Good, Fair, Poor, Bad, Severe };

QString bandToneKey(BandTone tone);
std::optional<BandTone> bandToneFromKey(QStringView key);

// A range of values with a name: ISPU "Sedang" 50–100, the Cisadane "Siaga" 400–500 cm. An open
// end is a band without `from` or `to`.
struct ThresholdBand
{
    QString label;
    std::optional<double> from;
    std::optional<double> to;
    BandTone tone = BandTone::Unknown;

    bool contains(double value) const
    {
        return (!from || value >= *from) && (!to || value < *to);
    }
};

// Which citizen reports a reports-per-hour line counts.
struct ReportFilter
{
    std::optional<Report::Channel> channel;        // only this channel
    std::optional<Report::Channel> excludeChannel; // every channel but this one
    std::optional<bool> emergency;

    bool matches(const Report &report) const
    {
        return (!channel || report.channel == *channel)
            && (!excludeChannel || report.channel != *excludeChannel)
            && (!emergency || report.emergency == *emergency);
    }
};

// One line of a chart. For observations: its value at a time is the mean of `quantity` over its
// entities, or with a denominator the ratio of their sums (beds occupied over beds in all the
// hospitals), divided by `reference` when one is given (a corridor's free-flow speed), times the
// series' scale.
struct SeriesLine
{
    QString label;
    QStringList entities; // full entity ids
    QString quantity;     // empty: the series' quantity
    QString denominator;  // empty: the series' denominator (may be empty: a plain mean)
    std::optional<double> reference;
    ReportFilter reports;
};

enum class SeriesSource { Unknown, Observations, Reports };

// What a chart key of the wall profile draws: entities, quantity, unit, name and thresholds,
// all from configuration (resources/charts/series.json).
struct SeriesSpec
{
    QString key;
    QString name;
    SeriesSource source = SeriesSource::Unknown;
    QString feed; // the feed whose health decides whether the chart is stale
    QString entityType;
    QString quantity;
    QString denominator;
    double scale = 1.0;
    QString unit;
    int decimals = 0;
    std::optional<double> minimum; // the value axis shows at least this range
    std::optional<double> maximum;
    int staleAfterSeconds = 120; // no new point for longer than this: the chart says so
    QList<ThresholdBand> bands;  // ascending, not overlapping
    QList<SeriesLine> lines;

    QString lineQuantity(const SeriesLine &line) const
    {
        return line.quantity.isEmpty() ? quantity : line.quantity;
    }
    QString lineDenominator(const SeriesLine &line) const
    {
        return line.denominator.isEmpty() ? denominator : line.denominator;
    }
    const ThresholdBand *bandFor(double value) const
    {
        for (const ThresholdBand &band : bands) {
            if (band.contains(value))
                return &band;
        }
        return nullptr;
    }
};

} // namespace tlr
