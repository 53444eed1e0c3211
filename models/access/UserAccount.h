#pragma once

#include "access/Actor.h"
#include "access/PasswordHash.h"

#include <QDateTime>
#include <QString>

namespace tlr {

// A local account as the users table keeps it.
struct UserAccount
{
    QString name; // lower case, see UserAccounts::nameProblem()
    Role role = Role::Operator;
    bool enabled = true;
    PasswordHash password;
    QDateTime createdAt;         // UTC
    QDateTime passwordChangedAt; // UTC
    QDateTime lastLoginAt;       // UTC; invalid: never
    int failedLogins = 0;        // since the last successful login

    Actor actor() const { return {name, role}; }
};

} // namespace tlr
