#include "ReportLayer.h"

#include "situation/SituationModel.h"

#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace tlr {

namespace {

// One thread for the report layers, kept for the whole run. glibc gives each thread an arena of
// its own and keeps what was freed in it: layers built on whichever pool thread was free left
// a day's layer in every one of them (two arenas of 60 MB in the whole-day soak).
QThreadPool &reportLayerThread()
{
    static QThreadPool pool;
    static const bool configured = [] {
        pool.setMaxThreadCount(1);
        pool.setExpiryTimeout(-1);
        return true;
    }();
    Q_UNUSED(configured);
    return pool;
}

// GUI thread only, as the maps that ask. Never destroyed: a builder's destructor reads it, and
// a map held by a static may be destroyed after it would be.
QHash<const SituationModel *, std::weak_ptr<ReportLayerBuilder>> &builders()
{
    static auto *registry = new QHash<const SituationModel *, std::weak_ptr<ReportLayerBuilder>>;
    return *registry;
}

} // namespace

ReportLayer ReportLayer::build(std::vector<SharedReport> reports)
{
    ReportLayer layer;
    // Sized once: grown by doubling, every rebuild allocated and freed each step on the way to
    // a megabyte, churn that fragments a long-running heap.
    layer.points.reserve(reports.size());
    layer.located.reserve(reports.size());
    for (SharedReport &r : reports) {
        if (!r->kecamatan.isEmpty())
            ++layer.openByKecamatan[r->kecamatan];
        if (!r->location.isValid())
            continue;
        layer.points.push_back({r->id, QString(), r->location, FeedKind::Unknown,
                                MapPoint::State::Normal, r->emergency});
        layer.located.push_back(std::move(r));
    }
    layer.clusters = clusterIndexOf(layer.points);
    return layer;
}

QString ReportLayer::tooltip(std::size_t point) const
{
    if (point >= located.size())
        return {};
    const Report &r = *located[point];
    return QStringLiteral("%1 — %2\n%3").arg(r.category, r.kecamatan, r.description.left(120));
}

std::shared_ptr<ReportLayerBuilder> ReportLayerBuilder::of(const SituationModel *situation)
{
    if (!situation)
        return {};
    // A situation freed and another made at its address finds the old builder without one.
    if (auto existing = builders().value(situation).lock(); existing && existing->m_situation)
        return existing;
    std::shared_ptr<ReportLayerBuilder> builder(new ReportLayerBuilder(situation));
    builders().insert(situation, builder);
    return builder;
}

ReportLayerBuilder::ReportLayerBuilder(const SituationModel *situation)
    : m_key(situation)
    , m_situation(situation)
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(kRefreshMs);
    connect(&m_coalesce, &QTimer::timeout, this, &ReportLayerBuilder::rebuild);
    connect(&m_build, &QFutureWatcherBase::finished, this, &ReportLayerBuilder::take);
    connect(situation, &SituationModel::reportsChanged, this, [this] {
        if (!m_coalesce.isActive())
            m_coalesce.start();
    });
    rebuild();
}

ReportLayerBuilder::~ReportLayerBuilder()
{
    if (const auto it = builders().find(m_key); it != builders().end() && it->expired())
        builders().erase(it);
    // The build reads nothing of ours, but its result comes here. Only a running one is waited
    // for: a finished future asked to wait reaches into its pool, and a map may outlive the
    // application object.
    if (m_build.isRunning())
        m_build.waitForFinished();
}

void ReportLayerBuilder::rebuild()
{
    if (!m_situation)
        return;
    if (m_build.isRunning()) {
        m_changedMeanwhile = true; // once this build is in
        return;
    }
    // The worker gets its own list of the shared reports: the situation may change meanwhile.
    const std::deque<SharedReport> &recent = m_situation->recentReports();
    std::vector<SharedReport> reports(recent.cbegin(), recent.cend());
    m_build.setFuture(QtConcurrent::run(&reportLayerThread(), [reports = std::move(reports)]() mutable {
        return std::make_shared<const ReportLayer>(ReportLayer::build(std::move(reports)));
    }));
}

void ReportLayerBuilder::take()
{
    if (m_build.isCanceled() || m_build.future().resultCount() == 0)
        return;
    m_layer = m_build.future().takeResult();
    emit layerChanged();
    if (m_changedMeanwhile) {
        m_changedMeanwhile = false;
        if (!m_coalesce.isActive())
            m_coalesce.start();
    }
}

} // namespace tlr
