#pragma once

#include "audit/AuditRecorder.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace tlr {

// One row of the audit log as stored and chained. hash = SHA-256 over canonicalBytes(), which
// covers every other field including prevHash, the hash of the entry before (docs/audit.md).
struct AuditEntry
{
    qint64 seq = 0;       // 1, 2, 3, … without gaps
    qint64 atMsecs = 0;   // UTC milliseconds since the epoch
    QString actor;
    QString role;         // roleKey()
    QString action;
    QString subject;
    QString note;
    QByteArray prevHash;  // lower-case hex; the genesis hash for seq 1
    QByteArray hash;      // lower-case hex

    // "tlr-audit-v1\n", then per field in the order above: name ':' byte-length ':' UTF-8 '\n'.
    QByteArray canonicalBytes() const;
    QByteArray computeHash() const;

    static QByteArray genesisHash(); // 64 zeros: what seq 1 links to
    static AuditEntry chained(const AuditAction &action, qint64 seq, const QByteArray &prevHash);
};

} // namespace tlr
