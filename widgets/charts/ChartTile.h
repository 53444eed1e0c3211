#pragma once

#include "charts/ChartWindow.h"
#include "charts/SeriesSpec.h"
#include "charts/SeriesValues.h"
#include "charts/TimeSeries.h"
#include "tiles/Tile.h"
#include "tiles/TileContext.h"

#include <QSet>
#include <QTimer>

#include <vector>

class QAreaSeries;
class QCategoryAxis;
class QChart;
class QChartView;
class QLabel;
class QLineSeries;
class QValueAxis;

namespace tlr {

// A live chart of one configured series (resources/charts/series.json) over a window ending
// now: history from the store's rollups when the wall has a store, live points from the
// situation model, thresholds as named bands, times in WIB. Long lines are downsampled (LTTB)
// to the pixels the plot has. With no data it says so; when its feed goes stale it says since
// when and the lines end at the last real point: nothing is drawn that was not measured.
class ChartTile : public Tile
{
    Q_OBJECT
public:
    enum class DataState { Unknown, Loading, NoData, Live, Stale };

    ChartTile(const TileSpec &spec, SeriesSpec series, ChartWindow window,
              const TileContext &context, QWidget *parent = nullptr);
    ~ChartTile() override;

    DataState dataState() const { return m_state; }
    QString statusText() const; // what the tile says about its data; empty when all is well
    int lineCount() const { return int(m_lines.size()); }
    // The points the plot draws for a line (after downsampling), for tests and benchmarks.
    QList<QPointF> drawnPoints(int line) const;
    // A line's data as measured, history and live, before downsampling (a print of the chart).
    std::vector<TimePoint> linePoints(int line, qint64 fromMsecs, qint64 toMsecs) const;
    // How many unconnected stretches a line is drawn in (a gap in the data breaks the line).
    int drawnStretches(int line) const;
    // Adds a point to a line as if it had arrived live (benchmarks, replay).
    void addPoint(int line, TimePoint point);
    // Adds history read elsewhere (an incident's nearby charts read theirs in one job).
    void addHistory(int line, std::span<const TimePoint> points);
    // Redraws now instead of at the next coalesced refresh.
    void refreshNow();

protected:
    void retranslate() override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Line
    {
        TimeSeries data;
        // One series per stretch without a gap: Qt Charts joins every point of a series, and a
        // line across hours without data would be drawn, not measured. The first is named in
        // the legend.
        std::vector<QLineSeries *> segments;
        bool dirty = false;
    };

    void buildChart();
    void loadHistory();
    void historyArrived(const QString &entity, const QString &quantity,
                        const QList<RollupPoint> &points, const QString &error);
    void observationsChanged(const QStringList &entityIds);
    void requestRefresh();
    void refresh();
    void updateReports();
    void updateState();
    void updateTimeAxis(qint64 from, qint64 to);
    void updateValueAxis(qint64 from, qint64 to);
    void placeStatus();
    qint64 windowMsecs() const;
    qint64 gapMsecs() const;
    QLineSeries *addSegment(int line);

    SeriesSpec m_series;
    ChartWindow m_window;
    // The profile's "from" (ISO 8601): the window reaches from there to now instead of
    // sliding; an incident's charts begin before its first signal.
    QDateTime m_fixedStart;
    TileContext m_context;
    QChartView *m_view = nullptr;
    QChart *m_chart = nullptr; // owned by m_view
    QCategoryAxis *m_timeAxis = nullptr;
    QValueAxis *m_valueAxis = nullptr;
    QCategoryAxis *m_bandAxis = nullptr;
    std::vector<QAreaSeries *> m_bands;
    std::vector<Line> m_lines;
    QLabel *m_status = nullptr;
    QSet<QString> m_entities;
    QTimer m_refreshTimer;
    SeriesValues::RollupTable m_history;
    int m_pendingHistory = 0;
    qint64 m_firstLiveMsecs = -1; // history fills only the time before live data
    QString m_historyError;
    DataState m_state = DataState::Unknown;
    QString m_statusText;
    double m_lastMinimum = 0.0;
    double m_lastMaximum = 0.0;
    double m_bandsMinimum = 0.0;
    double m_bandsMaximum = 0.0;
    double m_bandsHeight = 0.0;
};

} // namespace tlr
