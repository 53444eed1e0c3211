#include "ChartTile.h"

#include "ChartPalette.h"
#include "charts/Lttb.h"
#include "charts/TimeTicks.h"
#include "domain/WallClock.h"
#include "itemmodels/FeedHealthModel.h"
#include "situation/SituationModel.h"
#include "store/EventStore.h"
#include "theme/Theme.h"
#include "tiles/RefreshTurns.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QFutureWatcher>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QLoggingCategory>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

Q_LOGGING_CATEGORY(lcChartTile, "tlr.charts.tile")

namespace tlr {

namespace {

constexpr int kRefreshMilliseconds = 200; // live points are batched into one redraw
constexpr int kMinimumBandLabelPixels = Theme::kSmallPixels + 4;
// Bands reach from 2000 to 2100: the plot clips them, and the sliding window never moves them.
constexpr double kBandStart = 946684800000.0;
constexpr double kBandEnd = 4102444800000.0;

const FeedStatus *feedStatus(const FeedHealthModel *model, const QString &feed)
{
    if (!model)
        return nullptr;
    for (const FeedStatus &status : model->statuses()) {
        if (status.id == feed)
            return &status;
    }
    return nullptr;
}

QString wibTime(qint64 msecs)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(msecs, QTimeZone::utc())
                            .toTimeZone(WallClock::wib());
    return QLocale().toString(t.time(), QStringLiteral("HH:mm"));
}

QString duration(qint64 msecs)
{
    const qint64 minutes = msecs / 60000;
    if (minutes < 1)
        return ChartTile::tr("%n s", nullptr, int(msecs / 1000));
    if (minutes < 120)
        return ChartTile::tr("%n min", nullptr, int(minutes));
    return ChartTile::tr("%n h", nullptr, int(minutes / 60));
}

void styleAxis(QAbstractAxis *axis)
{
    axis->setLabelsFont(Theme::font(Theme::kSmallPixels));
    axis->setLabelsColor(Theme::textMuted());
    axis->setTitleFont(Theme::font(Theme::kSmallPixels));
    axis->setTitleBrush(Theme::textMuted());
    axis->setLinePenColor(Theme::surfaceRaised());
    axis->setGridLineColor(Theme::surfaceRaised());
}

} // namespace

ChartTile::ChartTile(const TileSpec &spec, SeriesSpec series, ChartWindow window,
                     const TileContext &context, QWidget *parent)
    : Tile(spec, parent)
    , m_series(std::move(series))
    , m_window(window)
    , m_fixedStart(QDateTime::fromString(spec.params.value(QLatin1String("from")).toString(),
                                         Qt::ISODateWithMs))
    , m_context(context)
{
    for (const SeriesLine &line : std::as_const(m_series.lines)) {
        for (const QString &id : line.entities)
            m_entities.insert(id);
    }
    buildChart();

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(kRefreshMilliseconds);
    connect(&m_refreshTimer, &QTimer::timeout, this,
            [this] { RefreshTurns::instance().request(this, [this] { refresh(); }); });

    if (m_context.situation) {
        connect(m_context.situation, &SituationModel::observationsChanged, this,
                &ChartTile::observationsChanged);
        if (m_series.source == SeriesSource::Reports) {
            connect(m_context.situation, &SituationModel::reportsChanged, this,
                    &ChartTile::requestRefresh);
        }
    }
    if (m_context.clock) {
        connect(m_context.clock, &WallClock::ticked, this, [this](const QDateTime &now) {
            // The window slides: redraw when it has moved by about a pixel, and say "stale"
            // the second it becomes true.
            const double width = std::max(100.0, m_chart->plotArea().width());
            const qint64 pixelMsecs = qint64(double(windowMsecs()) / width);
            if (now.toSecsSinceEpoch() % std::max<qint64>(1, pixelMsecs / 1000) == 0)
                requestRefresh();
            updateState();
        });
    }
    if (m_context.feedHealth) {
        connect(m_context.feedHealth, &QAbstractItemModel::dataChanged, this,
                &ChartTile::updateState);
    }
    // What the situation already knows is the first live point of every line.
    for (Line &line : m_lines)
        line.dirty = true;
    loadHistory();
    retranslate();
    refresh();
}

ChartTile::~ChartTile() = default;

void ChartTile::buildChart()
{
    m_chart = new QChart;
    m_chart->setBackgroundBrush(Theme::surface());
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setAnimationOptions(QChart::NoAnimation); // appended points must not wobble
    m_chart->setPlotAreaBackgroundVisible(false);

    m_timeAxis = new QCategoryAxis;
    m_timeAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    styleAxis(m_timeAxis);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);

    m_valueAxis = new QValueAxis;
    styleAxis(m_valueAxis);
    m_valueAxis->setTickCount(5);
    m_valueAxis->setLabelFormat(QStringLiteral("%.") + QString::number(m_series.decimals)
                                + u'f');
    m_valueAxis->setTitleText(m_series.unit);
    m_chart->addAxis(m_valueAxis, Qt::AlignLeft);

    if (!m_series.bands.isEmpty()) {
        m_bandAxis = new QCategoryAxis;
        m_bandAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
        styleAxis(m_bandAxis);
        m_bandAxis->setGridLineVisible(false);
        m_bandAxis->setLineVisible(false);
        m_chart->addAxis(m_bandAxis, Qt::AlignRight);
    }
    for (const ThresholdBand &band : std::as_const(m_series.bands)) {
        auto *upper = new QLineSeries(m_chart);
        auto *lower = new QLineSeries(m_chart);
        auto *area = new QAreaSeries(upper, lower);
        area->setName(band.label);
        area->setPen(Qt::NoPen);
        area->setBrush(ChartPalette::bandColor(band.tone));
        m_chart->addSeries(area);
        area->attachAxis(m_timeAxis);
        area->attachAxis(m_valueAxis);
        m_bands.push_back(area);
    }
    m_lines.resize(std::size_t(m_series.lines.size()));
    for (int i = 0; i < m_series.lines.size(); ++i)
        addSegment(i);

    QLegend *legend = m_chart->legend();
    legend->setFont(Theme::font(Theme::kSmallPixels));
    legend->setLabelColor(Theme::text());
    legend->setMarkerShape(QLegend::MarkerShapeFromSeries); // dashes show in the legend too
    legend->setAlignment(Qt::AlignRight);
    legend->setVisible(m_lines.size() > 1);
    for (QAreaSeries *band : m_bands) {
        for (QLegendMarker *marker : legend->markers(band))
            marker->setVisible(false); // bands are named on their own axis
    }

    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setBackgroundBrush(Theme::surface());
    contentLayout()->addWidget(m_view, 1);

    m_status = new QLabel(m_view);
    m_status->setFont(Theme::font(Theme::kBodyPixels, QFont::DemiBold));
    m_status->setAlignment(Qt::AlignCenter);
    m_status->setWordWrap(true);
    m_status->setAutoFillBackground(true);
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::Window, Theme::surfaceRaised());
    palette.setColor(QPalette::WindowText, Theme::text());
    m_status->setPalette(palette);
    m_status->setContentsMargins(16, 8, 16, 8);
    m_status->hide();
}

qint64 ChartTile::windowMsecs() const
{
    if (m_fixedStart.isValid() && m_context.clock) {
        constexpr qint64 kShortestMsecs = 15 * 60 * 1000; // a fresh incident still gets a plot
        return std::max(kShortestMsecs, m_fixedStart.msecsTo(m_context.clock->now()));
    }
    return chartWindowSeconds(m_window) * 1000;
}

qint64 ChartTile::gapMsecs() const
{
    if (m_series.source == SeriesSource::Reports)
        return 2 * 3600 * 1000; // hourly counts are contiguous where they are known
    const qint64 bucket = chartWindowResolution(m_window) == Resolution::Hour ? 3600000 : 60000;
    return std::max(qint64(m_series.staleAfterSeconds) * 1000, 3 * bucket);
}

QLineSeries *ChartTile::addSegment(int line)
{
    Line &l = m_lines[std::size_t(line)];
    auto *series = new QLineSeries(m_chart);
    series->setName(m_series.lines.at(line).label);
    series->setPen(ChartPalette::linePen(line));
    series->setMarkerSize(9.0);
    m_chart->addSeries(series);
    series->attachAxis(m_timeAxis);
    series->attachAxis(m_valueAxis);
    if (!l.segments.empty()) {
        for (QLegendMarker *marker : m_chart->legend()->markers(series))
            marker->setVisible(false);
    }
    l.segments.push_back(series);
    return series;
}

void ChartTile::loadHistory()
{
    if (!m_context.store || !m_context.clock || m_series.source != SeriesSource::Observations)
        return;
    const QDateTime to = m_context.clock->now();
    const QDateTime from = to.addMSecs(-windowMsecs());
    QSet<QPair<QString, QString>> requests;
    for (const SeriesLine &line : std::as_const(m_series.lines)) {
        for (const QString &entity : line.entities) {
            requests.insert({entity, m_series.lineQuantity(line)});
            if (!m_series.lineDenominator(line).isEmpty())
                requests.insert({entity, m_series.lineDenominator(line)});
        }
    }
    using Reply = StoreReply<QList<RollupPoint>>;
    m_pendingHistory = int(requests.size());
    for (const auto &[entity, quantity] : std::as_const(requests)) {
        auto *watcher = new QFutureWatcher<Reply>(this);
        connect(watcher, &QFutureWatcherBase::finished, this,
                [this, watcher, entity = entity, quantity = quantity] {
                    const QFuture<Reply> future = watcher->future();
                    if (future.resultCount() > 0) {
                        const Reply reply = future.result();
                        historyArrived(entity, quantity, reply.value, reply.error);
                    } else {
                        historyArrived(entity, quantity, {},
                                       QStringLiteral("the store gave no answer"));
                    }
                    watcher->deleteLater();
                });
        watcher->setFuture(m_context.store->rollups(entity, quantity,
                                                    chartWindowResolution(m_window), from, to));
    }
}

void ChartTile::historyArrived(const QString &entity, const QString &quantity,
                               const QList<RollupPoint> &points, const QString &error)
{
    if (!error.isEmpty()) {
        qCWarning(lcChartTile).noquote() << m_series.key << "history of" << entity << quantity
                                         << "unavailable:" << error;
        m_historyError = error;
    }
    m_history[entity][quantity] = points;
    if (--m_pendingHistory > 0)
        return;
    const qint64 bucket = chartWindowResolution(m_window) == Resolution::Hour ? 3600000 : 60000;
    for (int i = 0; i < m_series.lines.size(); ++i) {
        std::vector<TimePoint> history =
            SeriesValues::fromRollups(m_series, m_series.lines.at(i), m_history);
        if (m_firstLiveMsecs >= 0) {
            // Bucket means and raw live readings side by side would zig-zag: history stops
            // where the live line begins.
            std::erase_if(history, [&](const TimePoint &p) {
                return p.msecs + bucket > m_firstLiveMsecs;
            });
        }
        m_lines[std::size_t(i)].data.merge(history);
    }
    m_history.clear();
    requestRefresh();
}

void ChartTile::observationsChanged(const QStringList &entityIds)
{
    bool any = false;
    for (const QString &id : entityIds) {
        if (!m_entities.contains(id))
            continue;
        for (int i = 0; i < m_series.lines.size(); ++i) {
            if (m_series.lines.at(i).entities.contains(id)) {
                m_lines[std::size_t(i)].dirty = true;
                any = true;
            }
        }
    }
    if (any)
        requestRefresh();
}

void ChartTile::addPoint(int line, TimePoint point)
{
    if (line < 0 || line >= lineCount())
        return;
    m_lines[std::size_t(line)].data.append(point);
    if (m_firstLiveMsecs < 0)
        m_firstLiveMsecs = point.msecs;
    requestRefresh();
}

void ChartTile::addHistory(int line, std::span<const TimePoint> points)
{
    if (line < 0 || line >= lineCount())
        return;
    m_lines[std::size_t(line)].data.merge(points);
    requestRefresh();
}

void ChartTile::requestRefresh()
{
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
}

void ChartTile::refreshNow()
{
    m_refreshTimer.stop();
    refresh();
}

void ChartTile::refresh()
{
    if (!m_context.clock)
        return;
    const qint64 now = m_context.clock->now().toMSecsSinceEpoch();
    const qint64 from = now - windowMsecs();

    if (m_series.source == SeriesSource::Reports) {
        updateReports();
    } else if (m_context.situation) {
        for (int i = 0; i < m_series.lines.size(); ++i) {
            Line &line = m_lines[std::size_t(i)];
            if (!line.dirty)
                continue;
            line.dirty = false;
            const auto point = SeriesValues::live(m_series, m_series.lines.at(i),
                                                  m_context.situation->observations());
            if (point && point->msecs <= now + 60000) { // a reading from the future waits
                line.data.append(*point);
                if (m_firstLiveMsecs < 0 || point->msecs < m_firstLiveMsecs)
                    m_firstLiveMsecs = point->msecs;
            }
        }
    }

    // One point per pixel of plot is all a line can show.
    const int pixels = std::max(64, int(m_chart->plotArea().width()));
    const qint64 gap = gapMsecs();
    for (int i = 0; i < lineCount(); ++i) {
        Line &line = m_lines[std::size_t(i)];
        line.data.removeBefore(from - windowMsecs() / 10);
        const auto visible = line.data.between(from, now);
        std::vector<std::span<const TimePoint>> parts;
        std::size_t start = 0;
        for (std::size_t k = 1; k <= visible.size(); ++k) {
            if (k == visible.size() || visible[k].msecs - visible[k - 1].msecs > gap) {
                parts.push_back(visible.subspan(start, k - start));
                start = k;
            }
        }
        while (line.segments.size() < parts.size())
            addSegment(i);
        for (std::size_t k = 0; k < line.segments.size(); ++k) {
            QList<QPointF> points;
            if (k < parts.size()) {
                // Each stretch gets the pixels of its share of the window.
                const double share = double(parts[k].back().msecs - parts[k].front().msecs)
                                   / double(windowMsecs());
                const auto budget = std::size_t(std::max(3.0, double(pixels) * share));
                const std::vector<TimePoint> drawn = Lttb::downsample(parts[k], budget);
                points.reserve(qsizetype(drawn.size()));
                for (const TimePoint &p : drawn)
                    points.append(QPointF(double(p.msecs), p.value));
            }
            // A stretch of one or two readings is no line to see: its points are marked. Hourly
            // counts are marked always, one dot per hour.
            const bool marked = m_series.source == SeriesSource::Reports || points.size() <= 2;
            if (line.segments[k]->pointsVisible() != marked)
                line.segments[k]->setPointsVisible(marked);
            if (!points.isEmpty() || line.segments[k]->count() > 0)
                line.segments[k]->replace(points); // one change, one repaint: no flicker
        }
    }
    updateTimeAxis(from, now);
    updateValueAxis(from, now);
    updateState();
    placeStatus();
}

void ChartTile::updateReports()
{
    if (!m_context.situation || !m_context.clock)
        return;
    const QDateTime now = m_context.clock->now();
    const std::deque<SharedReport> &reports = m_context.situation->recentReports();
    QDateTime from = now.addMSecs(-windowMsecs());
    // The situation holds one day of reports; before the first one it holds, nothing is known.
    QDateTime known = now.addSecs(-qint64(SituationModel::kReportWindowHours) * 3600);
    if (!reports.empty() && reports.front()->receivedAt.isValid())
        known = std::max(known, reports.front()->receivedAt);
    else
        known = now;
    from = std::max(from, known);
    QDateTime to = now;
    const FeedStatus *feed = feedStatus(m_context.feedHealth, m_series.feed);
    const bool feedLost = feed && (feed->state == FeedStatus::State::Stale
                                   || feed->state == FeedStatus::State::Down);
    if (feedLost) {
        // Hours after the feed went quiet are unknown, not zero.
        if (!feed->lastDataAt.isValid())
            to = from.addMSecs(-1);
        else
            to = std::min(to, feed->lastDataAt);
    }
    for (int i = 0; i < m_series.lines.size(); ++i) {
        Line &line = m_lines[std::size_t(i)];
        line.data.clear();
        if (reports.empty() && (!feed || !feed->lastDataAt.isValid()))
            continue; // never heard from the feed: no data, not zeros
        const auto counts = SeriesValues::reportsPerHour(m_series.lines.at(i), reports, from, to);
        line.data.merge(counts);
    }
}

void ChartTile::updateState()
{
    if (!m_context.clock)
        return;
    const qint64 now = m_context.clock->now().toMSecsSinceEpoch();
    const qint64 from = now - windowMsecs();
    qint64 newest = -1;
    double reported = 0.0;
    for (const Line &line : m_lines) {
        if (!line.data.isEmpty() && line.data.last().msecs >= from)
            newest = std::max(newest, line.data.last().msecs);
        for (const TimePoint &p : line.data.between(from, now))
            reported += p.value;
    }
    if (m_series.source == SeriesSource::Reports && reported == 0.0)
        newest = -1; // hours of zeros with not one report: say so rather than draw the floor
    const FeedStatus *feed = feedStatus(m_context.feedHealth, m_series.feed);
    const bool feedDown = feed && feed->state == FeedStatus::State::Down;
    const bool feedStale = feed && feed->state == FeedStatus::State::Stale;

    DataState state = DataState::Live;
    QString text;
    if (m_pendingHistory > 0 && newest < 0) {
        state = DataState::Loading;
        text = tr("Loading history…");
    } else if (newest < 0) {
        state = DataState::NoData;
        text = feedDown ? tr("No data: the %1 feed is down").arg(m_series.feed)
             : m_series.source == SeriesSource::Reports ? tr("No reports in this window yet")
                                                        : tr("No data in this window yet");
    } else {
        // Reports per hour are counted up to now by construction; their freshness is the feed's.
        const qint64 dataTime = m_series.source == SeriesSource::Reports && feed
                                        && feed->lastDataAt.isValid()
                                    ? feed->lastDataAt.toMSecsSinceEpoch()
                                    : newest;
        const bool old = m_series.source == SeriesSource::Observations
                      && now - newest > qint64(m_series.staleAfterSeconds) * 1000;
        if (old || feedDown || feedStale) {
            state = DataState::Stale;
            text = tr("Stale: no new data since %1 WIB (%2 ago)")
                       .arg(wibTime(dataTime), duration(now - dataTime));
        }
    }
    if (!m_historyError.isEmpty() && state == DataState::Live)
        text = tr("History unavailable; live data only");
    m_state = state;
    if (text != m_statusText) {
        m_statusText = text;
        m_status->setText(text);
        m_status->setVisible(!text.isEmpty());
        placeStatus();
    }
}

QString ChartTile::statusText() const { return m_statusText; }

QList<QPointF> ChartTile::drawnPoints(int line) const
{
    if (line < 0 || line >= lineCount())
        return {};
    QList<QPointF> points;
    for (const QLineSeries *segment : m_lines[std::size_t(line)].segments)
        points.append(segment->points());
    return points;
}

std::vector<TimePoint> ChartTile::linePoints(int line, qint64 fromMsecs, qint64 toMsecs) const
{
    if (line < 0 || line >= lineCount())
        return {};
    const auto points = m_lines[std::size_t(line)].data.between(fromMsecs, toMsecs);
    return {points.begin(), points.end()};
}

int ChartTile::drawnStretches(int line) const
{
    if (line < 0 || line >= lineCount())
        return 0;
    int stretches = 0;
    for (const QLineSeries *segment : m_lines[std::size_t(line)].segments)
        stretches += segment->count() > 0 ? 1 : 0;
    return stretches;
}

void ChartTile::updateTimeAxis(qint64 from, qint64 to)
{
    const QFontMetrics metrics(Theme::font(Theme::kSmallPixels));
    const bool days = m_window == ChartWindow::SevenDays;
    const int labelWidth = metrics.horizontalAdvance(days ? QStringLiteral("Sen 30")
                                                          : QStringLiteral("00:00"));
    const int width = std::max(100, int(m_chart->plotArea().width()));
    // Half a label's width between labels at least: ticks never touch.
    const int maxTicks = std::max(1, width * 2 / (labelWidth * 3));
    auto ticks = timeTicks(from, to, maxTicks, WallClock::wib());
    if (!m_bandAxis) {
        // Nothing stands right of the plot: a label centred on its edge would be cut off.
        const double msecsPerPixel = double(to - from) / double(width);
        std::erase_if(ticks, [&](const TimeTick &tick) {
            return double(to - tick.msecs) / msecsPerPixel < labelWidth / 2 + 4;
        });
    }
    m_timeAxis->setRange(double(from), double(to));
    // Categories change only when a tick enters or leaves: rebuilding them re-lays the chart.
    QStringList labels;
    for (const TimeTick &tick : ticks)
        labels.append(tick.label);
    if (labels == m_timeAxis->categoriesLabels()
        && (ticks.empty() || m_timeAxis->endValue(labels.constFirst()) == double(ticks[0].msecs)))
        return;

    const QStringList old = m_timeAxis->categoriesLabels();
    for (const QString &label : old)
        m_timeAxis->remove(label);
    m_timeAxis->setStartValue(double(from));
    for (const TimeTick &tick : ticks)
        m_timeAxis->append(tick.label, double(tick.msecs));
    m_timeAxis->setRange(double(from), double(to));
}

void ChartTile::updateValueAxis(qint64 from, qint64 to)
{
    std::optional<double> lo = m_series.minimum;
    std::optional<double> hi = m_series.maximum;
    bool beyond = false;
    for (const Line &line : m_lines) {
        for (const TimePoint &p : line.data.between(from, to)) {
            if (!lo || p.value < *lo) {
                beyond = beyond || m_series.minimum.has_value();
                lo = p.value;
            }
            if (!hi || p.value > *hi) {
                beyond = beyond || m_series.maximum.has_value();
                hi = p.value;
            }
        }
    }
    double minimum = lo.value_or(0.0);
    double maximum = hi.value_or(1.0);
    if (maximum - minimum < 1e-9) {
        minimum -= 1.0;
        maximum += 1.0;
    }
    if (beyond || !m_series.minimum || !m_series.maximum) {
        const double pad = (maximum - minimum) * 0.05;
        if (!m_series.minimum || minimum < *m_series.minimum)
            minimum -= pad;
        if (!m_series.maximum || maximum > *m_series.maximum)
            maximum += pad;
    }
    if (minimum != m_lastMinimum || maximum != m_lastMaximum) {
        m_valueAxis->setRange(minimum, maximum);
        m_valueAxis->applyNiceNumbers();
        m_lastMinimum = minimum;
        m_lastMaximum = maximum;
    }
    const double axisMin = m_valueAxis->min();
    const double axisMax = m_valueAxis->max();
    const double plotHeight = std::max(1.0, m_chart->plotArea().height());
    if (axisMin == m_bandsMinimum && axisMax == m_bandsMaximum && plotHeight == m_bandsHeight)
        return; // bands span all time: only the value range or the plot's height moves them
    m_bandsMinimum = axisMin;
    m_bandsMaximum = axisMax;
    m_bandsHeight = plotHeight;

    // Bands: tinted rectangles across the window, named on the right axis where they are tall
    // enough to hold a label without touching the next one.
    const double pixelsPerUnit = plotHeight / (axisMax - axisMin);
    if (m_bandAxis) {
        for (const QString &label : m_bandAxis->categoriesLabels())
            m_bandAxis->remove(label);
        m_bandAxis->setStartValue(axisMin);
    }
    double previousEnd = axisMin;
    QString blank;
    for (int i = 0; i < m_series.bands.size(); ++i) {
        const ThresholdBand &band = m_series.bands.at(i);
        const double bottom = std::clamp(band.from.value_or(axisMin), axisMin, axisMax);
        const double top = std::clamp(band.to.value_or(axisMax), axisMin, axisMax);
        QAreaSeries *area = m_bands[std::size_t(i)];
        area->setVisible(top > bottom);
        area->upperSeries()->replace({QPointF(kBandStart, top), QPointF(kBandEnd, top)});
        area->lowerSeries()->replace({QPointF(kBandStart, bottom), QPointF(kBandEnd, bottom)});
        if (!m_bandAxis || top <= previousEnd)
            continue;
        // Category labels must be unique: gaps and too-small bands get distinct blanks.
        if (bottom > previousEnd) {
            blank += u' ';
            m_bandAxis->append(blank, bottom);
        }
        const bool fits = (top - bottom) * pixelsPerUnit >= kMinimumBandLabelPixels;
        if (fits) {
            m_bandAxis->append(band.label, top);
        } else {
            blank += u' ';
            m_bandAxis->append(blank, top);
        }
        previousEnd = top;
    }
    if (m_bandAxis)
        m_bandAxis->setRange(axisMin, axisMax);
}

void ChartTile::placeStatus()
{
    if (m_status->isHidden())
        return;
    const QRect area = m_view->rect();
    const int width = std::min(area.width() - 24, std::max(area.width() * 3 / 4, 200));
    const int height = m_status->heightForWidth(width);
    const int y = m_state == DataState::Stale ? 8 : (area.height() - height) / 2;
    m_status->setGeometry((area.width() - width) / 2, y, width, std::max(height, 40));
    m_status->raise();
}

void ChartTile::resizeEvent(QResizeEvent *event)
{
    Tile::resizeEvent(event);
    // The legend goes under the plot when its entries fit in one row there, leaving the plot
    // its full width; otherwise it stands to the right as a column.
    const QFontMetrics metrics(Theme::font(Theme::kSmallPixels));
    int legendWidth = 0;
    for (const SeriesLine &line : std::as_const(m_series.lines))
        legendWidth += metrics.horizontalAdvance(line.label) + Theme::kSmallPixels * 3 / 2;
    m_chart->legend()->setAlignment(legendWidth <= m_view->width() - 16 ? Qt::AlignBottom
                                                                       : Qt::AlignRight);
    requestRefresh();
    placeStatus();
}

void ChartTile::retranslate()
{
    setDefaultTitle(m_series.name);
    m_statusText.clear(); // the next update re-words the status in the new language
    updateState();
}

} // namespace tlr
