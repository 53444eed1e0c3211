#pragma once

#include "map/TileMath.h"

#include <QImage>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>

namespace tlr {

// Gives base map tiles asynchronously: request() returns at once, tileReady or tileMissing
// follows. Decoding and rendering run on QtConcurrent workers from copied, immutable data;
// results come back through QFutureWatcher on the GUI thread. A tile already being made is not
// asked for twice.
class TileSource : public QObject
{
    Q_OBJECT
public:
    explicit TileSource(QObject *parent = nullptr);

    // A number unique in the process, for the shared TileCache.
    int id() const { return m_id; }
    virtual QString attribution() const = 0;
    virtual int minZoom() const { return 0; }
    virtual int maxZoom() const { return 19; }

    void request(const TileId &tile);
    bool isPending(const TileId &tile) const { return m_pending.contains(tile); }
    int pendingCount() const { return int(m_pending.size()); }

signals:
    void tileReady(const tlr::TileId &tile, const QImage &image);
    void tileMissing(const tlr::TileId &tile); // nothing there: draw the background
    void tileFailed(const tlr::TileId &tile, const QString &error);

protected:
    // Starts making a tile; the subclass calls finish() on the GUI thread when done.
    virtual void start(const TileId &tile) = 0;
    void finish(const TileId &tile, const QImage &image, const QString &error = {});

    struct JobResult
    {
        QImage image; // null: no tile there
        QString error;
    };
    // Runs `job` on a QtConcurrent worker and finishes the tile with its result. The job must
    // own copies of everything it reads and never touch a QObject.
    void runJob(const TileId &tile, std::function<JobResult()> job);

private:
    int m_id;
    QSet<TileId> m_pending;
};

} // namespace tlr
