#include "AlertLog.h"

namespace tlr {

Q_LOGGING_CATEGORY(lcAlerts, "tlr.alerts")

} // namespace tlr
