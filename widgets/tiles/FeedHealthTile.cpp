#include "FeedHealthTile.h"

#include "domain/WallClock.h"
#include "itemmodels/FeedHealthModel.h"
#include "theme/FeedStateStyle.h"
#include "theme/Theme.h"

#include <QCoreApplication>
#include <QPainter>
#include <QVBoxLayout>

namespace tlr {

class FeedHealthTile::Table : public QWidget
{
    Q_DECLARE_TR_FUNCTIONS(FeedHealthTile)

public:
    Table(const FeedHealthModel *model, const WallClock *clock, QWidget *parent)
        : QWidget(parent)
        , m_model(model)
        , m_clock(clock)
    {
        connect(model, &QAbstractItemModel::dataChanged, this, qOverload<>(&QWidget::update));
        connect(model, &QAbstractItemModel::modelReset, this, qOverload<>(&QWidget::update));
        connect(clock, &WallClock::ticked, this, qOverload<>(&QWidget::update));
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const int rows = m_model->rowCount();
        if (rows == 0) {
            p.setPen(Theme::textMuted());
            p.drawText(rect(), Qt::AlignCenter, tr("No feeds configured"));
            return;
        }
        const int rowHeight = std::min(56, std::max(Theme::kBodyPixels + 8, height() / (rows + 1)));
        const QDateTime now = m_clock->now();
        const QFont headerFont = Theme::font(Theme::kSmallPixels, QFont::DemiBold);
        const QFont stateFont = Theme::font(Theme::kBodyPixels, QFont::Bold);
        const QFont bodyFont = Theme::font(Theme::kBodyPixels);
        const QFontMetrics headerMetrics(headerFont);
        const QFontMetrics bodyMetrics(bodyFont);
        const QFontMetrics stateMetrics(stateFont);

        struct Column
        {
            QString header;
            QStringList cells;
            bool numeric = true;
            int width = 0;
        };
        Column state{tr("State"), {}, false};
        Column feed{tr("Feed"), {}, false};
        Column rate{tr("per min"), {}};
        Column age{tr("Age"), {}};
        Column gaps{tr("Gaps"), {}};
        Column rejected{tr("Rej."), {}};
        for (int r = 0; r < rows; ++r) {
            const FeedStatus &s = m_model->status(r);
            state.cells << FeedStateStyle::glyph(s.state) + u' ' + FeedStateStyle::label(s.state);
            // A feed that cannot connect says why where there is room: its feed cell.
            feed.cells << agencyShortName(s.agency) + QStringLiteral(" · ")
                              + (s.connectionError.isEmpty() ? s.id : s.connectionError);
            rate.cells << QLocale().toString(s.messagesPerMinute, 'f', 0);
            age.cells << FeedStateStyle::age(s.lastDataAt, now);
            gaps.cells << QLocale().toString(s.gaps);
            rejected.cells << QLocale().toString(s.rejected);
        }
        auto measure = [&](Column &c, const QFontMetrics &cellMetrics) {
            c.width = headerMetrics.horizontalAdvance(c.header);
            for (const QString &cell : std::as_const(c.cells))
                c.width = std::max(c.width, cellMetrics.horizontalAdvance(cell));
            c.width += 20;
        };
        for (Column *c : {&rate, &age, &gaps, &rejected})
            measure(*c, bodyMetrics);
        measure(state, stateMetrics);

        // A narrow tile drops what matters least first: the rate, then the state's word (the
        // colour and the shape stay).
        QList<Column *> shown{&state, &feed, &rate, &age, &gaps, &rejected};
        auto fixedWidth = [&] {
            int w = 0;
            for (Column *c : std::as_const(shown))
                w += c == &feed ? 0 : c->width;
            return w;
        };
        const int minimumFeedWidth = bodyMetrics.horizontalAdvance(QStringLiteral("Tirta Benteng"));
        if (width() - fixedWidth() < minimumFeedWidth)
            shown.removeOne(&rate);
        bool glyphOnly = false;
        if (width() - fixedWidth() < minimumFeedWidth) {
            glyphOnly = true;
            state.width = stateMetrics.horizontalAdvance(QStringLiteral("●")) + 16;
        }
        feed.width = std::max(0, width() - fixedWidth());

        int x = 0;
        for (Column *c : std::as_const(shown)) {
            const Qt::Alignment align = Qt::AlignVCenter | (c->numeric ? Qt::AlignRight : Qt::AlignLeft);
            const int textWidth = c->width - (c->numeric ? 0 : 12);
            p.setFont(headerFont);
            p.setPen(Theme::textMuted());
            if (!(c == &state && glyphOnly)) {
                p.drawText(QRect(x, 0, textWidth, rowHeight), align,
                           headerMetrics.elidedText(c->header, Qt::ElideRight, textWidth));
            }
            for (int r = 0; r < rows; ++r) {
                const FeedStatus &s = m_model->status(r);
                const QRect cellRect(x, (r + 1) * rowHeight, textWidth, rowHeight);
                QString text = c->cells.at(r);
                if (c == &state) {
                    p.setFont(stateFont);
                    p.setPen(FeedStateStyle::color(s.state));
                    if (glyphOnly)
                        text = FeedStateStyle::glyph(s.state);
                } else {
                    p.setFont(bodyFont);
                    const bool alarming = (c == &gaps && s.gaps > s.gapsRecovered) || (c == &rejected && s.rejected > 0);
                    p.setPen(alarming ? Theme::warning() : Theme::text());
                }
                p.drawText(cellRect, align, p.fontMetrics().elidedText(text, Qt::ElideRight, textWidth));
            }
            x += c->width;
        }
    }

private:
    const FeedHealthModel *m_model;
    const WallClock *m_clock;
};

FeedHealthTile::FeedHealthTile(const TileSpec &spec, const FeedHealthModel *model,
                               const WallClock *clock, QWidget *parent)
    : Tile(spec, parent)
{
    m_table = new Table(model, clock, this);
    contentLayout()->addWidget(m_table, 1);
    retranslate();
}

void FeedHealthTile::retranslate()
{
    setDefaultTitle(tr("Feed health"));
    m_table->update();
}

} // namespace tlr
