#include "StoreLog.h"

namespace tlr {

Q_LOGGING_CATEGORY(lcStore, "tlr.store")

} // namespace tlr
