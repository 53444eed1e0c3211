#include "FrameBudget.h"

#include <QAbstractEventDispatcher>

namespace tlr {
namespace {

constexpr qint64 kFrameNs = qint64(FrameBudget::kFrameMs) * 1'000'000;
constexpr qint64 kWorkNs = qint64(FrameBudget::kWorkMs) * 1'000'000;

} // namespace

FrameBudget::FrameBudget(QObject *parent)
    : QObject(parent)
{
    m_clock.start();
    m_frameStartNs = -kFrameNs; // the first question starts a frame
    followDispatcher();
}

void FrameBudget::followDispatcher()
{
    QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance(thread());
    if (!dispatcher || dispatcher == m_dispatcher)
        return;
    m_dispatcher = dispatcher;
    connect(dispatcher, &QAbstractEventDispatcher::aboutToBlock, this, &FrameBudget::endTurn);
    connect(dispatcher, &QAbstractEventDispatcher::awake, this, &FrameBudget::endTurn);
}

bool FrameBudget::hasTimeLeft(int reserveMs)
{
    if (!m_dispatcher) {
        followDispatcher();
        if (!m_dispatcher)
            return true; // no event loop to hand work to: all of it now
    }
    if (!m_inTurn)
        startTurn();
    if (m_spent)
        return false;
    if (m_piecesPerFrame > 0) {
        if (m_piecesLeft > 0) {
            --m_piecesLeft;
            return true;
        }
    } else if (usedNs() + qint64(reserveMs) * 1'000'000 < kWorkNs) {
        return true;
    }
    m_spent = true;
    return false;
}

int FrameBudget::msUntilNextFrame() const
{
    if (m_piecesPerFrame > 0)
        return 0;
    const qint64 now = m_clock.nsecsElapsed();
    const qint64 frameEnd = m_frameStartNs + kFrameNs;
    if (now >= frameEnd || usedNs() < kWorkNs)
        return 0;
    return int((frameEnd - now + 999'999) / 1'000'000);
}

void FrameBudget::setPiecesPerFrame(int pieces)
{
    endTurn();
    m_piecesPerFrame = std::max(0, pieces);
    m_frameStartNs = m_clock.nsecsElapsed() - kFrameNs;
    m_usedBeforeTurnNs = 0;
}

qint64 FrameBudget::usedNs() const
{
    return m_usedBeforeTurnNs + (m_inTurn ? m_clock.nsecsElapsed() - m_turnStartNs : 0);
}

void FrameBudget::startTurn()
{
    const qint64 now = m_clock.nsecsElapsed();
    if (m_piecesPerFrame > 0 || now - m_frameStartNs >= kFrameNs) {
        m_frameStartNs = now;
        m_usedBeforeTurnNs = 0;
    }
    m_inTurn = true;
    m_spent = false;
    m_turnStartNs = now;
    m_piecesLeft = m_piecesPerFrame;
    ++m_turnsUsed;
}

void FrameBudget::endTurn()
{
    if (!m_inTurn)
        return;
    m_usedBeforeTurnNs += m_clock.nsecsElapsed() - m_turnStartNs;
    if (m_spent)
        ++m_turnsSpent;
    m_inTurn = false;
    m_spent = false;
}

} // namespace tlr
