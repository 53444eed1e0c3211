#pragma once

#include "domain/Report.h"
#include "map/ClusterIndex.h"
#include "map/MapPoint.h"

#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <vector>

namespace tlr {

class SituationModel;

// The citizen reports of the last day as the map draws them: their points, clustered, and how
// many are open in each kecamatan.
struct ReportLayer
{
    std::vector<MapPoint> points; // the located reports; no tooltips, see tooltip()
    std::vector<SharedReport> located; // the reports of `points`, in the same order
    ClusterIndex clusters;
    QHash<QString, int> openByKecamatan; // every report, located or not

    // A day of reports is tens of thousands of texts nobody reads: the one under the pointer
    // is written when asked for. Empty past the last point.
    QString tooltip(std::size_t point) const;

    static ReportLayer build(std::vector<SharedReport> reports);
};

// Builds the report layer of one situation for every map that follows it: on a thread of its
// own, at most once every kRefreshMs and only when the reports changed, then shared whole.
// A storm day's layer is some 18 MB (bench_memory); when each map built its own, every map held
// one, and two while a new one was being built.
class ReportLayerBuilder : public QObject
{
    Q_OBJECT
public:
    static constexpr int kRefreshMs = 1000;

    // The builder of `situation`'s layer, shared while any map holds it.
    static std::shared_ptr<ReportLayerBuilder> of(const SituationModel *situation);
    ~ReportLayerBuilder() override;

    // The newest finished layer; null before the first one.
    const std::shared_ptr<const ReportLayer> &layer() const { return m_layer; }
    bool isBuilding() const { return m_build.isRunning(); }

signals:
    void layerChanged();

private:
    explicit ReportLayerBuilder(const SituationModel *situation);
    void rebuild();
    void take();

    const SituationModel *m_key; // in the registry, also once the situation is gone
    QPointer<const SituationModel> m_situation;
    QTimer m_coalesce;
    QFutureWatcher<std::shared_ptr<const ReportLayer>> m_build;
    bool m_changedMeanwhile = false;
    std::shared_ptr<const ReportLayer> m_layer;
};

} // namespace tlr
