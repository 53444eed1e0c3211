#include "RefreshTurns.h"

#include <QCoreApplication>

#include <algorithm>

namespace tlr {

RefreshTurns &RefreshTurns::instance()
{
    // Owned by the application, so that its timer goes with the event loop it runs on.
    static QPointer<RefreshTurns> turns;
    if (!turns)
        turns = new RefreshTurns(QCoreApplication::instance());
    return *turns;
}

RefreshTurns::RefreshTurns(QObject *parent) : QObject(parent)
{
    // A zero timer fires in the loop's next pass, after the events posted meanwhile.
    m_turn.setSingleShot(true);
    m_turn.setInterval(0);
    connect(&m_turn, &QTimer::timeout, this, &RefreshTurns::takeTurn);
}

void RefreshTurns::request(QObject *tile, std::function<void()> redraw, const char *purpose)
{
    const bool queued = std::any_of(m_waiting.cbegin(), m_waiting.cend(), [&](const Waiting &w) {
        return w.tile == tile && qstrcmp(w.purpose, purpose) == 0;
    });
    if (!queued)
        m_waiting.push_back({tile, purpose, std::move(redraw)});
    if (!m_turn.isActive())
        m_turn.start();
}

void RefreshTurns::takeTurn()
{
    while (!m_waiting.empty()) {
        Waiting next = std::move(m_waiting.front());
        m_waiting.pop_front();
        if (!next.tile)
            continue; // gone meanwhile: its turn passes to the next
        next.redraw();
        break;
    }
    if (!m_waiting.empty())
        m_turn.start();
}

} // namespace tlr
