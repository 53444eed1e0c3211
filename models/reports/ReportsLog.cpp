#include "ReportsLog.h"

namespace tlr {

Q_LOGGING_CATEGORY(lcReports, "tlr.reports")

} // namespace tlr
