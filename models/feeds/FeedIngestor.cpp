#include "FeedIngestor.h"

#include "FeedSink.h"

#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcIngest, "tlr.feeds.ingest")

namespace tlr {
namespace {

ParseContext parseContext(const FeedConfig &config, const ParserLimits &limits)
{
    ParseContext context;
    context.feedId = config.id;
    context.kind = config.kind;
    context.limits = limits;
    return context;
}

} // namespace

FeedIngestor::FeedIngestor(FeedConfig config, FeedSink *sink, ParserLimits limits)
    : m_config(std::move(config))
    , m_sink(sink)
    , m_fastParser(parseContext(m_config, limits))
    , m_envelopeParser(limits)
    , m_payloadParser(parseContext(m_config, limits))
    , m_rate(m_config.maxMessagesPerSecond,
             double(m_config.maxMessagesPerSecond) * std::max(m_config.burstSeconds, 1))
{
    m_status.id = m_config.id;
    m_status.agency = m_config.agency;
    m_status.kind = m_config.kind;
    m_status.state = FeedStatus::State::Connecting;
}

FeedIngestor::Outcome FeedIngestor::ingestFrame(const QByteArray &frame, const QDateTime &receivedAt)
{
    m_status.lastMessageAt = receivedAt;
    std::optional<FastFrameParser::Frame> fast = m_fastParser.parse(frame);
    EnvelopeParser::Result read;
    if (!fast)
        read = m_envelopeParser.parse(frame);
    if (!fast && !read.envelope) {
        if (m_replayMayRepeatUnreadable) {
            m_replayMayRepeatUnreadable = false;
            ++m_status.duplicates;
            return Outcome::Duplicate;
        }
        m_unreadableAfterSeq = m_sequence.highest();
        ++m_status.received;
        return reject(frame, -1, PayloadFormat::Unknown, receivedAt,
                      QStringLiteral("envelope: ") + read.problem.toString());
    }
    const Envelope &envelope = fast ? fast->envelope : *read.envelope;
    m_replayMayRepeatUnreadable = false;
    if (envelope.seq > m_unreadableAfterSeq)
        m_unreadableAfterSeq = -1;
    if (envelope.feed != m_config.id) {
        ++m_status.received;
        return reject(frame, envelope.seq, envelope.format, receivedAt,
                      QStringLiteral("envelope: message of feed \"%1\" on the subscription of \"%2\"")
                          .arg(envelope.feed, m_config.id));
    }
    if (m_awaitingFirstOnConnection) {
        m_awaitingFirstOnConnection = false;
        if (envelope.seq < m_connectionSince) {
            qCInfo(lcIngest).noquote() << m_config.id << "restarted its numbering at" << envelope.seq
                                       << "(we had" << m_connectionSince << "): a new stream";
            m_sequence = SequenceTracker();
        }
    }
    if (m_seqOneStartsStream && envelope.seq == 1 && m_sequence.highest() > 1) {
        qCInfo(lcIngest).noquote() << m_config.id << "numbering began again at 1 (we had"
                                   << m_sequence.highest() << "): the publisher restarted, a new stream";
        m_sequence = SequenceTracker();
    }
    switch (m_sequence.accept(envelope.seq)) {
    case SequenceTracker::Verdict::Duplicate:
    case SequenceTracker::Verdict::TooOld:
        ++m_status.duplicates;
        return Outcome::Duplicate;
    case SequenceTracker::Verdict::New:
    case SequenceTracker::Verdict::FillsGap:
        break;
    }
    m_status.gaps = m_sequence.gapsOpened();
    m_status.gapsRecovered = m_sequence.gapsFilled();
    if (envelope.format == PayloadFormat::Heartbeat)
        return Outcome::Heartbeat;

    ++m_status.received;
    if (!admitAtRate(frame, envelope.seq, envelope.format, receivedAt))
        return Outcome::Rejected;
    if (m_config.format != PayloadFormat::Unknown && envelope.format != m_config.format) {
        return reject(frame, envelope.seq, envelope.format, receivedAt,
                      QStringLiteral("format: the feed is configured for %1, the message is %2")
                          .arg(payloadFormatKey(m_config.format), payloadFormatKey(envelope.format)));
    }
    ParseResult result = fast ? std::move(fast->result) : m_payloadParser.parse(envelope);
    if (result.isRejected()) {
        return reject(frame, envelope.seq, envelope.format, receivedAt,
                      payloadFormatKey(envelope.format) + QStringLiteral(": ") + result.firstError());
    }
    return accept(frame, envelope.seq, envelope.format, receivedAt, std::move(result));
}

void FeedIngestor::beginConnection()
{
    m_awaitingFirstOnConnection = true;
    m_connectionSince = m_sequence.resumeFrom();
    m_replayMayRepeatUnreadable = m_unreadableAfterSeq >= 0 && m_unreadableAfterSeq == m_connectionSince;
}

FeedIngestor::Outcome FeedIngestor::ingestDocument(const QByteArray &document, const QDateTime &receivedAt)
{
    m_status.lastMessageAt = receivedAt;
    ++m_status.received;
    const qint64 seq = m_documentSeq =
        std::max(m_documentSeq + 1, receivedAt.toMSecsSinceEpoch() * 1000);
    if (!admitAtRate(document, seq, m_config.format, receivedAt))
        return Outcome::Rejected;
    const PayloadFormat format = m_config.format != PayloadFormat::Unknown ? m_config.format
                                                                           : PayloadParser::detect(document);
    if (format == PayloadFormat::Unknown || format == PayloadFormat::Heartbeat) {
        return reject(document, seq, PayloadFormat::Unknown, receivedAt,
                      QStringLiteral("document: not CAP, NGSI-LD, GeoJSON or tlr.report"));
    }
    ParseResult result = m_payloadParser.parse(format, document);
    if (result.isRejected())
        return reject(document, seq, format, receivedAt, payloadFormatKey(format) + QStringLiteral(": ") + result.firstError());
    return accept(document, seq, format, receivedAt, std::move(result));
}

bool FeedIngestor::admitAtRate(const QByteArray &bytes, qint64 seq, PayloadFormat format,
                               const QDateTime &receivedAt)
{
    if (m_rate.admit(receivedAt)) {
        if (m_overRateRun > 0) {
            qCWarning(lcIngest).noquote()
                << m_config.id << "is back under its rate limit;" << m_overRateRun
                << "messages over it were rejected (kept in quarantine)";
            m_overRateRun = 0;
        }
        return true;
    }
    if (m_overRateRun++ == 0) {
        qCWarning(lcIngest).noquote()
            << m_config.id << "seq" << seq << "is over the limit of" << m_config.maxMessagesPerSecond
            << "messages a second: rejecting until the feed slows down";
    }
    ++m_status.rejected;
    ++m_status.overRate;
    m_status.lastError = QStringLiteral("rate: over %1 messages a second").arg(m_config.maxMessagesPerSecond);
    quarantine(bytes, seq, format, receivedAt, m_status.lastError);
    return false;
}

FeedIngestor::Outcome FeedIngestor::reject(const QByteArray &bytes, qint64 seq, PayloadFormat format,
                                           const QDateTime &receivedAt, const QString &reason)
{
    ++m_status.rejected;
    m_status.lastError = reason;
    qCWarning(lcIngest).noquote() << m_config.id << "seq" << seq << "rejected:" << reason;
    quarantine(bytes, seq, format, receivedAt, reason);
    return Outcome::Rejected;
}

void FeedIngestor::quarantine(const QByteArray &bytes, qint64 seq, PayloadFormat format,
                              const QDateTime &receivedAt, const QString &reason)
{
    StoredMessage message;
    message.feed = m_config.id;
    message.seq = seq;
    message.receivedAt = receivedAt;
    message.format = format;
    message.bytes = bytes;
    message.rejectReason = reason;
    m_sink->deliver(std::move(message));
}

FeedIngestor::Outcome FeedIngestor::accept(const QByteArray &bytes, qint64 seq, PayloadFormat format,
                                           const QDateTime &receivedAt, ParseResult &&result)
{
    ++m_status.accepted;
    if (!result.problems.isEmpty())
        ++m_status.partial;
    m_status.lastDataAt = receivedAt;
    for (const ParseProblem &problem : std::as_const(result.problems))
        qCInfo(lcIngest).noquote() << m_config.id << "seq" << seq << "kept, skipped a part:" << problem.toString();
    StoredMessage message;
    message.feed = m_config.id;
    message.seq = seq;
    message.receivedAt = receivedAt;
    message.format = format;
    message.bytes = bytes;
    message.events = std::move(result.events);
    message.personalDetails = std::move(result.personalDetails);
    m_sink->deliver(std::move(message));
    return Outcome::Accepted;
}

} // namespace tlr
