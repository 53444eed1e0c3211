#pragma once

#include <QLoggingCategory>

namespace tlr {

Q_DECLARE_LOGGING_CATEGORY(lcReports)

} // namespace tlr
