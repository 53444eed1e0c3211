#include "map/XyzTileSource.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>

#include <catch2/catch.hpp>

using namespace tlr;

namespace {

// A tile server on localhost: answers every GET with a green PNG after 50 ms, and records
// the User-Agent and how many requests were open at once.
class TileServer : public QObject
{
public:
    TileServer()
    {
        QImage png(256, 256, QImage::Format_RGB32);
        png.fill(QColor(0x20, 0xa0, 0x40));
        QBuffer buffer(&m_png);
        buffer.open(QIODevice::WriteOnly);
        png.save(&buffer, "PNG");
        REQUIRE(m_server.listen(QHostAddress::LocalHost));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    void stop() { m_server.close(); }

    QByteArray userAgent;
    int open = 0;
    int peak = 0;
    int served = 0;

private:
    void serve(QTcpSocket *socket)
    {
        const QByteArray request = socket->readAll();
        for (const QByteArray &line : request.split('\n')) {
            if (line.toLower().startsWith("user-agent:"))
                userAgent = line.mid(11).trimmed();
        }
        ++open;
        peak = std::max(peak, open);
        QTimer::singleShot(50, socket, [this, socket] {
            --open;
            ++served;
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n"
                          "Cache-Control: max-age=86400\r\nContent-Length: " +
                          QByteArray::number(m_png.size()) + "\r\n\r\n" + m_png);
        });
    }

    QTcpServer m_server;
    QByteArray m_png;
};

} // namespace

TEST_CASE("XYZ tiles: a proper User-Agent, at most 4 at once, and the disk cache when offline")
{
    QTemporaryDir cache;
    TileServer server;
    const QString url =
        QStringLiteral("http://127.0.0.1:%1/tiles/{z}/{x}/{y}.png").arg(server.port());
    int ready = 0;
    int failed = 0;
    {
        XyzTileSource source(url, cache.path());
        QObject::connect(&source, &TileSource::tileReady,
                         [&](const TileId &, const QImage &image) {
                             ready += QColor(image.pixel(5, 5)) == QColor(0x20, 0xa0, 0x40);
                         });
        for (int x = 0; x < 12; ++x)
            source.request(TileId{13, 6522 + x, 4236});
        QElapsedTimer clock;
        clock.start();
        while (ready < 12 && clock.elapsed() < 15000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    CHECK(ready == 12);
    CHECK(server.served == 12);
    CHECK(server.peak <= XyzTileSource::kMaxParallel);
    CHECK(server.peak >= 2); // they do run in parallel
    CHECK(server.userAgent.startsWith("TangerangLiveRoom/"));

    // The link goes down: tiles seen before come from the disk cache, others fail.
    server.stop();
    ready = 0;
    XyzTileSource offline(url, cache.path());
    QObject::connect(&offline, &TileSource::tileReady,
                     [&](const TileId &, const QImage &) { ++ready; });
    QObject::connect(&offline, &TileSource::tileFailed,
                     [&](const TileId &, const QString &) { ++failed; });
    offline.request(TileId{13, 6522, 4236});
    offline.request(TileId{13, 6522, 4237}); // never fetched
    QElapsedTimer clock;
    clock.start();
    while (ready + failed < 2 && clock.elapsed() < 15000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    CHECK(ready == 1);
    CHECK(failed == 1);
}
