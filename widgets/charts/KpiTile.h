#pragma once

#include "kpi/AcknowledgementTimes.h"
#include "kpi/HourlyTrend.h"
#include "kpi/KpiKind.h"
#include "kpi/ReportHistory.h"
#include "tiles/Tile.h"
#include "tiles/TileContext.h"

#include <QHash>
#include <QTimer>

class QLabel;

namespace tlr {

class FittedLabel;
class Sparkline;

// One key figure in numerals readable at three metres, with its trend against the same hour
// yesterday and a sparkline of the last day's hours. The alert KPIs (unacknowledged alerts,
// times to acknowledge) read the alert engine, and wait for it where there is none; a KPI whose
// feed has never delivered says so: no card shows a number that was not computed from data.
class KpiTile : public Tile
{
    Q_OBJECT
public:
    KpiTile(const TileSpec &spec, KpiKind kind, const TileContext &context,
            QWidget *parent = nullptr);

    KpiKind kind() const { return m_kind; }
    QString figureText() const; // the numeral shown; empty when there is none
    QString trendText() const;
    QString detailText() const;
    const std::vector<int> &sparklineValues() const;
    void refreshNow();

signals:
    void clicked(); // a press released on the card (mouse or touch): a drill-down asks for it

protected:
    void retranslate() override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void requestRefresh();
    void refresh();
    void fitToHeight();
    void collectAlertOpenings(const QDateTime &now);
    void showTrend(const HourlyTrend &trend, const QString &what);
    void refreshFromAlerts();
    void showOpenIncidents(const QDateTime &now);
    void showWaiting();
    bool feedEverDelivered(const QString &feed) const;
    QHash<QString, Agency> agencyOfFeed() const;

    KpiKind m_kind;
    TileContext m_context;
    QDateTime m_coverageStart;
    AcknowledgementTimes m_acknowledgements;
    QHash<quint64, QDateTime> m_alertRaisedAt; // live alerts of the last day, for the sparkline
    QHash<QString, QDateTime> m_incidentOpenings; // live alert (sender + id) -> sent
    FittedLabel *m_figure = nullptr;
    QLabel *m_trend = nullptr;
    QLabel *m_detail = nullptr;
    Sparkline *m_sparkline = nullptr;
    QLabel *m_note = nullptr;
    QTimer m_refreshTimer;
};

} // namespace tlr
