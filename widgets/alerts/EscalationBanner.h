#pragma once

#include <QFrame>
#include <QList>

#include <optional>

class QLabel;

namespace tlr {

class AlertEngine;
class WallClock;

// The strip every screen keeps under its header for escalations. While an escalated alert is
// still unacknowledged it turns red and names the worst of them, how long it has waited and
// how many more there are; the moment the last one is acknowledged, shelved or cleared it goes
// back to a quiet line. It never appears or disappears: a banner that pushed the tiles down
// would re-lay out every window of the wall in the same instant (a stall of the whole room, seen
// in the soak), and a wall whose tiles jump is harder to read than one whose alarm line is
// always in the same place.
class EscalationBanner : public QFrame
{
    Q_OBJECT
public:
    EscalationBanner(const AlertEngine *engine, const WallClock *clock, QWidget *parent = nullptr);

    bool isEscalated() const { return m_escalatedShown.value_or(false); }
    // What the strip says of an escalation; empty while nothing is escalated.
    QString text() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void showEscalated(bool escalated);

    const AlertEngine *m_engine;
    const WallClock *m_clock;
    QList<quint64> m_escalated; // alerts that escalated and may still be waiting
    QLabel *m_label = nullptr;
    std::optional<bool> m_escalatedShown; // none until the first state is applied
};

} // namespace tlr
