#include "HttpPoller.h"

#include "domain/Redaction.h"
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
    // Read at every request: a token file or certificate put right is taken without a restart.
    const std::optional<FeedCredentials> credentials = this->credentials();
    if (!credentials) {
        if (isIndexCandidate)
            m_reachable = false;
        return;
    }
    QNetworkRequest request(url);
    request.setSslConfiguration(credentials->ssl);
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QStringLiteral("tlr-wall/%1 (Tangerang Live Room)").arg(QCoreApplication::applicationVersion()));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setTransferTimeout(30000);
    const Validators validators = m_validators.value(url);
    if (!validators.etag.isEmpty())
        request.setRawHeader("If-None-Match", validators.etag);
    if (!validators.lastModified.isEmpty())
        request.setRawHeader("If-Modified-Since", validators.lastModified);
    if (const QByteArray authorization = credentials->authorizationHeader(); !authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    ++m_inFlight;
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::downloadProgress, this, [reply](qint64 received, qint64) {
        if (received > kMaxDocumentBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
        m_sslProblems.insert(reply, FeedCredentials::describeSslErrors(errors, config()));
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
    const QString sslProblem = m_sslProblems.take(reply);
    if (reply->error() != QNetworkReply::NoError) {
        QString problem = !sslProblem.isEmpty() ? sslProblem : Redaction::text(reply->errorString());
        if (status == 401 || status == 403) {
            problem = QStringLiteral("refused by the server (HTTP %1)%2")
                          .arg(status)
                          .arg(config().tokenEnv.isEmpty() && config().tokenFile.isEmpty()
                                   ? QStringLiteral(": it may want token_env or token_file")
                                   : QStringLiteral(": the token was not accepted"));
        }
        const QString message = QStringLiteral("%1 (%2)").arg(problem, Redaction::url(url));
        // The feed's own URL failing for TLS or authorization: it cannot connect at all.
        const bool cannotConnect = isIndexCandidate
                                   && (!sslProblem.isEmpty() || status == 401 || status == 403
                                       || reply->error() == QNetworkReply::SslHandshakeFailedError);
        if (cannotConnect) {
            setConnectionError(message);
        } else {
            ingestor().status().lastError = message;
            qCWarning(lcHttp).noquote() << config().id << message;
        }
        if (isIndexCandidate)
            m_reachable = false;
        return;
    }
    if (isIndexCandidate)
        clearConnectionError();
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
