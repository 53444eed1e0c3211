#pragma once

#include "TileSource.h"

#include <QList>

class QNetworkAccessManager;
class QNetworkReply;

namespace tlr {

// Tiles from an XYZ URL template ({z}/{x}/{y}) over HTTP. Responses go through a
// QNetworkDiskCache, so tiles seen once are served from disk when the link is down; at most
// four requests run at once (tile servers' usage policies ask for few); the User-Agent names
// the application as those policies require.
class XyzTileSource : public TileSource
{
    Q_OBJECT
public:
    static constexpr int kMaxParallel = 4;

    XyzTileSource(const QString &urlTemplate, const QString &cacheDirectory,
                  QObject *parent = nullptr);

    QString attribution() const override;
    QString urlFor(const TileId &tile) const;
    static QByteArray userAgent();

protected:
    void start(const TileId &tile) override;

private:
    void pump();
    void send(const TileId &tile, bool cacheOnly);
    void received(QNetworkReply *reply, const TileId &tile, bool cacheOnly);

    QString m_template;
    QNetworkAccessManager *m_network = nullptr;
    QList<TileId> m_queue;
    int m_active = 0;
};

} // namespace tlr
