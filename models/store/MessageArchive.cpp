#include "MessageArchive.h"

#include <QtEndian>

#include <zstd.h>

#include <cstring>

namespace tlr {
namespace {

// Level 1: at the wall's peak rates compression runs beside every other write on the store's
// thread; higher levels gain little on JSON this repetitive.
constexpr int kCompressionLevel = 1;

template <typename T> char *putLittleEndian(char *to, T value)
{
    qToLittleEndian(value, to);
    return to + sizeof value;
}

// Reads the frames' layout back with every length checked against what is left.
class FrameReader
{
public:
    explicit FrameReader(const QByteArray &bytes) : m_bytes(bytes) {}

    bool atEnd() const { return m_offset == m_bytes.size(); }

    template <typename T> bool read(T &value)
    {
        if (m_bytes.size() - m_offset < qsizetype(sizeof(T)))
            return false;
        T le;
        std::memcpy(&le, m_bytes.constData() + m_offset, sizeof le);
        value = qFromLittleEndian(le);
        m_offset += sizeof le;
        return true;
    }

    bool read(QByteArray &value, qsizetype length)
    {
        if (length < 0 || m_bytes.size() - m_offset < length)
            return false;
        value = m_bytes.mid(m_offset, length);
        m_offset += length;
        return true;
    }

private:
    const QByteArray &m_bytes;
    qsizetype m_offset = 0;
};

} // namespace

void MessageArchive::add(const StoredMessage &message, bool keepBytes)
{
    const qint64 receivedAtMs = message.receivedAt.toMSecsSinceEpoch();
    if (m_count == 0) {
        m_firstSeq = m_lastSeq = message.seq;
        m_firstReceivedAtMs = m_lastReceivedAtMs = receivedAtMs;
    } else {
        m_firstSeq = std::min(m_firstSeq, message.seq);
        m_lastSeq = std::max(m_lastSeq, message.seq);
        m_firstReceivedAtMs = std::min(m_firstReceivedAtMs, receivedAtMs);
        m_lastReceivedAtMs = std::max(m_lastReceivedAtMs, receivedAtMs);
    }
    ++m_count;

    if (message.format != m_format || m_formatKey.isNull()) {
        m_format = message.format;
        m_formatKey = payloadFormatKey(message.format).toLatin1();
    }
    const QByteArray &bytes = keepBytes ? message.bytes : QByteArray();
    // Written straight into the buffer: an append per field was a third of the archive's cost.
    const qsizetype at = m_frames.size();
    m_frames.resize(at + 8 + 8 + 1 + m_formatKey.size() + 4 + bytes.size());
    char *to = m_frames.data() + at;
    to = putLittleEndian<qint64>(to, message.seq);
    to = putLittleEndian<qint64>(to, receivedAtMs);
    to = putLittleEndian<quint8>(to, quint8(m_formatKey.size()));
    std::memcpy(to, m_formatKey.constData(), size_t(m_formatKey.size()));
    to += m_formatKey.size();
    to = putLittleEndian<quint32>(to, quint32(bytes.size()));
    if (!bytes.isEmpty())
        std::memcpy(to, bytes.constData(), size_t(bytes.size()));
}

void MessageArchive::clear()
{
    m_frames.resize(0); // unlike clear(), keeps the allocation for the next batch
    m_count = 0;
    m_firstSeq = m_lastSeq = -1;
    m_firstReceivedAtMs = m_lastReceivedAtMs = 0;
}

MessageArchive::Compressor::Compressor()
    : m_context(ZSTD_createCCtx())
{
}

MessageArchive::Compressor::~Compressor() = default;

void MessageArchive::Compressor::FreeContext::operator()(ZSTD_CCtx_s *context) const
{
    ZSTD_freeCCtx(context);
}

QByteArray MessageArchive::Compressor::compress(const QByteArray &frames)
{
    if (!m_context)
        return {}; // zstd could not allocate its context
    const auto bound = qsizetype(ZSTD_compressBound(size_t(frames.size())));
    if (m_output.size() < bound)
        m_output.resize(bound);
    const size_t written =
        ZSTD_compressCCtx(m_context.get(), m_output.data(), size_t(m_output.size()),
                          frames.constData(), size_t(frames.size()), kCompressionLevel);
    if (ZSTD_isError(written))
        return {}; // only when the output is too small, which compressBound rules out
    return QByteArray(m_output.constData(), qsizetype(written));
}

std::optional<QList<MessageArchive::Frame>>
MessageArchive::decompress(const QByteArray &blob, QString *error, qsizetype maxBytes)
{
    const auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const unsigned long long size = ZSTD_getFrameContentSize(blob.constData(), size_t(blob.size()));
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN)
        return fail(QStringLiteral("the archive is not a zstd frame of known size"));
    if (size > (unsigned long long)maxBytes)
        return fail(QStringLiteral("the archive would unpack to %1 bytes, over the limit of %2")
                        .arg(size)
                        .arg(maxBytes));
    QByteArray frames(qsizetype(size), Qt::Uninitialized);
    const size_t read =
        ZSTD_decompress(frames.data(), size_t(frames.size()), blob.constData(), size_t(blob.size()));
    if (ZSTD_isError(read) || read != size)
        return fail(QStringLiteral("the archive is damaged: %1")
                        .arg(QString::fromLatin1(ZSTD_getErrorName(read))));

    QList<Frame> result;
    FrameReader reader(frames);
    while (!reader.atEnd()) {
        Frame frame;
        quint8 formatLength = 0;
        quint32 length = 0;
        QByteArray format;
        if (!reader.read(frame.seq) || !reader.read(frame.receivedAtMs) ||
            !reader.read(formatLength) || !reader.read(format, formatLength) ||
            !reader.read(length) || !reader.read(frame.bytes, qsizetype(length)))
            return fail(QStringLiteral("the archive's frame %1 is cut short").arg(result.size()));
        frame.format =
            payloadFormatFromKey(QString::fromLatin1(format)).value_or(PayloadFormat::Unknown);
        result.append(std::move(frame));
    }
    return result;
}

} // namespace tlr
