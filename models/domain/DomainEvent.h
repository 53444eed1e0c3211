#pragma once

#include "Alert.h"
#include "Observation.h"
#include "Report.h"

#include <variant>

namespace tlr {

// What every parser produces and everything downstream consumes: one normalized event.
using DomainEvent = std::variant<Observation, Alert, Report>;

inline const QString &eventSource(const DomainEvent &event)
{
    return std::visit([](const auto &e) -> const QString & { return e.source; }, event);
}

} // namespace tlr
