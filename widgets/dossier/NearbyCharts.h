#pragma once

#include "dossier/NearbySensors.h"
#include "tiles/TileContext.h"

#include <QPointer>
#include <QWidget>

class QHBoxLayout;
class QLabel;

namespace tlr {

class ChartTile;
class NearbySeriesJob;

// The charts of the sensors near an incident (NearbySensors), side by side, from an hour before
// its first signal to now: history read in one job through the store, then live like every
// chart of the wall. Says so when no sensor near the incident tells its kind of story.
class NearbyCharts : public QWidget
{
    Q_OBJECT
public:
    NearbyCharts(const Incident &incident, const TileContext &context, QWidget *parent = nullptr);
    ~NearbyCharts() override;

    // The charts chosen, with the history read (empty points until historyLoaded()).
    const QList<NearbySensors::Chart> &charts() const { return m_charts; }
    QList<ChartTile *> tiles() const { return m_tiles; }
    QDateTime from() const { return m_from; }
    bool isLoaded() const { return m_loaded; }

signals:
    void historyLoaded();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QList<NearbySensors::Chart> m_charts;
    QList<ChartTile *> m_tiles;
    QDateTime m_from;
    QLabel *m_none = nullptr;
    QPointer<NearbySeriesJob> m_job;
    bool m_loaded = false;
};

} // namespace tlr
