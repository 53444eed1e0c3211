#pragma once

#include "GeoPoint.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace tlr::feedsim {

// A BMKG-style "Peringatan Dini Cuaca" (weather early warning) as a CAP 1.2 document with an
// Indonesian and an English info block, written the way BMKG's feed spells it.
struct CapWarning
{
    enum class MsgType { Unknown, Alert, Update, Cancel };

    QString identifier;
    qint64 sentMs = 0;
    MsgType msgType = MsgType::Alert;
    QStringList references; // "sender,identifier,sent" of the messages this one updates
    QString severity;       // Moderate, Severe, Extreme (CAP spelling)
    QString urgency;        // Immediate, Expected
    QString certainty;      // Likely, Observed
    qint64 onsetMs = 0;
    qint64 expiresMs = 0;
    QStringList kecamatan;   // the affected districts, for areaDesc
    QList<GeoPoint> polygon; // closed ring
    double rainMmh = 0;
    QString riverLevel; // Pintu Air 10: normal, waspada, siaga, awas
    int utcOffsetHours = 7;

    static QString sender() { return QStringLiteral("bmkg.go.id"); }
    QString toXml() const;
    // The CAP dateTime form: local time with its offset, never "Z" (CAP 1.2 §3.3.2).
    static QString capTime(qint64 ms, int utcOffsetHours);
};

} // namespace tlr::feedsim
