#include "ImageTile.h"

#include <QPainter>
#include <QVBoxLayout>

namespace tlr {

ImageTile::ImageTile(const TileSpec &spec, QImage image, QWidget *parent)
    : Tile(spec, parent)
    , m_image(std::move(image))
{
    m_canvas = new QWidget(this);
    m_canvas->setAttribute(Qt::WA_TransparentForMouseEvents);
    contentLayout()->addWidget(m_canvas, 1);
}

void ImageTile::paintEvent(QPaintEvent *event)
{
    Tile::paintEvent(event);
    const QRect area = m_canvas->geometry();
    if (m_image.isNull() || area.isEmpty())
        return;
    const QSize scaled = m_image.size().scaled(area.size(), Qt::KeepAspectRatio);
    QRect target(QPoint(), scaled);
    target.moveCenter(area.center());
    QPainter painter(this);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(target, m_image);
}

} // namespace tlr
