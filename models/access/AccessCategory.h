#pragma once

#include <QLoggingCategory>

namespace tlr {

Q_DECLARE_LOGGING_CATEGORY(lcAccess)

} // namespace tlr
