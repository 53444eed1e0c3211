#include "LabelSprites.h"

#include "MapStyle.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace tlr {

namespace {

// A few map views' names; a label set that grows past it (a feed naming thousands of places)
// starts over rather than keep every image it ever drew.
constexpr qsizetype kMaxSprites = 2048;

} // namespace

LabelSprites &LabelSprites::shared()
{
    static LabelSprites sprites;
    return sprites;
}

QString LabelSprites::keyOf(const Look &look)
{
    return look.text + u'\x1f' + look.font.key() + u'\x1f' + look.colour.name(QColor::HexArgb);
}

QSizeF LabelSprites::textBox(const QString &text, const QFont &font)
{
    const QFontMetricsF fm(font);
    return {fm.horizontalAdvance(text) + 4, fm.height()};
}

QImage LabelSprites::draw(const Look &look)
{
    const QFontMetricsF fm(look.font);
    const QSizeF box = textBox(look.text, look.font);
    QImage image(int(std::ceil(box.width())) + 2 * kHalo, int(std::ceil(box.height())) + 2 * kHalo,
                 QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addText(kHalo + 2, kHalo + fm.ascent(), look.font, look.text);
    p.setPen(QPen(MapStyle::halo(), 5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
    p.setPen(Qt::NoPen);
    p.setBrush(look.colour);
    p.drawPath(path);
    return image;
}

QImage LabelSprites::sprite(const Look &look)
{
    const QString key = keyOf(look);
    {
        const QMutexLocker lock(&m_mutex);
        if (const auto it = m_sprites.constFind(key); it != m_sprites.cend())
            return *it;
    }
    // Drawn outside the lock: a worker preparing others does not hold up a frame. Two threads
    // drawing the same label draw the same image.
    const QImage image = draw(look);
    const QMutexLocker lock(&m_mutex);
    if (m_sprites.size() >= kMaxSprites)
        m_sprites.clear();
    m_sprites.insert(key, image);
    return image;
}

QFuture<void> LabelSprites::prepare(QList<Look> looks)
{
    return QtConcurrent::run([this, looks = std::move(looks)](QPromise<void> &promise) {
        for (const Look &look : looks) {
            if (promise.isCanceled())
                return;
            sprite(look);
        }
    });
}

qsizetype LabelSprites::count() const
{
    const QMutexLocker lock(&m_mutex);
    return m_sprites.size();
}

} // namespace tlr
