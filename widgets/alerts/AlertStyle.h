#pragma once

#include "alerts/AlertState.h"

#include <QColor>
#include <QString>

namespace tlr::AlertStyle {

// An alert's state as the wall says it: a translated word and a colour that never carries the
// meaning alone (the word is always beside it).
QString stateLabel(AlertState state);
QColor stateColor(AlertState state);


} // namespace tlr::AlertStyle
