#include "XyzTileSource.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkDiskCache>
#include <QNetworkReply>
#include <QUrl>

namespace tlr {

XyzTileSource::XyzTileSource(const QString &urlTemplate, const QString &cacheDirectory,
                             QObject *parent)
    : TileSource(parent)
    , m_template(urlTemplate)
    , m_network(new QNetworkAccessManager(this))
{
    auto *cache = new QNetworkDiskCache(m_network);
    cache->setCacheDirectory(cacheDirectory);
    cache->setMaximumCacheSize(512ll * 1024 * 1024);
    m_network->setCache(cache);
}

QString XyzTileSource::attribution() const
{
    return QStringLiteral("Tiles: %1").arg(QUrl(m_template).host());
}

QByteArray XyzTileSource::userAgent()
{
    const QString version = QCoreApplication::applicationVersion().isEmpty()
                                ? QStringLiteral("0.1")
                                : QCoreApplication::applicationVersion();
    return QStringLiteral("TangerangLiveRoom/%1 (Tangerang Live Room video wall; Qt %2)")
        .arg(version, QString::fromLatin1(qVersion()))
        .toUtf8();
}

QString XyzTileSource::urlFor(const TileId &tile) const
{
    QString url = m_template;
    url.replace(QLatin1String("{z}"), QString::number(tile.z));
    url.replace(QLatin1String("{x}"), QString::number(tile.x));
    url.replace(QLatin1String("{y}"), QString::number(tile.y));
    return url;
}

void XyzTileSource::start(const TileId &tile)
{
    m_queue.append(tile);
    pump();
}

void XyzTileSource::pump()
{
    while (m_active < kMaxParallel && !m_queue.isEmpty()) {
        // Newest first: after a pan the tiles now in view matter more than the old ones.
        send(m_queue.takeLast(), false);
    }
}

void XyzTileSource::send(const TileId &tile, bool cacheOnly)
{
    QNetworkRequest request{QUrl(urlFor(tile))};
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         cacheOnly ? QNetworkRequest::AlwaysCache : QNetworkRequest::PreferCache);
    request.setTransferTimeout(15000);
    ++m_active;
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, tile, cacheOnly] { received(reply, tile, cacheOnly); });
}

void XyzTileSource::received(QNetworkReply *reply, const TileId &tile, bool cacheOnly)
{
    reply->deleteLater();
    --m_active;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError) {
        if (!cacheOnly && status == 0) {
            // No link: whatever the disk cache holds, even stale, beats an empty map.
            send(tile, true);
            return;
        }
        if (status == 404)
            finish(tile, QImage());
        else
            finish(tile, QImage(),
                   QStringLiteral("%1: %2").arg(urlFor(tile), reply->errorString()));
        pump();
        return;
    }
    const QByteArray bytes = reply->readAll();
    const QString url = urlFor(tile);
    runJob(tile, [bytes, url]() -> JobResult {
        QImage image = QImage::fromData(bytes);
        if (image.isNull())
            return {QImage(), QStringLiteral("%1: not a readable image").arg(url)};
        return {image.convertToFormat(QImage::Format_ARGB32_Premultiplied), {}};
    });
    pump();
}

} // namespace tlr
