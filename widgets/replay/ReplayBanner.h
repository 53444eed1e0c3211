#pragma once

#include "replay/ReplaySession.h"

#include <QFrame>

class QButtonGroup;
class QLabel;
class QPushButton;
class QSlider;

namespace tlr {

// Across the top of every screen while the wall replays, so that nobody in the room takes the
// past for the present: REPLAY and the replayed time in large type on a colour the live wall
// never uses, striped; the time slider over the stored history, play and pause, the speeds,
// and the way back to live (also Esc).
class ReplayBanner : public QFrame
{
    Q_OBJECT
public:
    explicit ReplayBanner(ReplaySession *session, QWidget *parent = nullptr);

    QString timeText() const;   // the replayed time as shown
    QString statusText() const; // paused, playing at N×, rebuilding…

    static QColor colour(); // the replay colour: the banner's, nowhere else on the wall
    static const QList<int> &speeds();

signals:
    void liveRequested();

protected:
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void showTime();
    void showState();
    void updateRange();
    qint64 sliderOrigin() const; // ms of the slider's 0

    ReplaySession *m_session;
    QLabel *m_title = nullptr;
    QLabel *m_time = nullptr;
    QLabel *m_status = nullptr;
    QSlider *m_slider = nullptr;
    QPushButton *m_playPause = nullptr;
    QButtonGroup *m_speeds = nullptr;
    QPushButton *m_live = nullptr;
};

} // namespace tlr
