#pragma once

#include <QWidget>

namespace tlr {

class FeedHealthModel;
class WallClock;

// One chip per feed along the bottom of every screen: state by colour, shape and word, with the
// age of the newest data, so a feed gone quiet is seen from anywhere in the room.
class FeedHealthStrip : public QWidget
{
    Q_OBJECT
public:
    FeedHealthStrip(const FeedHealthModel *model, const WallClock *clock, QWidget *parent = nullptr);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    const FeedHealthModel *m_model;
    const WallClock *m_clock;
};

} // namespace tlr
