#pragma once

#include <QColor>
#include <QFont>
#include <QFuture>
#include <QHash>
#include <QImage>
#include <QList>
#include <QMutex>
#include <QSizeF>
#include <QString>

namespace tlr {

// Map labels with their dark halo, each drawn once into an image that every later frame only
// blits: outlining glyphs costs more than the rest of a map frame together. A map's worth of
// them outlined in its first frame kept a wall's event loop away 50 ms, so a layer that knows
// its names ahead hands them to prepare(), which draws them on a worker thread; a label still
// missing when it is needed is drawn where it is asked for. Shared by every map of the process.
class LabelSprites
{
public:
    struct Look
    {
        QString text;
        QFont font;
        QColor colour;
    };
    static constexpr int kHalo = 3; // pixels around the text's box

    static LabelSprites &shared();

    // Any thread. The image is the text's box (textBox()) grown by kHalo on every side.
    QImage sprite(const Look &look);
    // The box a label's text takes, which LabelPlacer places: its advance plus 4, one line high.
    static QSizeF textBox(const QString &text, const QFont &font);
    // Draws the missing ones on Qt's global thread pool and returns at once. The caller keeps
    // the future and cancels and waits for it before the application goes: fonts are the
    // QGuiApplication's, gone before the pool is stopped.
    QFuture<void> prepare(QList<Look> looks);

    qsizetype count() const;

private:
    static QString keyOf(const Look &look);
    static QImage draw(const Look &look);

    mutable QMutex m_mutex;
    QHash<QString, QImage> m_sprites;
};

} // namespace tlr
