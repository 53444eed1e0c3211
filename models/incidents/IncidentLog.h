#pragma once

#include <QLoggingCategory>

namespace tlr {

Q_DECLARE_LOGGING_CATEGORY(lcIncidents)

} // namespace tlr
