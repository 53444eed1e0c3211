#pragma once

#include "audit/AuditEntry.h"
#include "incidents/Incident.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace tlr {

// A LAKSA complaint as the handover report needs it: no reporter, only what and where.
struct ComplaintRecord
{
    QString id;
    QDateTime receivedAt; // UTC
    QString category;
    QString kecamatan;
};

// What the handover report is built from, read from the store (HandoverStoreReader) or handed
// over by a test: the audit log from the start of the wall's run that was going at the window's
// start (alerts live only as long as a run, and their story is in the log), the incidents open
// or changed since the window's start, and the complaints whose 7 × 24 h fell in or before it.
struct HandoverSources
{
    QList<AuditEntry> audit; // by seq
    QList<Incident> incidents;
    QList<ComplaintRecord> complaints; // received before `to` − 7 × 24 h, oldest first
};

} // namespace tlr
