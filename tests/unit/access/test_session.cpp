#include "access/Session.h"
#include "audit/AuditRecorder.h"

#include <QSignalSpy>

#include <catch2/catch.hpp>

using namespace tlr;

namespace {

struct ListRecorder : AuditRecorder
{
    void record(const AuditAction &action) override { actions.append(action); }
    QList<AuditAction> actions;
};

} // namespace

TEST_CASE("A console starts with nobody logged in - ending a session is audited")
{
    ListRecorder audit;
    Session session(&audit);
    QSignalSpy changed(&session, &Session::changed);
    CHECK_FALSE(session.isActive());
    session.end(QStringLiteral("nothing to end"));
    CHECK(audit.actions.isEmpty());
    CHECK(changed.isEmpty());

    session.begin({QStringLiteral("siti"), Role::Supervisor});
    CHECK(session.isActive());
    CHECK(session.actor()->name == QLatin1String("siti"));
    CHECK(changed.size() == 1);

    session.begin({QStringLiteral("budi"), Role::Operator}); // replaces siti's session
    REQUIRE(audit.actions.size() == 1);
    CHECK(audit.actions[0].action == QLatin1String("session.ended"));
    CHECK(audit.actions[0].actor.name == QLatin1String("siti"));
    CHECK(audit.actions[0].note.contains(QLatin1String("budi logged in")));
    CHECK(session.actor()->role == Role::Operator);

    session.end(QStringLiteral("logged out"));
    CHECK_FALSE(session.isActive());
    REQUIRE(audit.actions.size() == 2);
    CHECK(audit.actions[1].actor.name == QLatin1String("budi"));
    CHECK(audit.actions[1].subject == QLatin1String("user:budi"));
    CHECK(audit.actions[1].note == QLatin1String("logged out"));
}
