#pragma once

#include "Tile.h"

class QLabel;

namespace tlr {

class FittedLabel;
class WallClock;

// The time in WIB in large numerals and the date in the wall's language.
class ClockTile : public Tile
{
    Q_OBJECT
public:
    ClockTile(const TileSpec &spec, const WallClock *clock, QWidget *parent = nullptr);

protected:
    void retranslate() override;

private:
    void showTime(const QDateTime &utc);

    const WallClock *m_clock;
    FittedLabel *m_time = nullptr;
    QLabel *m_date = nullptr;
    QLabel *m_utc = nullptr;
};

} // namespace tlr
