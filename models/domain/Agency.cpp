#include "Agency.h"

#include "EnumTable.h"

namespace tlr {
namespace {

constexpr EnumEntry<Agency> kAgencies[] = {
    {u"112", Agency::CallCentre112},   {u"dinkes", Agency::Dinkes}, {u"dishub", Agency::Dishub},
    {u"dlh", Agency::Dlh},             {u"tirtabenteng", Agency::TirtaBenteng},
};

constexpr EnumEntry<FeedKind> kFeedKinds[] = {
    {u"emergency", FeedKind::Emergency}, {u"environment", FeedKind::Environment},
    {u"health", FeedKind::Health},       {u"traffic", FeedKind::Traffic},
    {u"water", FeedKind::Water},
};

static_assert(isSortedTable(kAgencies));
static_assert(isSortedTable(kFeedKinds));

} // namespace

QString agencyKey(Agency agency) { return enumKey(kAgencies, agency); }
std::optional<Agency> agencyFromKey(QStringView key) { return enumFromKey(kAgencies, key); }

QString agencyShortName(Agency agency)
{
    switch (agency) {
    case Agency::Dishub: return QStringLiteral("Dishub");
    case Agency::Dinkes: return QStringLiteral("Dinkes");
    case Agency::TirtaBenteng: return QStringLiteral("Tirta Benteng");
    case Agency::Dlh: return QStringLiteral("DLH");
    case Agency::CallCentre112: return QStringLiteral("112 / LAKSA");
    case Agency::Unknown: break;
    }
    return QStringLiteral("?");
}

QString feedKindKey(FeedKind kind) { return enumKey(kFeedKinds, kind); }
std::optional<FeedKind> feedKindFromKey(QStringView key) { return enumFromKey(kFeedKinds, key); }

} // namespace tlr
