#pragma once

#include <QList>
#include <QPixmap>
#include <QTimer>
#include <QWidget>

namespace tlr {

class WallPage;

// Every page of the wall scaled down on one monitor: the preview a laptop or a spare monitor
// shows, refreshed every few seconds. Clicking a page shows it full size.
class OverviewWidget : public QWidget
{
    Q_OBJECT
public:
    OverviewWidget(const QList<WallPage *> &pages, QWidget *parent = nullptr);

signals:
    void pageChosen(WallPage *page);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void refresh();
    QRect cellRect(int index) const;

    QList<WallPage *> m_pages;
    QList<QPixmap> m_thumbnails;
    QTimer m_refresh;
};

} // namespace tlr
