#pragma once

#include <QWidget>

namespace tlr {

// Text drawn as large as its rectangle allows, up to a maximum: clock digits and KPI numerals
// that must fill their tile whatever the profile's grid makes of it.
class FittedLabel : public QWidget
{
    Q_OBJECT
public:
    FittedLabel(int maximumPixels, QFont::Weight weight, QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    void setColor(const QColor &color);
    // The widest text this label will show, so that the size does not jump as digits change.
    void setSizingText(const QString &text);

    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    int fittedPixels() const;

    QString m_text;
    QString m_sizingText;
    QColor m_color;
    int m_maximumPixels;
    QFont::Weight m_weight;
};

} // namespace tlr
