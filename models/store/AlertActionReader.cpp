#include "AlertActionReader.h"

#include "StoreLog.h"
#include "access/RoleKey.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <algorithm>
#include <limits>
#include <map>
#include <optional>

namespace tlr {
namespace {

struct Entry
{
    qint64 seq = 0;
    qint64 atMs = 0;
    QString actor;
    QString role;
    QString action;
    QString subject;
    QString note;
};

bool run(QSqlQuery &query, QString &error)
{
    if (query.exec())
        return true;
    const QSqlError e = query.lastError();
    error = e.databaseText().isEmpty() ? e.text() : e.databaseText();
    return false;
}

std::optional<AlertAction::Kind> personalKind(QStringView action)
{
    if (action == u"alert.acknowledged")
        return AlertAction::Kind::Acknowledged;
    if (action == u"alert.shelved")
        return AlertAction::Kind::Shelved;
    if (action == u"alert.unshelved")
        return AlertAction::Kind::Unshelved;
    return std::nullopt;
}

// "severe River level high [ngsi | river-1 | river-level-high]", from AlertEngine::raise.
bool readKey(const QString &raisedNote, AlertAction &action)
{
    const qsizetype open = raisedNote.lastIndexOf(QStringLiteral(" ["));
    const qsizetype close = raisedNote.lastIndexOf(u']');
    if (open < 0 || close < open)
        return false;
    const QStringList parts =
        raisedNote.mid(open + 2, close - open - 2).split(QStringLiteral(" | "));
    if (parts.size() != 3)
        return false;
    action.source = parts.at(0);
    action.resource = parts.at(1);
    action.event = parts.at(2);
    return true;
}

// "reason (until 2026-11-23T10:00:00Z)", from AlertEngine::shelve.
void readShelf(const QString &note, AlertAction &action)
{
    const qsizetype until = note.lastIndexOf(QStringLiteral(" (until "));
    if (until < 0 || !note.endsWith(u')')) {
        action.note = note;
        return;
    }
    action.note = note.left(until);
    const qsizetype start = until + 8;
    action.shelvedUntil =
        QDateTime::fromString(note.mid(start, note.size() - start - 1), Qt::ISODate).toUTC();
}

} // namespace

StoreReply<QList<AlertAction>> AlertActionReader::actions(const QDateTime &from,
                                                          const QDateTime &to, bool standing) const
{
    StoreReply<QList<AlertAction>> reply;
    const qint64 fromMs = from.toMSecsSinceEpoch();
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    // The acts, and what undoes them (a person's acts are few; closings are one per alert).
    query.prepare(QStringLiteral(
        "SELECT seq, at, actor, role, action, subject, note FROM audit_log "
        "WHERE at <= ? AND at > ? AND action IN ('alert.acknowledged', 'alert.shelved', "
        "'alert.unshelved', 'alert.shelve-expired', 'alert.reopened', 'alert.closed') "
        "ORDER BY seq"));
    query.addBindValue(to.toMSecsSinceEpoch());
    query.addBindValue(standing ? std::numeric_limits<qint64>::min() : fromMs);
    if (!run(query, reply.error))
        return reply;

    std::vector<Entry> acts;
    // Before `from`, by alert: its acknowledgement and its shelf still holding.
    QHash<QString, Entry> acknowledged;
    QHash<QString, Entry> shelved;
    while (query.next()) {
        Entry e{query.value(0).toLongLong(), query.value(1).toLongLong(),
                query.value(2).toString(),   query.value(3).toString(),
                query.value(4).toString(),   query.value(5).toString(),
                query.value(6).toString()};
        const auto kind = personalKind(e.action);
        if (e.atMs > fromMs) {
            if (kind)
                acts.push_back(std::move(e));
            continue;
        }
        if (e.action == u"alert.acknowledged") {
            acknowledged.insert(e.subject, e);
        } else if (e.action == u"alert.shelved") {
            shelved.insert(e.subject, e);
        } else if (e.action == u"alert.reopened") {
            acknowledged.remove(e.subject);
        } else if (e.action == u"alert.unshelved" || e.action == u"alert.shelve-expired") {
            shelved.remove(e.subject);
        } else if (e.action == u"alert.closed") {
            acknowledged.remove(e.subject);
            shelved.remove(e.subject);
        }
    }
    std::vector<Entry> holding;
    for (const auto *held : {&acknowledged, &shelved}) {
        for (const Entry &e : *held)
            holding.push_back(e);
    }
    std::sort(holding.begin(), holding.end(),
              [](const Entry &a, const Entry &b) { return a.seq < b.seq; });
    acts.insert(acts.begin(), holding.begin(), holding.end());
    if (acts.empty())
        return reply;

    // Each alert's key from its alert.raised entry, the latest before the act (a wall run
    // from before alerts were kept numbered from 1 again); alert_states when there is none.
    QStringList subjects;
    qint64 lastSeq = 0;
    for (const Entry &e : acts) {
        if (!subjects.contains(e.subject))
            subjects.append(e.subject);
        lastSeq = std::max(lastSeq, e.seq);
    }
    QHash<QString, std::map<qint64, QString>> raised; // subject → seq → note
    constexpr qsizetype kChunk = 200;
    for (qsizetype i = 0; i < subjects.size(); i += kChunk) {
        const QStringList chunk = subjects.mid(i, kChunk);
        QSqlQuery keys(m_db);
        keys.setForwardOnly(true);
        keys.prepare(
            QStringLiteral("SELECT seq, subject, note FROM audit_log "
                           "WHERE action = 'alert.raised' AND seq < ? AND subject IN (%1)")
                .arg(QStringList(chunk.size(), QStringLiteral("?")).join(u',')));
        keys.addBindValue(lastSeq);
        for (const QString &subject : chunk)
            keys.addBindValue(subject);
        if (!run(keys, reply.error))
            return reply;
        while (keys.next())
            raised[keys.value(1).toString()].emplace(keys.value(0).toLongLong(),
                                                     keys.value(2).toString());
    }
    QSqlQuery kept(m_db);
    kept.prepare(QStringLiteral("SELECT source, resource, event FROM alert_states WHERE id = ?"));

    qint64 unnamed = 0;
    for (const Entry &e : acts) {
        AlertAction action;
        action.kind = personalKind(e.action).value_or(AlertAction::Kind::Unknown);
        action.at = QDateTime::fromMSecsSinceEpoch(e.atMs, Qt::UTC);
        action.actor = {e.actor, roleFromKey(e.role).value_or(Role::Operator)};
        if (action.kind == AlertAction::Kind::Shelved)
            readShelf(e.note, action);
        else
            action.note = e.note;
        bool named = false;
        const auto notes = raised.constFind(e.subject);
        if (notes != raised.cend()) {
            const auto before = notes->lower_bound(e.seq);
            if (before != notes->cbegin())
                named = readKey(std::prev(before)->second, action);
        }
        if (!named) {
            kept.addBindValue(e.subject.mid(6).toLongLong());
            if (kept.exec() && kept.next()) {
                action.source = kept.value(0).toString();
                action.resource = kept.value(1).toString();
                action.event = kept.value(2).toString();
                named = true;
            }
            kept.finish();
        }
        if (!named) {
            ++unnamed;
            continue;
        }
        reply.value.append(std::move(action));
    }
    if (unnamed > 0)
        qCWarning(lcStore)
            << "replay:" << unnamed
            << "acts on alerts in the audit log name no alert we can find; left out";
    return reply;
}

} // namespace tlr
