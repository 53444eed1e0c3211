#include "AlertState.h"

#include "domain/EnumTable.h"

namespace tlr {
namespace {

constexpr EnumEntry<AlertState> kStates[] = {
    {u"acknowledged", AlertState::Acknowledged},
    {u"closed", AlertState::Closed},
    {u"returned-unacknowledged", AlertState::ReturnedUnacknowledged},
    {u"shelved", AlertState::Shelved},
    {u"unacknowledged", AlertState::Unacknowledged},
    {u"unknown", AlertState::Unknown},
};
static_assert(isSortedTable(kStates));

} // namespace

QString alertStateKey(AlertState state) { return enumKey(kStates, state); }

std::optional<AlertState> alertStateFromKey(QStringView key)
{
    return enumFromKey(kStates, key, Qt::CaseInsensitive);
}

} // namespace tlr
