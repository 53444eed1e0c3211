#pragma once

#include <QString>

namespace tlr {

// Who may do what on the wall. A role is a set of rights, not a rank: an executive reads
// everything but acknowledges nothing.
enum class Role { Operator, Supervisor, Executive, Admin };

// The person (or the system itself) behind an action, as the audit log names them.
struct Actor
{
    QString name;
    Role role = Role::Operator;

    // The wall's own actions (an alert raised, escalated, re-opened; an incident fused).
    static Actor system() { return {QStringLiteral("system"), Role::Admin}; }
    bool isSystem() const { return name == QLatin1String("system"); }
};

} // namespace tlr
