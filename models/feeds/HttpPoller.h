#pragma once

#include "FeedSource.h"

#include <QHash>
#include <QNetworkAccessManager>
#include <QSet>
#include <QTimer>

namespace tlr {

// An HTTP feed: polls a URL, conditionally (ETag / If-Modified-Since) so an unchanged
// document costs a 304. The URL may be a document itself (CAP, NGSI-LD, GeoJSON) or an RSS or
// Atom index of CAP documents, as warning services publish them; each linked document is
// fetched once. Documents count as messages; an index does not.
class HttpPoller : public FeedSource
{
    Q_OBJECT
public:
    HttpPoller(FeedConfig config, FeedSink *sink, QObject *parent = nullptr);

    void start() override;
    void stop() override;

    // Links followed at most per poll: an index listing ten thousand documents is a fault.
    static constexpr int kMaxLinksPerIndex = 500;
    static constexpr int kMaxParallelRequests = 4;
    static constexpr qint64 kMaxDocumentBytes = 8 * 1024 * 1024;

signals:
    void pollFinished(); // after the index and every document it linked were handled

protected:
    bool isConnected() const override { return m_reachable; }

private:
    struct Validators
    {
        QByteArray etag;
        QByteArray lastModified;
    };

    void poll();
    void get(const QUrl &url, bool isIndexCandidate);
    void pumpQueue();
    void handleReply(QNetworkReply *reply, bool isIndexCandidate);
    void finishOne();

    QNetworkAccessManager *m_network = nullptr;
    QTimer m_pollTimer;
    QHash<QUrl, Validators> m_validators;
    QSet<QUrl> m_fetchedDocuments;
    QList<QUrl> m_queue;
    QHash<QNetworkReply *, QString> m_sslProblems; // TLS errors said plainly, until the reply ends
    int m_inFlight = 0;
    bool m_reachable = false;
    bool m_running = false;
};

} // namespace tlr
