#pragma once

#include "Tile.h"

#include <QImage>

namespace tlr {

// An image from a file or resource (params.source), scaled to fit without distortion.
class ImageTile : public Tile
{
    Q_OBJECT
public:
    ImageTile(const TileSpec &spec, QImage image, QWidget *parent = nullptr);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QImage m_image;
    QWidget *m_canvas = nullptr;
};

} // namespace tlr
