#include "AlertStyle.h"

#include "theme/Theme.h"

#include <QCoreApplication>

namespace tlr::AlertStyle {

QString stateLabel(AlertState state)
{
    switch (state) {
    case AlertState::Unacknowledged: return QCoreApplication::translate("AlertStyle", "Unacknowledged");
    case AlertState::Acknowledged: return QCoreApplication::translate("AlertStyle", "Acknowledged");
    case AlertState::ReturnedUnacknowledged:
        return QCoreApplication::translate("AlertStyle", "Cleared, unacknowledged");
    case AlertState::Shelved: return QCoreApplication::translate("AlertStyle", "Shelved");
    case AlertState::Closed: return QCoreApplication::translate("AlertStyle", "Closed");
    case AlertState::Unknown: break;
    }
    return QCoreApplication::translate("AlertStyle", "Unknown");
}

QColor stateColor(AlertState state)
{
    switch (state) {
    case AlertState::Unacknowledged: return Theme::bad();
    case AlertState::ReturnedUnacknowledged: return Theme::warning();
    case AlertState::Acknowledged: return Theme::text();
    case AlertState::Shelved:
    case AlertState::Closed:
    case AlertState::Unknown: break;
    }
    return Theme::textMuted();
}

} // namespace tlr::AlertStyle
