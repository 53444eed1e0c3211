#pragma once

#include "StoreRecords.h"

#include <QList>
#include <QString>

#include <set>

namespace tlr {

// Rows changed since they were last written, and what became of their writes: the bookkeeping
// of an archive that writes a live model (the alert engine, the incident board) behind it.
template<typename Id>
class PendingWrites
{
public:
    void mark(Id id) { m_changed.insert(id); }
    template<typename Ids>
    void markAll(const Ids &ids) { m_changed.insert(ids.cbegin(), ids.cend()); }
    void forget(Id id) { m_changed.erase(id); }
    void forgetAll() { m_changed.clear(); }
    bool empty() const { return m_changed.empty(); }
    bool contains(Id id) const { return m_changed.contains(id); }

    QList<Id> take()
    {
        QList<Id> ids(m_changed.cbegin(), m_changed.cend());
        m_changed.clear();
        return ids;
    }

    // The store's answer to writing `ids`: counted when it committed; otherwise they are kept as
    // changed, so that the next change or flush tries them again, and the error is returned.
    QString settle(const QList<Id> &ids, const StoreReply<int> &reply)
    {
        if (reply.ok()) {
            m_saved += reply.value;
            return {};
        }
        ++m_failures;
        markAll(ids);
        return reply.error;
    }

    qint64 saved() const { return m_saved; }       // rows whose writes committed
    qint64 failures() const { return m_failures; } // writes that did not

private:
    std::set<Id> m_changed;
    qint64 m_saved = 0;
    qint64 m_failures = 0;
};

} // namespace tlr
