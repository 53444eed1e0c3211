#pragma once

#include "StoredMessage.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

struct ZSTD_CCtx_s;

namespace tlr {

// The raw frames of one feed from one write batch, packed into a single zstd-compressed blob.
// A row per frame with its bytes was half of the store's cost at a few thousand frames a
// second; frames of one feed are alike, so a batch compresses about tenfold and is written as
// one row. A frame whose bytes must not be kept (a caller's name and number) is archived with
// its number and time but without its bytes.
class MessageArchive
{
public:
    struct Frame
    {
        qint64 seq = -1;
        qint64 receivedAtMs = 0;
        PayloadFormat format = PayloadFormat::Unknown;
        QByteArray bytes; // empty when the bytes were not kept
    };

    static constexpr const char *kEncoding = "tlr-frames-1+zstd";

    // Compresses archive after archive with one zstd context and one output buffer. A context
    // made per archive (ZSTD_compress) is half a megabyte allocated and freed about ten times a
    // second at a storm's rate; those blocks left the store thread's heap fragmented, holding
    // tens of megabytes it no longer used. One compressor per thread: it is not thread-safe.
    class Compressor
    {
    public:
        Compressor();
        ~Compressor();
        Compressor(const Compressor &) = delete;
        Compressor &operator=(const Compressor &) = delete;

        // The compressed blob of `frames`, sized to what it holds; empty when zstd failed.
        QByteArray compress(const QByteArray &frames);

    private:
        struct FreeContext
        {
            void operator()(ZSTD_CCtx_s *context) const;
        };
        std::unique_ptr<ZSTD_CCtx_s, FreeContext> m_context;
        QByteArray m_output; // grows to the largest batch's bound, then stays
    };

    void add(const StoredMessage &message, bool keepBytes);
    bool isEmpty() const { return m_count == 0; }
    int count() const { return m_count; }
    qint64 firstSeq() const { return m_firstSeq; }
    qint64 lastSeq() const { return m_lastSeq; }
    qint64 firstReceivedAtMs() const { return m_firstReceivedAtMs; }
    qint64 lastReceivedAtMs() const { return m_lastReceivedAtMs; }
    void clear();

    // The compressed blob of every frame added since the last clear().
    QByteArray compressed(Compressor &compressor) const { return compressor.compress(m_frames); }

    // Unpacks a blob written by compressed(); nullopt with `error` set when it is damaged or
    // would unpack to more than `maxBytes`.
    static std::optional<QList<Frame>> decompress(const QByteArray &blob, QString *error,
                                                  qsizetype maxBytes = 512 * 1024 * 1024);

private:
    QByteArray m_frames; // uncompressed: per frame seq, time, format, length, bytes
    PayloadFormat m_format = PayloadFormat::Unknown; // the last frame's, and its key
    QByteArray m_formatKey;
    int m_count = 0;
    qint64 m_firstSeq = -1;
    qint64 m_lastSeq = -1;
    qint64 m_firstReceivedAtMs = 0;
    qint64 m_lastReceivedAtMs = 0;
};

} // namespace tlr
