#include "IncidentBrief.h"

#include <QAbstractItemModel>
#include <QCoreApplication>

#include <algorithm>

namespace tlr {
IncidentBrief::Table IncidentBrief::tableOf(const QAbstractItemModel &model)
{
    Table table;
    for (int column = 0; column < model.columnCount(); ++column)
        table.header.append(model.headerData(column, Qt::Horizontal).toString());
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < model.columnCount(); ++column)
            cells.append(model.index(row, column).data().toString());
        table.rows.append(cells);
    }
    return table;
}

IncidentBrief::ChartSummary IncidentBrief::summaryOf(const NearbySensors::Chart &chart,
                                                     qint64 fromMsecs, qint64 toMsecs)
{
    ChartSummary summary;
    const SeriesSpec &series = chart.series;
    summary.name = series.unit.isEmpty() ? series.name
                                         : QStringLiteral("%1 (%2)").arg(series.name, series.unit);
    const auto number = [&](double value) {
        return QString::number(value, 'f', series.decimals);
    };
    for (int l = 0; l < series.lines.size(); ++l) {
        const QString label = series.lines.at(l).label;
        if (std::size_t(l) >= chart.points.size()) {
            summary.lines.append(label + QStringLiteral(": ") +
                                 QCoreApplication::translate("tlr::IncidentBrief", "no data"));
            continue;
        }
        std::vector<TimePoint> inWindow;
        for (const TimePoint &p : chart.points[std::size_t(l)]) {
            if (p.msecs >= fromMsecs && p.msecs <= toMsecs)
                inWindow.push_back(p);
        }
        if (inWindow.empty()) {
            summary.lines.append(label + QStringLiteral(": ") +
                                 QCoreApplication::translate("tlr::IncidentBrief", "no data"));
            continue;
        }
        const auto highest = std::max_element(
            inWindow.cbegin(), inWindow.cend(),
            [](const TimePoint &a, const TimePoint &b) { return a.value < b.value; });
        QString text =
            QCoreApplication::translate("tlr::IncidentBrief", "%1: latest %2, highest %3")
                .arg(label, number(inWindow.back().value), number(highest->value));
        if (const ThresholdBand *band = series.bandFor(highest->value))
            text += QStringLiteral(" (%1)").arg(band->label);
        summary.lines.append(text);
    }
    return summary;
}

QStringList IncidentBrief::texts() const
{
    QStringList all = {title, madeFor};
    for (const Fact &fact : facts)
        all << fact.caption << fact.value;
    for (const ChartSummary &chart : charts)
        all << chart.name << chart.lines;
    for (const Table *table : {&resources, &timeline}) {
        all << table->header;
        for (const QStringList &row : table->rows)
            all << row;
    }
    return all;
}

} // namespace tlr
