#include "NearbySeriesJob.h"

#include "store/EventStore.h"

#include <QFutureWatcher>
#include <QLoggingCategory>
#include <QSet>
#include <QTimer>

namespace tlr {
namespace {

Q_LOGGING_CATEGORY(lcNearby, "tlr.dossier.nearby")

} // namespace

NearbySeriesJob::NearbySeriesJob(const EventStore *store, QList<NearbySensors::Chart> charts,
                                 QDateTime from, QDateTime to, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_charts(std::move(charts))
    , m_from(std::move(from))
    , m_to(std::move(to))
{
}

void NearbySeriesJob::start()
{
    m_rollups.resize(m_charts.size());
    using Reply = StoreReply<QList<RollupPoint>>;
    if (!m_store) {
        m_errors.append(tr("no database: the charts start from live readings"));
    } else {
        for (int c = 0; c < m_charts.size(); ++c) {
            const SeriesSpec &series = m_charts.at(c).series;
            QSet<QPair<QString, QString>> requests;
            for (const SeriesLine &line : series.lines) {
                for (const QString &entity : line.entities) {
                    requests.insert({entity, series.lineQuantity(line)});
                    if (!series.lineDenominator(line).isEmpty())
                        requests.insert({entity, series.lineDenominator(line)});
                }
            }
            for (const auto &[entity, quantity] : std::as_const(requests)) {
                ++m_pending;
                auto *watcher = new QFutureWatcher<Reply>(this);
                connect(watcher, &QFutureWatcherBase::finished, this,
                        [this, watcher, c, entity = entity, quantity = quantity] {
                            watcher->deleteLater();
                            const QFuture<Reply> future = watcher->future();
                            if (future.resultCount() > 0) {
                                const Reply reply = future.result();
                                answered(c, entity, quantity, reply.value, reply.error);
                            } else {
                                answered(c, entity, quantity, {}, tr("the store gave no answer"));
                            }
                        });
                watcher->setFuture(
                    m_store->rollups(entity, quantity, Resolution::Minute, m_from, m_to));
            }
        }
    }
    if (m_pending == 0) // nothing to read: finish from the event loop, as a read would
        QTimer::singleShot(0, this, &NearbySeriesJob::finish);
}

void NearbySeriesJob::cancel()
{
    m_cancelled = true;
}

void NearbySeriesJob::answered(int chart, const QString &entity, const QString &quantity,
                               const QList<RollupPoint> &points, const QString &error)
{
    if (!error.isEmpty()) {
        qCWarning(lcNearby).noquote()
            << "history of" << entity << quantity << "unavailable:" << error;
        m_errors.append(entity + QStringLiteral(": ") + error);
    }
    m_rollups[chart][entity][quantity] = points;
    if (--m_pending == 0)
        finish();
}

void NearbySeriesJob::finish()
{
    for (int c = 0; c < m_charts.size(); ++c) {
        NearbySensors::Chart &chart = m_charts[c];
        chart.points.assign(std::size_t(chart.series.lines.size()), {});
        for (int l = 0; l < chart.series.lines.size(); ++l) {
            chart.points[std::size_t(l)] = SeriesValues::fromRollups(
                chart.series, chart.series.lines.at(l), m_rollups.value(c));
        }
    }
    m_rollups.clear();
    m_finished = true;
    if (!m_cancelled)
        emit finished();
}

} // namespace tlr
