#include "AccessCategory.h"

namespace tlr {

Q_LOGGING_CATEGORY(lcAccess, "tlr.access")

} // namespace tlr
