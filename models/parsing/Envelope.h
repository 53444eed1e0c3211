#pragma once

#include <QDateTime>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace tlr {

// The format a feed message carries, as the envelope's "format" names it (docs/wire.md).
enum class PayloadFormat { Unknown, NgsiLd, Cap, GeoJson, TlrReport, Heartbeat };

QString payloadFormatKey(PayloadFormat format);
std::optional<PayloadFormat> payloadFormatFromKey(QStringView key);

// Our wire envelope around a standard payload. The payload stays a QJsonValue (for CAP, a
// string holding the XML) so that the bytes are parsed once.
struct Envelope
{
    QString feed;
    qint64 seq = -1;
    QDateTime sent; // UTC
    PayloadFormat format = PayloadFormat::Unknown;
    QJsonValue payload;
    // The envelope parser counted the nesting on the raw bytes: the payload is within the
    // limit, and the parsers need not walk the tree again to know it.
    bool payloadNestingChecked = false;
};

} // namespace tlr
