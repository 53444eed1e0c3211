#pragma once

#include <QString>

#include <optional>

namespace tlr {

// One severity scale for every source, ordered so that comparisons mean "more severe".
// CAP's scale is the reference; NGSI Alert severities and rule outcomes map onto it.
enum class Severity { Unknown, Minor, Moderate, Severe, Extreme };

QString severityKey(Severity severity);
std::optional<Severity> severityFromKey(QStringView key);

} // namespace tlr
