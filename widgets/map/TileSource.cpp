#include "TileSource.h"

#include <QAtomicInt>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace tlr {

namespace {
QAtomicInt g_nextSourceId = 1;
}

TileSource::TileSource(QObject *parent)
    : QObject(parent)
    , m_id(g_nextSourceId.fetchAndAddRelaxed(1))
{
}

void TileSource::request(const TileId &tile)
{
    if (!tile.isValid() || m_pending.contains(tile))
        return;
    m_pending.insert(tile);
    start(tile);
}

void TileSource::finish(const TileId &tile, const QImage &image, const QString &error)
{
    m_pending.remove(tile);
    if (!error.isEmpty())
        emit tileFailed(tile, error);
    else if (image.isNull())
        emit tileMissing(tile);
    else
        emit tileReady(tile, image);
}

void TileSource::runJob(const TileId &tile, std::function<JobResult()> job)
{
    auto *watcher = new QFutureWatcher<JobResult>(this);
    connect(watcher, &QFutureWatcher<JobResult>::finished, this, [this, watcher, tile] {
        const JobResult result = watcher->result();
        watcher->deleteLater();
        finish(tile, result.image, result.error);
    });
    watcher->setFuture(QtConcurrent::run([job = std::move(job)]() -> JobResult {
        // Errors are data: nothing thrown by a decoder leaves the worker.
        try {
            return job();
        } catch (const std::exception &e) {
            return {QImage(), QString::fromUtf8(e.what())};
        } catch (...) {
            return {QImage(), QStringLiteral("tile job failed")};
        }
    }));
}

} // namespace tlr
