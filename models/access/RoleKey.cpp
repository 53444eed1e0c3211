#include "RoleKey.h"

#include "domain/EnumTable.h"

namespace tlr {
namespace {

constexpr EnumEntry<Role> kRoles[] = {
    {u"admin", Role::Admin},
    {u"executive", Role::Executive},
    {u"operator", Role::Operator},
    {u"supervisor", Role::Supervisor},
};
static_assert(isSortedTable(kRoles));

} // namespace

QString roleKey(Role role)
{
    return enumKey(kRoles, role);
}

std::optional<Role> roleFromKey(QStringView key)
{
    return enumFromKey(kRoles, key, Qt::CaseInsensitive);
}

QList<Role> allRoles()
{
    return {Role::Operator, Role::Supervisor, Role::Executive, Role::Admin};
}

} // namespace tlr
