#pragma once

#include "StoreRecords.h"
#include "domain/DomainEvent.h"

#include <QList>
#include <QSqlDatabase>

namespace tlr {

// When an event happened, as replay orders them: an observation's observed_at, an alert's sent,
// a report's received_at.
QDateTime eventTime(const DomainEvent &event);

// The stored events rebuilt as the domain events the wall's models take, for replay. Runs on
// the store's thread over its connection. A report comes back without its reporter: the name
// and number stay in the reports table, where only an audited reveal reads them.
// Not stored, so not rebuilt: a road segment's path (the network's geometry, not history).
class HistoryReader
{
public:
    explicit HistoryReader(const QSqlDatabase &db)
        : m_db(db)
    {
    }

    // Events with from < time <= to, by time; at one time observations, then alerts, then
    // reports, each in the order they were stored.
    StoreReply<QList<DomainEvent>> events(const QDateTime &from, const QDateTime &to) const;
    // Each entity's latest observation at or before `at`: where a replay starts from.
    StoreReply<QList<Observation>> latestObservations(const QDateTime &at) const;
    // The times of the first and the last stored event; invalid ones when nothing is stored.
    StoreReply<TimeSpan> span() const;

private:
    QSqlDatabase m_db;
};

} // namespace tlr
