#include "IncidentLog.h"

namespace tlr {

Q_LOGGING_CATEGORY(lcIncidents, "tlr.incidents")

} // namespace tlr
