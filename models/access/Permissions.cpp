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
    // Callers' details leave the screen only for the one who may call back on the record.
    return role == Role::Supervisor;
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
