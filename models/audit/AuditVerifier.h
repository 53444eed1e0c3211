#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace tlr {

// What tlr-wall --verify-audit found.
struct AuditVerification
{
    enum class Problem {
        None,
        Unreadable,     // no such file, not a database, no audit log, a failed query
        SeqGap,         // an entry is missing: seq does not follow the one before
        BrokenLink,     // prev_hash is not the hash of the entry before (reordered, replaced)
        HashMismatch,   // the stored fields do not give the stored hash (altered)
        BadField,       // a field that cannot have been written by the wall (not hex, NULL)
        AnchorMissing,  // the chain ends before the expected head: its tail was cut off
        AnchorMismatch, // the entry at the expected head's seq has another hash
    };

    Problem problem = Problem::None;
    qint64 entries = 0;  // entries that hold, from seq 1
    qint64 badSeq = 0;   // the first entry that does not, when there is one
    qint64 headSeq = 0;  // the last entry that holds
    QByteArray headHash; // its hash
    QString message;     // what is wrong, naming the entry

    bool ok() const { return problem == Problem::None; }
};

// The head a verification must reach, recorded somewhere an intruder in the database cannot
// also rewrite (the --stats file, the journal, a print-out): only an anchor shows that
// entries were deleted from the end of the chain.
struct AuditAnchor
{
    qint64 seq = 0;
    QByteArray hash; // lower-case hex

    // "SEQ:HASH", as the wall logs it and --stats writes it; nullopt when malformed.
    static std::optional<AuditAnchor> parse(const QString &text);
    QString toString() const;
};

// Walks the audit log from seq 1 to the end, recomputing every hash and link.
class AuditVerifier
{
public:
    // On an open connection, read only.
    static AuditVerification verify(const QSqlDatabase &db,
                                     const std::optional<AuditAnchor> &anchor = std::nullopt);
    // Opens the file read-only (never created, migrated or checkpointed) and verifies it.
    // A postgresql:// URL is verified on the shared database, by verifyShared().
    static AuditVerification verifyFile(const QString &path,
                                        const std::optional<AuditAnchor> &anchor = std::nullopt);
    // Connects read only (the server refuses writes from the session) and verifies the chain.
    static AuditVerification verifyShared(const QString &url,
                                          const std::optional<AuditAnchor> &anchor = std::nullopt);
};

} // namespace tlr
