#pragma once

#include "StoreRecords.h"
#include "access/Actor.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>

namespace tlr {

// A person's act on an alert, read back from the audit log for replay. It names the alert by
// its key (source, resource, event), not its number: a replay's engine numbers alerts afresh.
struct AlertAction
{
    enum class Kind { Unknown, Acknowledged, Shelved, Unshelved };

    Kind kind = Kind::Unknown;
    QDateTime at; // UTC
    QString source;
    QString resource;
    QString event;
    Actor actor;
    QString note;           // the acknowledgement's or unshelving's note, the shelf's reason
    QDateTime shelvedUntil; // UTC; shelves only
};

// Reads the acknowledgements, shelves and unshelvings of alerts from the audit log, where the
// alert engine records each one as it is made (docs/audit.md). Runs on the store's thread over
// its connection. An entry whose alert cannot be named (no alert.raised entry before it, no row
// in alert_states) is logged and left out.
class AlertActionReader
{
public:
    explicit AlertActionReader(const QSqlDatabase &db)
        : m_db(db)
    {
    }

    // The acts made with from < at <= to, by time; with `standing`, first those made at or
    // before `from` that still held then: an acknowledgement not undone by the alert re-opening
    // or closing, a shelf neither taken off nor expired.
    StoreReply<QList<AlertAction>> actions(const QDateTime &from, const QDateTime &to,
                                           bool standing) const;

private:
    QSqlDatabase m_db;
};

} // namespace tlr
