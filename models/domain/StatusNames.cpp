#include "StatusNames.h"

#include <QCoreApplication>

#include <array>
#include <utility>

namespace tlr {

QString deviceStatusName(QStringView status)
{
    // Keys as the feeds send them: Smart Data Models' deviceState and serviceStatus values and
    // the water utility's pump states.
    static constexpr std::array<std::pair<const char16_t *, const char *>, 16> kNames{{
        {u"running", QT_TRANSLATE_NOOP("tlr::DeviceStatus", "running")},
        {u"standby", QT_TRANSLATE_NOOP("tlr::DeviceStatus", "standby")},
        {u"stopped", QT_TRANSLATE_NOOP("tlr::DeviceStatus", "stopped")},
        {u"fault", QT_TRANSLATE_NOOP("tlr::DeviceStatus", "fault")},
        {u"maintenance", QT_TRANSLATE_NOOP("tlr::DeviceStatus", "maintenance")},
        {u"ok", QT_TRANSLATE_NOOP("tlr::DeviceStatus", "ok")},
        {u"online", QT_TRANSLATE_NOOP("tlr::DeviceStatus", "online")},
        {u"offline", QT_TRANSLATE_NOOP("tlr::DeviceStatus", "offline")},
        {u"available", QT_TRANSLATE_NOOP("tlr::DeviceStatus", "available")},
        {u"idle", QT_TRANSLATE_NOOP("tlr::DeviceStatus", "idle")},
        {u"parked", QT_TRANSLATE_NOOP("tlr::DeviceStatus", "parked")},
        {u"onRoute", QT_TRANSLATE_NOOP("tlr::DeviceStatus", "on the way")},
        {u"atScene", QT_TRANSLATE_NOOP("tlr::DeviceStatus", "at the scene")},
        {u"toHospital", QT_TRANSLATE_NOOP("tlr::DeviceStatus", "to hospital")},
        {u"reported", QT_TRANSLATE_NOOP("tlr::DeviceStatus", "reported")},
        {u"resolved", QT_TRANSLATE_NOOP("tlr::DeviceStatus", "resolved")},
    }};
    for (const auto &[key, name] : kNames) {
        if (status == QStringView(key))
            return QCoreApplication::translate("tlr::DeviceStatus", name);
    }
    return status.toString();
}

} // namespace tlr
