#pragma once

#include <QLoggingCategory>

namespace tlr {

Q_DECLARE_LOGGING_CATEGORY(lcAudit)

} // namespace tlr
