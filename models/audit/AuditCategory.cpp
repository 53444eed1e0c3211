#include "AuditCategory.h"

namespace tlr {

Q_LOGGING_CATEGORY(lcAudit, "tlr.audit")

} // namespace tlr
