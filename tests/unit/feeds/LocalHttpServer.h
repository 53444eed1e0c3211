#pragma once

#include <QHash>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

namespace tlr::test {

// Just enough HTTP/1.1 on loopback to test polling: GET of fixed documents, ETag validation
// answered with 304, and a count of what was asked.
class LocalHttpServer : public QObject
{
public:
    LocalHttpServer()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { serve(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
    }
    void setDocument(const QString &path, const QByteArray &body) { m_documents.insert(path, body); }
    int requests(const QString &path) const { return m_requests.value(path); }
    int notModified() const { return m_notModified; }

private:
    void serve(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        buffer.remove(0, end + 4);
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        const QString path = QString::fromLatin1(requestLine.value(1));
        QByteArray ifNoneMatch;
        for (const QByteArray &line : lines) {
            if (line.toLower().startsWith("if-none-match:"))
                ifNoneMatch = line.mid(14).trimmed();
        }
        ++m_requests[path];
        QByteArray response;
        if (!m_documents.contains(path)) {
            response = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
        } else {
            const QByteArray body = m_documents.value(path);
            const QByteArray etag = '"' + QByteArray::number(qHash(body), 16) + '"';
            if (ifNoneMatch == etag) {
                ++m_notModified;
                response = "HTTP/1.1 304 Not Modified\r\nETag: " + etag + "\r\nContent-Length: 0\r\n\r\n";
            } else {
                response = "HTTP/1.1 200 OK\r\nETag: " + etag + "\r\nContent-Length: "
                           + QByteArray::number(body.size()) + "\r\n\r\n" + body;
            }
        }
        socket->write(response);
    }

    QTcpServer m_server;
    QHash<QString, QByteArray> m_documents;
    QHash<QString, int> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    int m_notModified = 0;
};

} // namespace tlr::test
