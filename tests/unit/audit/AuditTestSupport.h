#pragma once

#include "StoreTestSupport.h"

#include "audit/AuditLog.h"

#include <QCryptographicHash>

namespace tlr::test {

// An event store on a fresh file with the audit log on top, as the wall wires them.
struct AuditedStore
{
    explicit AuditedStore(const QString &path)
    {
        REQUIRE(store.open(optionsFor(path)).isEmpty());
        audit = std::make_unique<AuditLog>(&store);
    }
    ~AuditedStore()
    {
        audit.reset(); // before the store, whose thread it writes on
    }

    EventStore store;
    std::unique_ptr<AuditLog> audit;
};

inline AuditAction action(const QString &what, const QString &subject, const QString &note = {},
                          const Actor &actor = Actor::system())
{
    return {QDateTime::currentDateTimeUtc(), actor, what, subject, note};
}

inline QByteArray sha256OfFile(const QString &path)
{
    return QCryptographicHash::hash(fileBytes(path), QCryptographicHash::Sha256).toHex();
}

// Plain SQL, as an intruder with the file would: the append-only triggers go first.
inline void dropAppendOnlyTriggers(const SqlProbe &probe)
{
    REQUIRE(probe.exec(QStringLiteral("DROP TRIGGER audit_log_no_update")));
    REQUIRE(probe.exec(QStringLiteral("DROP TRIGGER audit_log_no_delete")));
}

} // namespace tlr::test
