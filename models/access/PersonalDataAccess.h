#pragma once

#include "access/Actor.h"
#include "domain/PersonalDetails.h"

#include <QFuture>
#include <QString>

namespace tlr {

class AuditRecorder;
class EventStore;
class WallClock;

// The one way to a reporter's name and number once the store has them: asked on behalf of a
// person, allowed by Permissions (canRevealPersonalData), and audited — every reveal and every
// refusal names who asked, when, and which report — before anything is read.
class PersonalDataAccess
{
public:
    struct Reveal
    {
        enum class Outcome { Unknown, Revealed, Refused, NotFound, Failed };
        Outcome outcome = Outcome::Unknown;
        PersonalDetails details; // filled only when Revealed
        QString error;           // why Failed, for the operator
    };

    // All three are borrowed and must outlive this. Without a store or an audit log (a wall
    // without --db) nothing can be revealed: there is nothing kept, and nowhere to record it.
    PersonalDataAccess(EventStore *store, AuditRecorder *audit, const WallClock *clock);

    // Answers on the store's thread, after everything appended before it; a refusal answers at
    // once. The system itself never reveals: only a person can answer for having looked.
    QFuture<Reveal> reveal(const Actor &actor, const QString &reportId) const;

    static bool mayReveal(const Actor &actor);

private:
    EventStore *m_store;
    AuditRecorder *m_audit;
    const WallClock *m_clock;
};

} // namespace tlr
