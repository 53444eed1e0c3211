#pragma once

#include <QString>
#include <QStringView>

namespace tlr {

// What a device says of itself (a pump "running", a camera "offline", an ambulance "onRoute"),
// in the reader's language. Sources send free text: the states the agencies' feeds are known
// to use are translated, anything else is shown as the source wrote it.
QString deviceStatusName(QStringView status);

} // namespace tlr
