#pragma once

#include <QFrame>
#include <QList>

class QLabel;

namespace tlr {

class AlertEngine;
class WallClock;

// The banner every screen shows while an escalated alert is still unacknowledged: the worst of
// them, how long it has waited, and how many more there are. It hides itself the moment the
// last one is acknowledged, shelved or cleared.
class EscalationBanner : public QFrame
{
    Q_OBJECT
public:
    EscalationBanner(const AlertEngine *engine, const WallClock *clock, QWidget *parent = nullptr);

    QString text() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    const AlertEngine *m_engine;
    const WallClock *m_clock;
    QList<quint64> m_escalated; // alerts that escalated and may still be waiting
    QLabel *m_label = nullptr;
};

} // namespace tlr
