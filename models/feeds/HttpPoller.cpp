#include "HttpPoller.h"

#include "parsing/FeedIndexParser.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QNetworkReply>

Q_LOGGING_CATEGORY(lcHttp, "tlr.feeds.http")

namespace tlr {

HttpPoller::HttpPoller(FeedConfig config, FeedSink *sink, QObject *parent)
    : FeedSource(std::move(config), sink, parent)
{
    m_pollTimer.setInterval(this->config().pollSeconds * 1000);
    connect(&m_pollTimer, &QTimer::timeout, this, &HttpPoller::poll);
}

void HttpPoller::start()
{
    m_running = true;
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    m_pollTimer.start();
    poll();
}

void HttpPoller::stop()
{
    m_running = false;
    m_pollTimer.stop();
    m_queue.clear();
}

void HttpPoller::poll()
{
    if (!m_running || m_inFlight > 0)
        return; // the previous poll is still working through its documents
    get(config().url, true);
}

void HttpPoller::get(const QUrl &url, bool isIndexCandidate)
{
    const auto ssl = sslConfiguration();
    if (!ssl)
        return;
    QNetworkRequest request(url);
    request.setSslConfiguration(*ssl);
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QStringLiteral("tlr-wall/%1 (Tangerang Live Room)").arg(QCoreApplication::applicationVersion()));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setTransferTimeout(30000);
    const Validators validators = m_validators.value(url);
    if (!validators.etag.isEmpty())
        request.setRawHeader("If-None-Match", validators.etag);
    if (!validators.lastModified.isEmpty())
        request.setRawHeader("If-Modified-Since", validators.lastModified);
    if (!config().tokenEnv.isEmpty()) {
        const QByteArray token = qgetenv(config().tokenEnv.toUtf8().constData());
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
    }
    ++m_inFlight;
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::downloadProgress, this, [reply](qint64 received, qint64) {
        if (received > kMaxDocumentBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, isIndexCandidate] {
        reply->deleteLater();
        handleReply(reply, isIndexCandidate);
        finishOne();
    });
}

void HttpPoller::pumpQueue()
{
    while (m_running && !m_queue.isEmpty() && m_inFlight < kMaxParallelRequests)
        get(m_queue.takeFirst(), false);
}

void HttpPoller::finishOne()
{
    --m_inFlight;
    pumpQueue();
    if (m_inFlight == 0 && m_queue.isEmpty())
        emit pollFinished();
}

void HttpPoller::handleReply(QNetworkReply *reply, bool isIndexCandidate)
{
    const QUrl url = reply->request().url();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError) {
        if (isIndexCandidate)
            m_reachable = false;
        ingestor().status().lastError = QStringLiteral("%1: %2").arg(url.toDisplayString(), reply->errorString());
        qCWarning(lcHttp).noquote() << config().id << ingestor().status().lastError;
        return;
    }
    if (isIndexCandidate)
        m_reachable = true;
    ingestor().status().lastMessageAt = now;
    if (status == 304)
        return;
    Validators validators;
    validators.etag = reply->rawHeader("ETag");
    validators.lastModified = reply->rawHeader("Last-Modified");
    m_validators.insert(url, validators);

    const QByteArray body = reply->readAll();
    if (isIndexCandidate) {
        if (const auto links = FeedIndexParser::links(body, url)) {
            int queued = 0;
            for (const QUrl &link : *links) {
                if (m_fetchedDocuments.contains(link) || m_queue.contains(link))
                    continue;
                if (++queued > kMaxLinksPerIndex) {
                    qCWarning(lcHttp).noquote() << config().id << "index links more than" << kMaxLinksPerIndex
                                                << "new documents; the rest wait for the next poll";
                    break;
                }
                m_queue.append(link);
            }
            return;
        }
    } else {
        m_fetchedDocuments.insert(url);
    }
    const FeedIngestor::Outcome outcome = ingestor().ingestDocument(body, now);
    if (outcome == FeedIngestor::Outcome::Accepted || outcome == FeedIngestor::Outcome::Rejected)
        noteReceived(now);
}

} // namespace tlr
