#include "AuditTable.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace tlr {
namespace {

QString describe(const QSqlError &error)
{
    return error.databaseText().isEmpty() ? error.text() : error.databaseText();
}

// Qt binds a null QString as SQL NULL; the columns hold text, empty or not.
QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

} // namespace

AuditTable::AuditTable(const QSqlDatabase &db)
    : m_db(db)
{
}

StoreReply<AuditHead> AuditTable::head() const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")))
        return {{}, QStringLiteral("audit log: %1").arg(describe(query.lastError()))};
    if (!query.next())
        return {};
    return {{query.value(0).toLongLong(), query.value(1).toString().toLatin1()}, {}};
}

StoreReply<AuditHead> AuditTable::append(const QList<AuditAction> &actions)
{
    StoreReply<AuditHead> head = this->head();
    if (!head.ok())
        return head;
    QSqlQuery insert(m_db);
    if (!insert.prepare(QStringLiteral(
            "INSERT INTO audit_log (seq, at, actor, role, action, subject, note, prev_hash, hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"))) {
        return {head.value, QStringLiteral("audit log: %1").arg(describe(insert.lastError()))};
    }
    for (const AuditAction &action : actions) {
        const AuditEntry entry = AuditEntry::chained(action, head.value.seq + 1, head.value.hash);
        for (const QVariant &value :
             {QVariant(entry.seq), QVariant(entry.atMsecs), text(entry.actor),
              text(entry.role), text(entry.action), text(entry.subject), text(entry.note),
              QVariant(QString::fromLatin1(entry.prevHash)),
              QVariant(QString::fromLatin1(entry.hash))}) {
            insert.addBindValue(value);
        }
        if (!insert.exec()) {
            return {head.value, QStringLiteral("audit log: entry %1 not written: %2")
                                    .arg(entry.seq)
                                    .arg(describe(insert.lastError()))};
        }
        head.value = {entry.seq, entry.hash};
    }
    return head;
}

} // namespace tlr
