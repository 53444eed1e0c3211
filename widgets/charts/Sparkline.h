#pragma once

#include <QWidget>

#include <vector>

namespace tlr {

// A small line of hourly counts under a KPI figure, with its last value marked. Draws nothing
// for no values: an empty sparkline is no history, not a flat zero.
class Sparkline : public QWidget
{
    Q_OBJECT
public:
    explicit Sparkline(QWidget *parent = nullptr);

    void setValues(std::vector<int> values);
    const std::vector<int> &values() const { return m_values; }
    void setColor(const QColor &color);
    // The number of hours the width stands for; values fill the newest ones, on the right.
    void setSlotCount(int slotCount);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    std::vector<int> m_values;
    QColor m_color;
    int m_slotCount = 24;
};

} // namespace tlr
