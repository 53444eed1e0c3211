#pragma once

#include "feeds/FeedStatus.h"

#include <QColor>
#include <QDateTime>
#include <QString>

namespace tlr::FeedStateStyle {

QColor color(FeedStatus::State state);
QString glyph(FeedStatus::State state);
QString label(FeedStatus::State state); // translated
// "4 s", "12 min", "3 h", "—": how old the newest data is, short enough for a chip.
QString age(const QDateTime &since, const QDateTime &now);

} // namespace tlr::FeedStateStyle
