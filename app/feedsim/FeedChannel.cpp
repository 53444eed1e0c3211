#include "FeedChannel.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace tlr::feedsim {
namespace {

constexpr int kDuplicateWindow = 20;

// Replaces the first "coordinates" array found (depth first, keys in order) with a position
// off the globe. Returns false when the value has no coordinates.
bool breakCoordinates(QJsonValue &value)
{
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() == QLatin1String("coordinates")) {
                *it = QJsonArray{206.63, -96.17};
                value = object;
                return true;
            }
            QJsonValue child = it.value();
            if (breakCoordinates(child)) {
                *it = child;
                value = object;
                return true;
            }
        }
    } else if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            QJsonValue child = array.at(i);
            if (breakCoordinates(child)) {
                array.replace(i, child);
                value = array;
                return true;
            }
        }
    }
    return false;
}

// Takes away what names the payload: an entity's or report's "id", a collection's features.
bool removeIdentity(QJsonValue &value)
{
    QJsonObject object = value.toObject();
    if (object.contains(QLatin1String("features"))) {
        object.insert(QStringLiteral("features"), QStringLiteral("none"));
    } else if (object.contains(QLatin1String("id"))) {
        object.remove(QStringLiteral("id"));
    } else {
        return false;
    }
    value = object;
    return true;
}

} // namespace

FeedChannel::FeedChannel(FeedId feed, const Options &options, quint64 seed)
    : m_feed(feed)
    , m_options(options)
    , m_rng(seed)
{
}

QByteArray FeedChannel::envelope(FeedId feed, qint64 seq, qint64 simMs, PayloadFormat format,
                                 const QJsonValue &payload)
{
    QJsonObject object{
        {QStringLiteral("feed"), feedIdKey(feed)},
        {QStringLiteral("seq"), seq},
        {QStringLiteral("sent"),
         QDateTime::fromMSecsSinceEpoch(simMs, Qt::UTC).toString(Qt::ISODateWithMs)},
        {QStringLiteral("format"), payloadFormatKey(format)},
        {QStringLiteral("payload"), payload.isUndefined() ? QJsonValue(QJsonObject()) : payload}};
    QByteArray bytes = QJsonDocument(object).toJson(QJsonDocument::Compact);
    bytes.squeeze(); // the history keeps up to 100,000 of these per feed
    return bytes;
}

QJsonValue FeedChannel::corruptPayload(const QJsonValue &payload, PayloadFormat format)
{
    if (format == PayloadFormat::Cap) {
        // XML cut off mid-document: the envelope is fine, the CAP parser must refuse it.
        const QString xml = payload.toString();
        return xml.left(xml.size() / 2);
    }
    // Each corruption spoils the message as a whole, so that a receiver's rejections can be
    // counted against ours: the entity's position off the globe, its identity gone, or no
    // object at all. (A report's position is optional, so a report loses its identity instead.)
    QJsonValue broken = payload;
    switch (m_rng.index(3)) {
    case 0:
        if (format == PayloadFormat::NgsiLd && breakCoordinates(broken))
            return broken;
        [[fallthrough]];
    case 1:
        if (removeIdentity(broken))
            return broken;
        [[fallthrough]];
    default:
        return QJsonValue(42);
    }
}

QList<Frame> FeedChannel::publish(const SimMessage &message, qint64 realMs)
{
    Frame frame;
    frame.seq = ++m_seq;
    ++m_stats.sent;
    QJsonValue payload = message.payload;
    const bool corrupt = m_options.malformed > 0 && m_rng.chance(m_options.malformed);
    bool truncate = false;
    if (corrupt) {
        ++m_stats.malformed;
        // A third of the corrupt frames lose their envelope too.
        truncate = m_rng.index(3) == 0;
        if (!truncate)
            payload = corruptPayload(payload, message.format);
    }
    frame.bytes = envelope(m_feed, frame.seq, message.simTimeMs, message.format, payload);
    if (truncate) {
        frame.bytes.truncate(qsizetype(double(frame.bytes.size()) * m_rng.uniform(0.3, 0.9)));
        frame.bytes.squeeze();
        frame.truncated = true;
    }

    QList<Frame> out;
    if (!m_held && m_options.reorder > 0 && m_rng.chance(m_options.reorder)) {
        m_held = frame;
    } else {
        out.append(frame);
    }
    out = release(out, realMs);

    if (m_options.duplicate > 0 && m_rng.chance(m_options.duplicate)) {
        // An earlier data frame, as the agency's gateway would resend it after a timeout.
        QList<const Frame *> recent;
        for (auto it = m_history.rbegin();
             it != m_history.rend() && recent.size() < kDuplicateWindow; ++it) {
            if (!it->frame.heartbeat && !it->frame.truncated)
                recent.append(&it->frame);
        }
        if (!recent.isEmpty()) {
            out.append(*recent.at(m_rng.index(int(recent.size()))));
            ++m_stats.duplicates;
        }
    }
    return out;
}

QList<Frame> FeedChannel::heartbeat(qint64 simMs, qint64 realMs)
{
    Frame frame;
    frame.seq = ++m_seq;
    frame.heartbeat = true;
    frame.bytes = envelope(m_feed, frame.seq, simMs, PayloadFormat::Heartbeat, QJsonObject());
    ++m_stats.heartbeats;
    return release({frame}, realMs);
}

QList<Frame> FeedChannel::flush(qint64 realMs)
{
    // Nothing overtook it: it goes out late but in order, and is not counted as reordered.
    QList<Frame> out;
    if (m_held) {
        out.append(*m_held);
        m_held.reset();
    }
    for (const auto &frame : std::as_const(out))
        remember(frame, realMs);
    return out;
}

QList<Frame> FeedChannel::release(QList<Frame> out, qint64 realMs)
{
    // A held frame goes out right after the frame that overtook it.
    if (m_held && !out.isEmpty()) {
        out.insert(1, *m_held);
        m_held.reset();
        ++m_stats.reordered;
    }
    for (const auto &frame : std::as_const(out))
        remember(frame, realMs);
    return out;
}

void FeedChannel::remember(const Frame &frame, qint64 realMs)
{
    const auto later =
        std::upper_bound(m_history.begin(), m_history.end(), frame.seq,
                         [](qint64 seq, const Stored &s) { return seq < s.frame.seq; });
    m_history.insert(later, Stored{frame, realMs});
    m_historyBytes += frame.bytes.size();
    while (qsizetype(m_history.size()) > m_options.historyLimit ||
           m_historyBytes > m_options.historyMaxBytes ||
           (!m_history.empty() && m_history.front().realMs < realMs - m_options.historyMaxAgeMs)) {
        m_historyBytes -= m_history.front().frame.bytes.size();
        m_history.pop_front();
    }
}

QList<Frame> FeedChannel::replaySince(qint64 since)
{
    QList<Frame> frames;
    auto it = std::upper_bound(m_history.begin(), m_history.end(), since,
                               [](qint64 seq, const Stored &s) { return seq < s.frame.seq; });
    for (; it != m_history.end(); ++it)
        frames.append(it->frame);
    m_stats.replayed += frames.size();
    return frames;
}

} // namespace tlr::feedsim
