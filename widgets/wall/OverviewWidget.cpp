#include "OverviewWidget.h"

#include "WallPage.h"
#include "theme/Theme.h"

#include <QMouseEvent>
#include <QPainter>

#include <cmath>

namespace tlr {

OverviewWidget::OverviewWidget(const QList<WallPage *> &pages, QWidget *parent)
    : QWidget(parent)
    , m_pages(pages)
{
    m_refresh.setInterval(3000);
    connect(&m_refresh, &QTimer::timeout, this, &OverviewWidget::refresh);
}

QRect OverviewWidget::cellRect(int index) const
{
    const int count = std::max<int>(1, int(m_pages.size()));
    const int columns = int(std::ceil(std::sqrt(double(count))));
    const int rows = (count + columns - 1) / columns;
    const int margin = 16;
    const int w = (width() - margin * (columns + 1)) / columns;
    const int h = (height() - margin * (rows + 1)) / rows;
    return QRect(margin + (index % columns) * (w + margin), margin + (index / columns) * (h + margin), w, h);
}

void OverviewWidget::refresh()
{
    m_thumbnails.clear();
    for (int i = 0; i < m_pages.size(); ++i) {
        WallPage *page = m_pages.at(i);
        // A page on another monitor or hidden in a stack renders at its own size all the same.
        const QSize size = page->isVisible() ? page->size() : page->spec().size;
        if (!page->isVisible())
            page->resize(size);
        m_thumbnails.append(page->grab().scaled(cellRect(i).size(), Qt::KeepAspectRatio,
                                                Qt::SmoothTransformation));
    }
    update();
}

void OverviewWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), Theme::background());
    p.setFont(Theme::font(Theme::kBodyPixels, QFont::DemiBold));
    for (int i = 0; i < m_pages.size(); ++i) {
        const QRect cell = cellRect(i);
        if (i < m_thumbnails.size()) {
            const QPixmap &thumb = m_thumbnails.at(i);
            QRect target(QPoint(), thumb.size());
            target.moveCenter(cell.center());
            p.drawPixmap(target, thumb);
            p.setPen(QPen(Theme::textMuted(), 2));
            p.drawRect(target);
        }
        const QString label = QStringLiteral("%1 · %2").arg(i + 1).arg(m_pages.at(i)->spec().name);
        const QRect labelRect(cell.left(), cell.bottom() - 40, cell.width(), 40);
        p.fillRect(labelRect, QColor(0, 0, 0, 170));
        p.setPen(Theme::text());
        p.drawText(labelRect, Qt::AlignCenter, label);
    }
}

void OverviewWidget::mousePressEvent(QMouseEvent *event)
{
    for (int i = 0; i < m_pages.size(); ++i) {
        if (cellRect(i).contains(event->position().toPoint())) {
            emit pageChosen(m_pages.at(i));
            return;
        }
    }
}

void OverviewWidget::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
    m_refresh.start();
}

void OverviewWidget::hideEvent(QHideEvent *event)
{
    m_refresh.stop();
    QWidget::hideEvent(event);
}

} // namespace tlr
