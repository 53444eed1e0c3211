#pragma once

#include "access/Actor.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace tlr {

// The stable spelling of a role in the database, the audit log and on the command line.
QString roleKey(Role role);
std::optional<Role> roleFromKey(QStringView key);
QList<Role> allRoles();

} // namespace tlr
