#include "KpiTile.h"

#include "Sparkline.h"
#include "alerts/AlertEngine.h"
#include "domain/WallClock.h"
#include "incidents/IncidentBoard.h"
#include "itemmodels/AlertTableModel.h"
#include "itemmodels/FeedHealthModel.h"
#include "kpi/ComplaintSla.h"
#include "kpi/OpenIncidents.h"
#include "situation/SituationModel.h"
#include "theme/Theme.h"
#include "tiles/FittedLabel.h"
#include "tiles/RefreshTurns.h"

#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QVBoxLayout>

namespace tlr {

namespace {

const QString kEmergencyFeed = QStringLiteral("emergency-112");
constexpr int kRefreshMilliseconds = 500;
constexpr int kNumeralMaximumPixels = 120;
constexpr int kSparklineMinimumPixels = 32; // below this a trend line says nothing

QLabel *makeLabel(int pixels, const QColor &color, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setFont(Theme::font(pixels));
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
    return label;
}

void setLabelColor(QLabel *label, const QColor &color)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
}


QString wibTime(const QDateTime &utc)
{
    return QLocale().toString(utc.toTimeZone(WallClock::wib()).time(), QStringLiteral("HH:mm"));
}

} // namespace

KpiTile::KpiTile(const TileSpec &spec, KpiKind kind, const TileContext &context,
                 QWidget *parent)
    : Tile(spec, parent)
    , m_kind(kind)
    , m_context(context)
    , m_coverageStart(context.historyStart.isValid() ? context.historyStart
                      : context.clock                ? context.clock->now()
                                                     : QDateTime::currentDateTimeUtc())
{
    m_figure = new FittedLabel(kNumeralMaximumPixels, QFont::Bold, this);
    m_figure->setSizingText(QStringLiteral("0000"));
    // The figure keeps room for numerals of at least kNumeralPixels: FittedLabel draws at most
    // 80 % of its height.
    m_figure->setMinimumHeight(Theme::kNumeralPixels * 5 / 4 + 4);
    m_trend = makeLabel(Theme::kBodyPixels, Theme::text(), this);
    m_detail = makeLabel(Theme::kSmallPixels, Theme::textMuted(), this);
    m_sparkline = new Sparkline(this);
    m_note = makeLabel(Theme::kSmallPixels, Theme::textMuted(), this);
    contentLayout()->addWidget(m_figure, 3);
    contentLayout()->addWidget(m_trend);
    contentLayout()->addWidget(m_detail);
    contentLayout()->addWidget(m_sparkline, 1);
    contentLayout()->addWidget(m_note);

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(kRefreshMilliseconds);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        RefreshTurns::instance().request(this, [this] {
            refresh();
            fitToHeight();
        });
    });
    if (kpiNeedsAlertEngine(m_kind) && m_context.alerts) {
        connect(m_context.alerts, &AlertEngine::alertsUpdated, this, &KpiTile::requestRefresh);
        if (m_context.clock) {
            connect(m_context.clock, &WallClock::ticked, this, [this](const QDateTime &now) {
                if (now.time().second() % 10 == 0)
                    requestRefresh();
            });
        }
    } else if (!kpiNeedsAlertEngine(m_kind)) {
        if (m_context.situation) {
            connect(m_context.situation, &SituationModel::reportsChanged, this,
                    &KpiTile::requestRefresh);
            connect(m_context.situation, &SituationModel::alertsChanged, this,
                    &KpiTile::requestRefresh);
        }
        if (m_context.incidents && m_kind == KpiKind::OpenIncidentsByAgency) {
            connect(m_context.incidents, &IncidentBoard::incidentOpened, this, &KpiTile::requestRefresh);
            connect(m_context.incidents, &IncidentBoard::incidentChanged, this, &KpiTile::requestRefresh);
            connect(m_context.incidents, &IncidentBoard::restored, this, &KpiTile::requestRefresh);
        }
        if (m_context.clock) {
            // Hours turn and deadlines pass without any event arriving.
            connect(m_context.clock, &WallClock::ticked, this, [this](const QDateTime &now) {
                if (now.time().second() % 10 == 0)
                    requestRefresh();
            });
        }
    }
    retranslate();
}

void KpiTile::requestRefresh()
{
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
}

void KpiTile::refreshNow()
{
    m_refreshTimer.stop();
    refresh();
    fitToHeight();
}

void KpiTile::resizeEvent(QResizeEvent *event)
{
    Tile::resizeEvent(event);
    // After the layout has placed the lines: a card resized before it was first shown has its
    // layout activated only then.
    QMetaObject::invokeMethod(this, &KpiTile::fitToHeight, Qt::QueuedConnection);
}

void KpiTile::showEvent(QShowEvent *event)
{
    Tile::showEvent(event);
    QMetaObject::invokeMethod(this, &KpiTile::fitToHeight, Qt::QueuedConnection);
}

// A card given less height than its lines need (a replay banner above the page, a smaller
// monitor) leaves out its least needed lines, the note first, then the sparkline, then the
// detail, rather than letting the layout draw them over the figure.
void KpiTile::fitToHeight()
{
    const QRect area = contentLayout()->geometry();
    if (area.width() <= 0 || area.height() <= 0)
        return;
    const auto textHeight = [&area](const QLabel *label) {
        return label->text().isEmpty() ? 0 : label->heightForWidth(area.width());
    };
    const int spacing = contentLayout()->spacing();
    int needed = (m_figure->isHidden() ? 0 : m_figure->minimumHeight()) + spacing
                 + textHeight(m_trend);
    const std::pair<QWidget *, int> parts[] = {{m_detail, textHeight(m_detail)},
                                               {m_sparkline, kSparklineMinimumPixels},
                                               {m_note, textHeight(m_note)}};
    bool fits = true;
    for (const auto &[widget, height] : parts) {
        fits = fits && needed + spacing + height <= area.height();
        widget->setVisible(fits);
        if (fits)
            needed += spacing + height;
    }
}

QString KpiTile::figureText() const { return m_figure->isHidden() ? QString() : m_figure->text(); }
QString KpiTile::trendText() const { return m_trend->text(); }
QString KpiTile::detailText() const { return m_detail->text(); }
const std::vector<int> &KpiTile::sparklineValues() const { return m_sparkline->values(); }

bool KpiTile::feedEverDelivered(const QString &feed) const
{
    if (!m_context.feedHealth)
        return false;
    for (const FeedStatus &status : m_context.feedHealth->statuses()) {
        if ((feed.isEmpty() || status.id == feed) && status.lastDataAt.isValid())
            return true;
    }
    return false;
}

QHash<QString, Agency> KpiTile::agencyOfFeed() const
{
    QHash<QString, Agency> agencies;
    if (m_context.feedHealth) {
        for (const FeedStatus &status : m_context.feedHealth->statuses())
            agencies.insert(status.id, status.agency);
    }
    return agencies;
}

void KpiTile::collectAlertOpenings(const QDateTime &now)
{
    const QDateTime forgotten = now.addSecs(-ReportHistory::kKeepSeconds);
    m_incidentOpenings.removeIf([&](const auto &opening) { return opening.value() < forgotten; });
    for (const Alert &alert : m_context.situation->activeAlerts()) {
        if (!alert.isLive())
            continue;
        const QString key = alert.sender + u'\x1f' + alert.identifier;
        if (!m_incidentOpenings.contains(key))
            m_incidentOpenings.insert(key, alert.sent);
    }
}

void KpiTile::showOpenIncidents(const QDateTime &now)
{
    int open = 0;
    QMap<Agency, int> byAgency;
    std::vector<QDateTime> openings;
    for (const Incident &incident : m_context.incidents->incidents()) {
        openings.push_back(incident.firstSignalAt);
        if (!incident.isOpen())
            continue;
        ++open;
        // Until it is forwarded the room holds it; the agency its first signal named is
        // where it will most likely go.
        ++byAgency[incident.accountable != Agency::Unknown ? incident.accountable
                                                            : incident.suggestedAgency];
    }
    m_figure->setText(QLocale().toString(open));
    m_figure->setColor(open > 0 ? Theme::warning() : Theme::text());
    m_figure->show();
    QStringList parts;
    for (auto it = byAgency.cbegin(); it != byAgency.cend(); ++it)
        parts << agencyShortName(it.key()) + u' ' + QLocale().toString(it.value());
    m_detail->setText(parts.isEmpty() ? tr("No open incident") : parts.join(QStringLiteral(" · ")));
    showTrend(HourlyTrend::compute(openings, m_coverageStart, now), tr("New this hour: %1"));
}

void KpiTile::refreshFromAlerts()
{
    const QDateTime now = m_context.clock->now();
    const AlertTableModel *table = m_context.alertTable;
    int unacknowledged = 0;
    int critical = 0;
    QDateTime oldestWaiting;
    // The table's rows, read in place: copying 100,000 alerts for a card would cost more than
    // the card is worth.
    for (int row = 0; row < table->rowCount(); ++row) {
        const AlertRecord &alert = table->record(row);
        m_acknowledgements.record(alert);
        if (alert.live && !m_alertRaisedAt.contains(alert.id))
            m_alertRaisedAt.insert(alert.id, alert.raisedAt);
        if (!alert.live || alert.state != AlertState::Unacknowledged)
            continue;
        ++unacknowledged;
        critical += alert.isCritical();
        if (!oldestWaiting.isValid() || alert.unacknowledgedSince < oldestWaiting)
            oldestWaiting = alert.unacknowledgedSince;
    }
    m_acknowledgements.prune(now);
    const QDateTime dayAgo = now.addDays(-1);
    for (auto it = m_alertRaisedAt.begin(); it != m_alertRaisedAt.end();)
        it = it.value() < dayAgo ? m_alertRaisedAt.erase(it) : std::next(it);
    m_note->setText(tr("Live alerts only; exercises and tests are left out"));
    setLabelColor(m_trend, Theme::text());

    switch (m_kind) {
    case KpiKind::UnacknowledgedAlerts:
        m_figure->setText(QLocale().toString(unacknowledged));
        m_figure->setColor(critical > 0 ? Theme::bad() : unacknowledged > 0 ? Theme::warning() : Theme::good());
        m_figure->show();
        m_detail->setText((critical > 0 ? tr("%n critical", nullptr, critical) : tr("none critical"))
                          + QStringLiteral(" · ")
                          + (oldestWaiting.isValid()
                                 ? tr("longest waiting: %1").arg(AlertTableModel::formatAge(oldestWaiting.secsTo(now)))
                                 : tr("every live alert has been taken")));
        setLabelColor(m_detail, critical > 0 ? Theme::bad() : Theme::textMuted());
        {
            std::vector<QDateTime> raised;
            raised.reserve(std::size_t(m_alertRaisedAt.size()));
            for (const QDateTime &t : std::as_const(m_alertRaisedAt))
                raised.push_back(t);
            showTrend(HourlyTrend::compute(raised, m_coverageStart, now), tr("New this hour: %1"));
        }
        return;
    case KpiKind::MedianAck112:
    case KpiKind::ResponseTimeByAgency: {
        const bool only112 = m_kind == KpiKind::MedianAck112;
        const auto median = only112 ? m_acknowledgements.medianSeconds(Agency::CallCentre112)
                                    : m_acknowledgements.medianSeconds();
        const std::vector<QDateTime> acknowledged =
            only112 ? m_acknowledgements.acknowledgedAt(Agency::CallCentre112)
                    : m_acknowledgements.acknowledgedAt();
        if (!median) {
            m_sparkline->setValues({});
            m_figure->hide();
            m_trend->setText(only112 ? tr("No 112 alert acknowledged in the last 24 h")
                                     : tr("No alert acknowledged in the last 24 h"));
            m_detail->clear();
            return;
        }
        m_figure->setText(AlertTableModel::formatAge(*median));
        m_figure->setColor(Theme::text());
        m_figure->show();
        showTrend(HourlyTrend::compute(acknowledged, m_coverageStart, now),
                  tr("Acknowledged this hour: %1"));
        m_note->setText(tr("median time to acknowledge, last 24 h"));
        if (only112) {
            m_detail->clear();
        } else {
            QStringList parts;
            const auto byAgency = m_acknowledgements.medianSecondsByAgency();
            for (auto it = byAgency.cbegin(); it != byAgency.cend(); ++it)
                parts << agencyShortName(it.key()) + u' ' + AlertTableModel::formatAge(it.value());
            m_detail->setText(parts.join(QStringLiteral(" · ")));
        }
        return;
    }
    default:
        return;
    }
}

void KpiTile::showWaiting()
{
    m_figure->hide();
    m_sparkline->setValues({});
    m_trend->setText(tr("Waiting for the alert engine"));
    setLabelColor(m_trend, Theme::text());
    m_detail->setText(tr("Acknowledgements and response times come with the Alerts work."));
    m_note->setText(tr("No figure is shown until it can be measured."));
}

void KpiTile::showTrend(const HourlyTrend &trend, const QString &what)
{
    m_sparkline->setValues(trend.sparkline);
    const QString now = what.arg(trend.current);
    if (!trend.sameHourYesterday) {
        m_trend->setText(now + QStringLiteral(" · ") + tr("yesterday: not known yet"));
        setLabelColor(m_trend, Theme::text());
        return;
    }
    const int delta = *trend.delta();
    QString arrow;
    QColor color = Theme::text();
    if (delta > 0) {
        arrow = QStringLiteral("▲ +%1").arg(delta);
        color = Theme::warning();
    } else if (delta < 0) {
        arrow = QStringLiteral("▼ −%1").arg(-delta);
        color = Theme::good();
    } else {
        arrow = QStringLiteral("= 0");
    }
    m_trend->setText(now + QStringLiteral(" · ") + arrow + u' '
                     + tr("vs. yesterday (%1)").arg(*trend.sameHourYesterday));
    setLabelColor(m_trend, color);
}

void KpiTile::refresh()
{
    if (kpiNeedsAlertEngine(m_kind)) {
        if (m_context.alerts && m_context.alertTable && m_context.clock)
            refreshFromAlerts();
        else
            showWaiting();
        return;
    }
    if (!m_context.clock)
        return;
    const QDateTime now = m_context.clock->now();
    static const ReportHistory noReports;
    const ReportHistory &reports =
        m_context.situation ? m_context.situation->reportHistory() : noReports;
    // Before the situation's first batch its history covers nothing yet: counted from here.
    const QDateTime reportsSince =
        reports.coverageStart().isValid() ? reports.coverageStart() : m_coverageStart;
    const auto countsSince = [this](const QDateTime &start) {
        return tr("Hourly counts since %1 WIB").arg(wibTime(start));
    };

    switch (m_kind) {
    case KpiKind::OpenIncidentsByAgency: {
        // In replay the stored history is the data, whatever the feeds do now.
        if (!m_context.replay && !feedEverDelivered({})) {
            m_figure->hide();
            m_trend->setText(tr("No data from the feeds yet"));
            m_detail->clear();
            m_sparkline->setValues({});
            m_note->clear();
            return;
        }
        if (m_context.incidents) {
            showOpenIncidents(now);
            m_note->setText(countsSince(m_coverageStart));
            return;
        }
        if (!m_context.situation)
            return;
        collectAlertOpenings(now);
        const OpenIncidents incidents =
            OpenIncidents::count(m_context.situation->activeAlerts(), agencyOfFeed());
        m_figure->setText(QLocale().toString(incidents.total));
        m_figure->setColor(incidents.total > 0 ? Theme::warning() : Theme::text());
        m_figure->show();
        QStringList parts;
        for (auto it = incidents.byAgency.cbegin(); it != incidents.byAgency.cend(); ++it)
            parts << agencyShortName(it.key()) + u' ' + QLocale().toString(it.value());
        m_detail->setText(parts.isEmpty() ? tr("No live alert in force")
                                          : parts.join(QStringLiteral(" · ")));
        std::vector<QDateTime> openings;
        for (const QDateTime &t : std::as_const(m_incidentOpenings))
            openings.push_back(t);
        showTrend(HourlyTrend::compute(openings, m_coverageStart, now),
                  tr("New this hour: %1"));
        m_note->setText(countsSince(m_coverageStart));
        return;
    }
    case KpiKind::ComplaintsSla: {
        if (reports.isEmpty() && !m_context.replay
            && !feedEverDelivered(kEmergencyFeed)) {
            m_figure->hide();
            m_trend->setText(tr("No data from the 112 / LAKSA feed yet"));
            m_detail->clear();
            m_sparkline->setValues({});
            m_note->clear();
            return;
        }
        const std::vector<QDateTime> received = reports.times(ReportHistory::Counting::Complaints);
        std::vector<Complaint> complaints;
        complaints.reserve(received.size());
        for (const QDateTime &at : received)
            complaints.push_back({QString(), at, std::nullopt});
        const ComplaintSlaFigures sla = ComplaintSla::evaluate(complaints, now);
        m_figure->setText(QLocale().toString(sla.openInside));
        m_figure->setColor(Theme::text());
        m_figure->show();
        m_detail->setText(tr("open within 7 × 24 h · %1 past · %2 due today")
                              .arg(sla.openPast)
                              .arg(sla.dueToday));
        setLabelColor(m_detail, sla.openPast > 0 ? Theme::warning() : Theme::textMuted());
        showTrend(HourlyTrend::compute(received, reportsSince, now),
                  tr("New this hour: %1"));
        // The wire has no follow-ups yet: the card says every complaint counts as open.
        m_note->setText(tr("No follow-up data yet: all open") + QStringLiteral(" · ")
                        + countsSince(reportsSince));
        return;
    }
    case KpiKind::Calls112PerHour: {
        if (reports.isEmpty() && !m_context.replay
            && !feedEverDelivered(kEmergencyFeed)) {
            m_figure->hide();
            m_trend->setText(tr("No data from the 112 / LAKSA feed yet"));
            m_detail->clear();
            m_sparkline->setValues({});
            m_note->clear();
            return;
        }
        const HourlyTrend trend =
            HourlyTrend::compute(reports.times(ReportHistory::Counting::Calls112), reportsSince, now);
        m_figure->setText(QLocale().toString(trend.current));
        m_figure->setColor(Theme::text());
        m_figure->show();
        m_detail->setText(tr("112 calls this hour"));
        showTrend(trend, tr("This hour: %1"));
        m_note->setText(countsSince(reportsSince));
        return;
    }
    default:
        break;
    }
}

void KpiTile::retranslate()
{
    switch (m_kind) {
    case KpiKind::OpenIncidentsByAgency: setDefaultTitle(tr("Open incidents")); break;
    case KpiKind::UnacknowledgedAlerts: setDefaultTitle(tr("Unacknowledged alerts")); break;
    case KpiKind::ComplaintsSla: setDefaultTitle(tr("Complaints within 7 × 24 h")); break;
    case KpiKind::MedianAck112: setDefaultTitle(tr("Median time to acknowledge 112")); break;
    case KpiKind::ResponseTimeByAgency: setDefaultTitle(tr("Response time by agency")); break;
    case KpiKind::Calls112PerHour: setDefaultTitle(tr("112 calls per hour")); break;
    case KpiKind::Unknown: break;
    }
    refresh();
}

void KpiTile::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
        emit clicked();
    Tile::mouseReleaseEvent(event);
}

} // namespace tlr
