#include "access/Permissions.h"
#include "access/RoleKey.h"

#include <catch2/catch.hpp>

using namespace tlr;

TEST_CASE("Only a supervisor acknowledges and shelves")
{
    CHECK(canAcknowledge(Role::Supervisor));
    CHECK(canShelve(Role::Supervisor));
    for (Role role : {Role::Operator, Role::Executive, Role::Admin}) {
        INFO(roleKey(role).toStdString());
        CHECK_FALSE(canAcknowledge(role));
        CHECK_FALSE(canShelve(role));
    }
}

TEST_CASE("An operator cannot acknowledge, shelve or manage users but handles incidents")
{
    CHECK_FALSE(canAcknowledge(Role::Operator));
    CHECK_FALSE(canShelve(Role::Operator));
    CHECK_FALSE(canManageUsers(Role::Operator));
    CHECK_FALSE(canRevealPersonalData(Role::Operator));
    CHECK_FALSE(canReadAuditLog(Role::Operator));
    CHECK(canHandleIncidents(Role::Operator));
    CHECK_FALSE(canCloseIncidents(Role::Operator));
    CHECK(canMuteSound(Role::Operator));
}

TEST_CASE("Incidents: the supervisor acknowledges and closes, operators and the supervisor forward "
          "and resolve, nobody else acts")
{
    for (Role role : allRoles()) {
        INFO(roleKey(role).toStdString());
        CHECK(canAcknowledge(role) == (role == Role::Supervisor));
        CHECK(canCloseIncidents(role) == (role == Role::Supervisor));
        CHECK(canHandleIncidents(role) == (role == Role::Operator || role == Role::Supervisor));
    }
}

TEST_CASE("Only an admin manages users, and an admin is no duty supervisor")
{
    for (Role role : allRoles()) {
        INFO(roleKey(role).toStdString());
        CHECK(canManageUsers(role) == (role == Role::Admin));
    }
    CHECK_FALSE(canAcknowledge(Role::Admin));
    CHECK_FALSE(canHandleIncidents(Role::Admin));
    CHECK_FALSE(canCloseIncidents(Role::Admin));
}

TEST_CASE("Only the supervisor and the admin may see reporters' personal details")
{
    for (Role role : allRoles()) {
        INFO(roleKey(role).toStdString());
        CHECK(canRevealPersonalData(role) == (role == Role::Supervisor || role == Role::Admin));
    }
}

TEST_CASE("An executive reads everything and acts on nothing")
{
    CHECK(canReadAuditLog(Role::Executive));
    CHECK_FALSE(canAcknowledge(Role::Executive));
    CHECK_FALSE(canShelve(Role::Executive));
    CHECK_FALSE(canHandleIncidents(Role::Executive));
    CHECK_FALSE(canCloseIncidents(Role::Executive));
    CHECK_FALSE(canManageUsers(Role::Executive));
    CHECK_FALSE(canMuteSound(Role::Executive));
}

TEST_CASE("Role keys round-trip and unknown keys are refused")
{
    for (Role role : allRoles())
        CHECK(roleFromKey(roleKey(role)) == role);
    CHECK(roleKey(Role::Supervisor) == QLatin1String("supervisor"));
    CHECK(roleFromKey(u"SUPERVISOR") == Role::Supervisor);
    CHECK_FALSE(roleFromKey(u"root").has_value());
    CHECK_FALSE(roleFromKey(u"").has_value());
}
