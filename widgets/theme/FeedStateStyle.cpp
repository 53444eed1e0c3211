#include "FeedStateStyle.h"

#include "Theme.h"

#include <QCoreApplication>

namespace tlr::FeedStateStyle {

QColor color(FeedStatus::State state)
{
    switch (state) {
    case FeedStatus::State::Up: return Theme::good();
    case FeedStatus::State::Stale: return Theme::warning();
    case FeedStatus::State::Down: return Theme::bad();
    case FeedStatus::State::Connecting:
    case FeedStatus::State::Unknown: break;
    }
    return Theme::textMuted();
}

QString glyph(FeedStatus::State state)
{
    switch (state) {
    case FeedStatus::State::Up: return QStringLiteral("●");
    case FeedStatus::State::Stale: return QStringLiteral("◆");
    case FeedStatus::State::Down: return QStringLiteral("✖");
    case FeedStatus::State::Connecting:
    case FeedStatus::State::Unknown: break;
    }
    return QStringLiteral("○");
}

QString label(FeedStatus::State state)
{
    switch (state) {
    case FeedStatus::State::Up: return QCoreApplication::translate("FeedState", "up");
    case FeedStatus::State::Stale: return QCoreApplication::translate("FeedState", "stale");
    case FeedStatus::State::Down: return QCoreApplication::translate("FeedState", "down");
    case FeedStatus::State::Connecting: return QCoreApplication::translate("FeedState", "connecting");
    case FeedStatus::State::Unknown: break;
    }
    return QCoreApplication::translate("FeedState", "unknown");
}

QString age(const QDateTime &since, const QDateTime &now)
{
    if (!since.isValid())
        return QStringLiteral("—");
    const qint64 seconds = std::max<qint64>(0, since.secsTo(now));
    if (seconds < 120)
        return QCoreApplication::translate("FeedState", "%1 s").arg(seconds);
    if (seconds < 2 * 3600)
        return QCoreApplication::translate("FeedState", "%1 min").arg(seconds / 60);
    if (seconds < 2 * 86400)
        return QCoreApplication::translate("FeedState", "%1 h").arg(seconds / 3600);
    return QCoreApplication::translate("FeedState", "%1 d").arg(seconds / 86400);
}

} // namespace tlr::FeedStateStyle
