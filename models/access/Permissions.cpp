#include "Permissions.h"

namespace tlr {

bool canAcknowledge(Role role)
{
    return role == Role::Supervisor;
}

bool canShelve(Role role)
{
    return role == Role::Supervisor;
}

bool canHandleIncidents(Role role)
{
    return role == Role::Operator || role == Role::Supervisor;
}

bool canCloseIncidents(Role role)
{
    return role == Role::Supervisor;
}

bool canRevealPersonalData(Role role)
{
    // Callers' details are shown only to those who answer for calling back on the record: the
    // supervisor on duty, and the admin who handles a citizen's request about their own data.
    return role == Role::Supervisor || role == Role::Admin;
}

bool canMuteSound(Role role)
{
    return role == Role::Operator || role == Role::Supervisor;
}

bool canManageUsers(Role role)
{
    return role == Role::Admin;
}

bool canReadAuditLog(Role role)
{
    return role == Role::Supervisor || role == Role::Executive || role == Role::Admin;
}

} // namespace tlr
