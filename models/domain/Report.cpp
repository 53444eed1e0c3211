#include "Report.h"

#include "EnumTable.h"

namespace tlr {
namespace {

constexpr EnumEntry<Report::Channel> kChannels[] = {
    {u"112", Report::Channel::Call112},        {u"app", Report::Channel::App},
    {u"email", Report::Channel::Email},        {u"facebook", Report::Channel::Facebook},
    {u"instagram", Report::Channel::Instagram}, {u"sms", Report::Channel::Sms},
    {u"twitter", Report::Channel::Twitter},    {u"walkin", Report::Channel::WalkIn},
    {u"whatsapp", Report::Channel::WhatsApp},
};
static_assert(isSortedTable(kChannels));

constexpr EnumEntry<Report::Kind> kKinds[] = {
    {u"emergency", Report::Kind::Emergency}, {u"keluhan", Report::Kind::Grievance},
    {u"kritik", Report::Kind::Criticism},    {u"masukan", Report::Kind::Input},
    {u"pengaduan", Report::Kind::Complaint}, {u"saran", Report::Kind::Suggestion},
};
static_assert(isSortedTable(kKinds));

} // namespace

QString channelKey(Report::Channel channel) { return enumKey(kChannels, channel); }
std::optional<Report::Channel> channelFromKey(QStringView key)
{
    return enumFromKey(kChannels, key, Qt::CaseInsensitive);
}
QString reportKindKey(Report::Kind kind) { return enumKey(kKinds, kind); }
std::optional<Report::Kind> reportKindFromKey(QStringView key)
{
    return enumFromKey(kKinds, key, Qt::CaseInsensitive);
}

} // namespace tlr
