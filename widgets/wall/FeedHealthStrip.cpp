#include "FeedHealthStrip.h"

#include "domain/WallClock.h"
#include "itemmodels/FeedHealthModel.h"
#include "theme/FeedStateStyle.h"
#include "theme/Theme.h"

#include <QPainter>
#include <QPainterPath>

namespace tlr {

FeedHealthStrip::FeedHealthStrip(const FeedHealthModel *model, const WallClock *clock, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_clock(clock)
{
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, Theme::background());
    setPalette(p);
    setFixedHeight(sizeHint().height());
    connect(model, &QAbstractItemModel::dataChanged, this, qOverload<>(&QWidget::update));
    connect(model, &QAbstractItemModel::modelReset, this, qOverload<>(&QWidget::update));
    connect(clock, &WallClock::ticked, this, qOverload<>(&QWidget::update));
}

QSize FeedHealthStrip::sizeHint() const
{
    return QSize(800, Theme::kSmallPixels + 22);
}

void FeedHealthStrip::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const int rows = m_model->rowCount();
    if (rows == 0)
        return;
    const QDateTime now = m_clock->now();
    const QFont font = Theme::font(Theme::kSmallPixels, QFont::DemiBold);
    p.setFont(font);
    const int gap = 10;
    const double chipWidth = double(width() - gap * (rows + 1)) / rows;
    for (int r = 0; r < rows; ++r) {
        const FeedStatus &s = m_model->status(r);
        const QRectF chip(gap + r * (chipWidth + gap), 3, chipWidth, height() - 6);
        QPainterPath path;
        path.addRoundedRect(chip, 8, 8);
        p.fillPath(path, Theme::surfaceRaised());
        const QColor stateColor = FeedStateStyle::color(s.state);
        p.fillRect(QRectF(chip.left(), chip.top() + 4, 6, chip.height() - 8), stateColor);

        const QRectF text = chip.adjusted(14, 0, -8, 0);
        const QFontMetrics metrics = p.fontMetrics();
        const QString name = agencyShortName(s.agency);
        const int nameWidth = std::min(metrics.horizontalAdvance(name) + 6, int(text.width() * 0.55));
        // Where the chip is narrow the state's word goes first; its colour and shape stay.
        const QString age = FeedStateStyle::age(s.lastDataAt, now);
        QString state = FeedStateStyle::glyph(s.state) + u' ' + FeedStateStyle::label(s.state) + u' ' + age;
        if (!s.connectionError.isEmpty()) {
            // Why it cannot connect (a wrong CA, a missing token) matters more than how long
            // ago it last spoke; the feed-health tile and the log have the whole sentence.
            state = FeedStateStyle::glyph(s.state) + u' ' + s.connectionError;
        } else if (metrics.horizontalAdvance(state) > int(text.width()) - nameWidth - 4) {
            state = FeedStateStyle::glyph(s.state) + u' ' + age;
        }
        p.setPen(Theme::text());
        p.drawText(text, Qt::AlignVCenter | Qt::AlignLeft, metrics.elidedText(name, Qt::ElideRight, nameWidth));
        p.setPen(stateColor);
        p.drawText(text, Qt::AlignVCenter | Qt::AlignRight,
                   metrics.elidedText(state, Qt::ElideRight, int(text.width()) - nameWidth - 4));
    }
}

} // namespace tlr
