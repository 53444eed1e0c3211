#include "NearbyCharts.h"

#include "charts/ChartTile.h"
#include "domain/WallClock.h"
#include "dossier/NearbySeriesJob.h"
#include "situation/SituationModel.h"
#include "theme/Theme.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>

namespace tlr {

NearbyCharts::NearbyCharts(const Incident &incident, const TileContext &context, QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Theme::kTileSpacing);
    const QDateTime now = context.clock ? context.clock->now() : QDateTime::currentDateTimeUtc();
    m_from = (incident.firstSignalAt.isValid() ? incident.firstSignalAt : now)
                 .addSecs(-60 * NearbySensors::kMarginMinutes);
    if (context.situation) {
        m_charts = NearbySensors::select(incident, context.situation->observations(),
                                         SeriesCatalog::builtIn());
    }
    // The tiles draw what the job reads; their own history reading stays off.
    TileContext tileContext = context;
    tileContext.store = nullptr;
    for (const NearbySensors::Chart &chart : std::as_const(m_charts)) {
        TileSpec spec;
        spec.type = QStringLiteral("chart");
        spec.params.insert(QStringLiteral("series"), chart.series.key);
        spec.params.insert(QStringLiteral("from"), m_from.toString(Qt::ISODateWithMs));
        auto *tile = new ChartTile(spec, chart.series, ChartWindow::OneDay, tileContext, this);
        layout->addWidget(tile, 1);
        m_tiles.append(tile);
    }
    m_none = new QLabel(this);
    m_none->setFont(Theme::font(Theme::kSmallPixels));
    m_none->setAlignment(Qt::AlignCenter);
    m_none->setVisible(m_charts.isEmpty());
    layout->addWidget(m_none, m_charts.isEmpty() ? 1 : 0);
    retranslate();

    m_job = new NearbySeriesJob(context.store, m_charts, m_from, now, this);
    connect(m_job, &NearbySeriesJob::finished, this, [this] {
        m_charts = m_job->charts();
        for (int c = 0; c < m_charts.size() && c < m_tiles.size(); ++c) {
            const auto &points = m_charts.at(c).points;
            for (std::size_t l = 0; l < points.size(); ++l)
                m_tiles.at(c)->addHistory(int(l), points[l]);
        }
        m_job->deleteLater();
        m_loaded = true;
        emit historyLoaded();
    });
    m_job->start();
}

NearbyCharts::~NearbyCharts() = default; // the job is a child: its reads end unheard

void NearbyCharts::retranslate()
{
    m_none->setText(tr("No sensor near this incident tells its kind of story."));
}

void NearbyCharts::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace tlr
