#pragma once

#include "domain/DomainEvent.h"
#include "domain/PersonalDetails.h"
#include "parsing/Envelope.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace tlr {

// One wire message as it was received, kept raw so that an operator can see exactly what a feed
// sent, beside the normalized events it produced.
struct StoredMessage
{
    QString feed;
    qint64 seq = -1;      // -1 when the message had no readable envelope
    QDateTime receivedAt; // UTC; the store stamps "now" when it is invalid
    PayloadFormat format = PayloadFormat::Unknown;
    QByteArray bytes;
    QList<DomainEvent> events; // empty when rejected
    // Reporters' names and numbers for the reports among the events; the store's alone.
    PersonalDetailsList personalDetails;
    QString rejectReason; // non-empty: the message goes to quarantine, not to the event tables

    bool isRejected() const { return !rejectReason.isEmpty(); }
};

} // namespace tlr
