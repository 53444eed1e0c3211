#include "AuditEntry.h"

#include "access/RoleKey.h"

#include <QCryptographicHash>

namespace tlr {
namespace {

void appendField(QByteArray &out, const char *name, const QByteArray &value)
{
    out += name;
    out += ':';
    out += QByteArray::number(value.size());
    out += ':';
    out += value;
    out += '\n';
}

} // namespace

QByteArray AuditEntry::canonicalBytes() const
{
    // Length-prefixed rather than delimited: a note may hold any character, newlines included,
    // and still cannot be read as the start of the next field.
    QByteArray out("tlr-audit-v1\n");
    appendField(out, "seq", QByteArray::number(seq));
    appendField(out, "at", QByteArray::number(atMsecs));
    appendField(out, "actor", actor.toUtf8());
    appendField(out, "role", role.toUtf8());
    appendField(out, "action", action.toUtf8());
    appendField(out, "subject", subject.toUtf8());
    appendField(out, "note", note.toUtf8());
    appendField(out, "prev_hash", prevHash);
    return out;
}

QByteArray AuditEntry::computeHash() const
{
    return QCryptographicHash::hash(canonicalBytes(), QCryptographicHash::Sha256).toHex();
}

QByteArray AuditEntry::genesisHash()
{
    return QByteArray(64, '0');
}

AuditEntry AuditEntry::chained(const AuditAction &action, qint64 seq, const QByteArray &prevHash)
{
    AuditEntry entry;
    entry.seq = seq;
    const QDateTime at = action.at.isValid() ? action.at : QDateTime::currentDateTimeUtc();
    entry.atMsecs = at.toMSecsSinceEpoch();
    entry.actor = action.actor.name;
    entry.role = roleKey(action.actor.role);
    entry.action = action.action;
    entry.subject = action.subject;
    entry.note = action.note;
    entry.prevHash = prevHash;
    entry.hash = entry.computeHash();
    return entry;
}

} // namespace tlr
