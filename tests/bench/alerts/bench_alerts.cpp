// The alert panel's models under load, each figure beside a baseline measured in the same run.
//
//   QT_QPA_PLATFORM=offscreen build/bin/bench_alerts [seconds [sort|updates]]
//   ("sort" also measures the panel's paint)
//
// Prints one figure a line: name value unit baseline ratio aim (tab-separated).
//  - filter_change_ms / sort_change_ms: 100,000 active alerts in AlertTableModel, shown through
//    AlertFilterProxyModel in a QTableView set up as the alert panel's (its delegate and row
//    height, no row numbers; TLR_BENCH_PLAIN_VIEW=1: Qt's defaults, as before); the median time of a filter change (severity, state,
//    agency, text in turn) and of a sort change (every column in turn), each until the view has
//    the result, by the clock and (_cpu_) in the GUI thread's CPU time. Baseline: std::sort of
//    the same 100,000 sort keys, plain.
//  - update_stall_max_ms / _p99_ms: alert updates at 20,000/s for some seconds, delivered the
//    way FeedManager delivers events (a batch every 200 ms; then every 50 ms): mostly repeats,
//    some severity changes, new alerts and clears, into the engine → model → proxy → view; the
//    GUI thread's longest stretch away from its event loop (engine, signals, re-sort, paint),
//    seen by a 1 ms heartbeat timer. Baseline: the engine alone on the same batches, no model.
//    The batches are made before the run: on the wall they come from the feed threads.
//  - panel_paint_*: one paint of the table with every row on screen drawn by the alert panel's
//    delegate, in the GUI thread's CPU time. Baseline: Qt's QStyledItemDelegate.
//  - update_lag_*: how long after the last batch the panel showed all of it (the engine alone
//    applied all of it, for the baseline): whether the panel keeps up.
//
// With TLR_BENCH_PROFILE=1 the update runs also print where the GUI thread's longest event
// deliveries went (receiver, event type; the longest and how many took over 8 ms), and what
// made up the longest gap between heartbeats, so that a stall can be pinned on the engine's
// slice, the model's drain, the proxy or the view.

#include "alerts/AlertEngine.h"
#include "alerts/AlertRowDelegate.h"
#include "audit/AuditRecorder.h"
#include "domain/WallClock.h"
#include "itemmodels/AlertFilterProxyModel.h"
#include "itemmodels/AlertTableModel.h"
#include "theme/Theme.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHeaderView>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QThread>
#include <QTimer>

#include <QMetaEnum>

#include <algorithm>
#include <cstdio>
#include <map>
#include <cstdlib>
#include <random>

#include <time.h>

using namespace tlr;

namespace {

constexpr int kAlerts = 100'000;
const QStringList kKecamatan{"Batuceper", "Benda", "Cibodas", "Ciledug", "Cipondoh", "Jatiuwung",
                             "Karang Tengah", "Karawaci", "Larangan", "Neglasari", "Periuk",
                             "Pinang", "Tangerang"};
const QDateTime kStart(QDate(2026, 11, 23), QTime(2, 0), Qt::UTC);

// What the hash-chained log costs is the store's business; here the record is just counted.
class CountingRecorder : public AuditRecorder
{
public:
    void record(const AuditAction &) override { ++count; }
    qint64 count = 0;
};

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// Times each event the GUI thread delivers from its loop (nested deliveries count in their
// outer one), by receiver and event type: a QTimer stands for its parent, whose work it starts.
// In the thread's CPU time, so that other processes on the machine do not blur the picture.
class ProfilingApplication : public QApplication
{
public:
    using QApplication::QApplication;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!profiling || depth > 0)
            return QApplication::notify(receiver, event);
        ++depth;
        const double cpuBefore = threadCpuMs();
        const bool result = QApplication::notify(receiver, event);
        const double ms = threadCpuMs() - cpuBefore; // CPU time: what the thread itself did
        --depth;
        if (ms >= 0.2) {
            const QObject *who = receiver;
            if (qobject_cast<QTimer *>(receiver) && receiver->parent())
                who = receiver->parent();
            QByteArray name = who->objectName().isEmpty() ? QByteArray(who->metaObject()->className())
                                                          : who->objectName().toUtf8();
            name += '/';
            name += QMetaEnum::fromType<QEvent::Type>().valueToKey(event->type());
            sinceBeat.emplace_back(name, ms);
            if (ms < 1.0)
                return result;
            Slot &slot = deliveries[name];
            slot.max = std::max(slot.max, ms);
            slot.total += ms;
            slot.over8 += ms > 8.0;
            ++slot.count;
        }
        return result;
    }

    // At each heartbeat: what the GUI thread delivered since the last one, kept for the
    // longest gap, so that the worst stall can be taken apart.
    void beat(double gapCpuMs)
    {
        if (profiling && gapCpuMs > worstGapMs) {
            worstGapMs = gapCpuMs;
            worstGap = sinceBeat;
        }
        sinceBeat.clear();
    }

    void report(const char *run)
    {
        std::printf("# profile %s: the longest gap, %.2f ms of CPU:", run, worstGapMs);
        for (const auto &[name, ms] : worstGap)
            std::printf(" %s %.2f ms;", name.constData(), ms);
        std::printf("\n");
        worstGap.clear();
        worstGapMs = 0;
        std::vector<std::pair<QByteArray, Slot>> sorted(deliveries.begin(), deliveries.end());
        std::sort(sorted.begin(), sorted.end(),
                  [](const auto &a, const auto &b) { return a.second.max > b.second.max; });
        for (const auto &[name, slot] : sorted) {
            std::printf("# profile %s: %-44s max %6.2f ms, %5d over 1 ms (%.0f ms), %4d over 8 ms\n",
                        run, name.constData(), slot.max, slot.count, slot.total, slot.over8);
        }
        deliveries.clear();
    }

    struct Slot
    {
        double max = 0;
        double total = 0;
        int count = 0;
        int over8 = 0;
    };
    bool profiling = false;
    int depth = 0;
    std::map<QByteArray, Slot> deliveries;
    std::vector<std::pair<QByteArray, double>> sinceBeat; // deliveries over 0.2 ms
    std::vector<std::pair<QByteArray, double>> worstGap;
    double worstGapMs = 0;
};

ProfilingApplication *profiler = nullptr;

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    const std::size_t i = std::min(v.size() - 1, std::size_t(p / 100.0 * double(v.size())));
    return v[i];
}

void print(const char *name, double value, const char *unit, double baseline, const char *aim)
{
    std::printf("%s\t%.3f\t%s\t%.3f\t%.2fx\t%s\n", name, value, unit, baseline,
                value > 0 ? baseline / value : 0.0, aim);
    std::fflush(stdout);
}

AlertCondition makeCondition(int n, Severity severity)
{
    AlertCondition c;
    c.source = QStringLiteral("bench");
    c.resource = QStringLiteral("urn:ngsi-ld:Device:bench-%1").arg(n);
    c.event = QStringLiteral("threshold");
    c.severity = severity;
    c.agency = Agency(1 + n % 5);
    c.kecamatan = kKecamatan.at(n % kKecamatan.size());
    c.title = QStringLiteral("Sensor %1 di %2").arg(n).arg(c.kecamatan);
    return c;
}

Severity severityOf(std::mt19937 &rng)
{
    return Severity(1 + int(rng() % 4));
}

struct Fixture
{
    explicit Fixture(bool withModels)
    {
        clock.setFixedTime(kStart);
        engine = std::make_unique<AlertEngine>(&clock, AlertRules{}, &audit);
        if (withModels) {
            table = std::make_unique<AlertTableModel>(engine.get(), &clock);
            rows = std::make_unique<AlertFilterProxyModel>(table.get());
            rows->sort(AlertTableModel::SeverityColumn, Qt::DescendingOrder);
            view = std::make_unique<QTableView>();
            view->setModel(rows.get());
            view->resize(1280, 800);
            view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
            if (qEnvironmentVariableIntValue("TLR_BENCH_PLAIN_VIEW") == 1) {
                view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
            } else {
                // As AlertPanelTile sets up its table: what the wall's GUI thread paints.
                view->setItemDelegate(&delegate);
                view->setShowGrid(false);
                view->setWordWrap(false);
                view->setSelectionBehavior(QAbstractItemView::SelectRows);
                view->setSelectionMode(QAbstractItemView::SingleSelection);
                view->verticalHeader()->hide();
                view->verticalHeader()->setDefaultSectionSize(Theme::kBodyPixels + 18);
                view->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
                view->horizontalHeader()->setSectionResizeMode(AlertTableModel::TitleColumn,
                                                               QHeaderView::Stretch);
            }
            view->show();
        }
        std::mt19937 rng(7);
        severities.resize(kAlerts);
        for (int start = 0; start < kAlerts; start += 10'000) {
            QList<AlertCondition> batch;
            for (int n = start; n < start + 10'000; ++n) {
                severities[std::size_t(n)] = severityOf(rng);
                batch.append(makeCondition(n, severities[std::size_t(n)]));
            }
            clock.setFixedTime(clock.now().addSecs(1));
            engine->applyConditions(batch);
            engine->applyQueuedConditions();
        }
        QCoreApplication::processEvents();
    }

    WallClock clock;
    CountingRecorder audit;
    std::unique_ptr<AlertEngine> engine;
    std::unique_ptr<AlertTableModel> table;
    std::unique_ptr<AlertFilterProxyModel> rows;
    AlertRowDelegate delegate;
    std::unique_ptr<QTableView> view;
    std::vector<Severity> severities;
};

// A filter or sort change timed until the view has the result: by the clock, and in the GUI
// thread's CPU time (what a quiet machine would show; the clock also counts time the thread was
// not scheduled on a shared one).
struct ChangeTimer
{
    void start()
    {
        clock.start();
        cpuAtStart = threadCpuMs();
    }
    void settled(std::vector<double> &wall, std::vector<double> &cpu)
    {
        QCoreApplication::processEvents();
        wall.push_back(double(clock.nsecsElapsed()) / 1e6);
        cpu.push_back(threadCpuMs() - cpuAtStart);
    }
    QElapsedTimer clock;
    double cpuAtStart = 0;
};

void benchFilterAndSort(Fixture &f)
{
    std::vector<double> filters;
    std::vector<double> sorts;
    std::vector<double> cpuFilters;
    std::vector<double> cpuSorts;
    std::map<int, std::vector<double>> cpuByColumn;
    ChangeTimer t;
    std::map<QByteArray, std::vector<double>> cpuByFilter;
    const auto filter = [&](const char *name, const auto &change) {
        t.start();
        change();
        t.settled(filters, cpuFilters);
        cpuByFilter[name].push_back(cpuFilters.back());
    };
    for (int run = 0; run < 5; ++run) {
        filter("severity", [&] { f.rows->setMinimumSeverity(Severity::Severe); });
        filter("severity off", [&] { f.rows->setMinimumSeverity(Severity::Unknown); });
        filter("state", [&] { f.rows->setStates({AlertState::Unacknowledged, AlertState::ReturnedUnacknowledged}); });
        filter("state off", [&] { f.rows->setStates({}); });
        filter("agency", [&] { f.rows->setAgency(Agency::Dishub); });
        filter("agency off", [&] { f.rows->setAgency(Agency::Unknown); });
        filter("text", [&] { f.rows->setText(QStringLiteral("neglasari")); });
        filter("text off", [&] { f.rows->setText({}); });
        for (int column : {int(AlertTableModel::AgeColumn), int(AlertTableModel::AgencyColumn),
                           int(AlertTableModel::KecamatanColumn), int(AlertTableModel::StateColumn),
                           int(AlertTableModel::DuplicatesColumn), int(AlertTableModel::TitleColumn),
                           int(AlertTableModel::SeverityColumn)}) {
            t.start();
            f.rows->sort(column, column == AlertTableModel::SeverityColumn ? Qt::DescendingOrder
                                                                         : Qt::AscendingOrder);
            t.settled(sorts, cpuSorts);
            cpuByColumn[column].push_back(cpuSorts.back());
        }
    }
    for (const auto &[name, cpu] : cpuByFilter) {
        std::printf("# filter by %s: CPU median %.1f ms, max %.1f ms\n", name.constData(),
                    median(cpu), *std::max_element(cpu.begin(), cpu.end()));
    }
    for (const auto &[column, cpu] : cpuByColumn) {
        std::printf("# sort by %s: CPU median %.1f ms, max %.1f ms\n",
                    QMetaEnum::fromType<AlertTableModel::Column>().valueToKey(column), median(cpu),
                    *std::max_element(cpu.begin(), cpu.end()));
    }
    // Baseline: the same number of keys (severity, then raised order) sorted plainly.
    std::vector<double> baseline;
    QElapsedTimer clock;
    for (int run = 0; run < 5; ++run) {
        std::vector<std::pair<int, quint64>> keys;
        keys.reserve(kAlerts);
        for (int n = 0; n < kAlerts; ++n)
            keys.emplace_back(int(f.severities[std::size_t(n)]), quint64(kAlerts - n));
        clock.start();
        std::sort(keys.begin(), keys.end(), std::greater<>());
        baseline.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    std::printf("# %d alerts, %d shown after the last sort\n", int(f.engine->size()),
                f.rows->rowCount());
    const double plain = median(baseline);
    const auto max = [](const std::vector<double> &v) { return *std::max_element(v.begin(), v.end()); };
    print("filter_change_median_ms", median(filters), "ms", plain, "<=50ms");
    print("filter_change_max_ms", max(filters), "ms", plain, "<=50ms");
    print("filter_change_cpu_median_ms", median(cpuFilters), "ms", plain, "<=50ms");
    print("filter_change_cpu_max_ms", max(cpuFilters), "ms", plain, "<=50ms");
    print("sort_change_median_ms", median(sorts), "ms", plain, "<=50ms");
    print("sort_change_max_ms", max(sorts), "ms", plain, "<=50ms");
    print("sort_change_cpu_median_ms", median(cpuSorts), "ms", plain, "<=50ms");
    print("sort_change_cpu_max_ms", max(cpuSorts), "ms", plain, "<=50ms");
}

// One paint of the whole table, synchronously, in the GUI thread's CPU time.
std::vector<double> paintTimes(QTableView &view, int paints)
{
    std::vector<double> times;
    view.viewport()->repaint(); // fonts and caches settled before the clock runs
    for (int i = 0; i < paints; ++i) {
        const double before = threadCpuMs();
        view.viewport()->repaint();
        times.push_back(threadCpuMs() - before);
    }
    return times;
}

// The alert panel's paint: every row on screen drawn by the panel's delegate (AlertRowDelegate)
// against Qt's own QStyledItemDelegate on the same view. A paint comes between the engine's
// slices and the table's drain, so its cost is what the frame budget leaves room for.
void benchPaint(Fixture &f)
{
    constexpr int kPaints = 60;
    const int rowHeight = f.view->verticalHeader()->defaultSectionSize();
    f.view->verticalHeader()->setDefaultSectionSize(Theme::kBodyPixels + 18); // the panel's rows
    QAbstractItemDelegate *before = f.view->itemDelegate();
    QStyledItemDelegate plainDelegate;
    f.view->setItemDelegate(&plainDelegate);
    const std::vector<double> plain = paintTimes(*f.view, kPaints);
    AlertRowDelegate delegate;
    f.view->setItemDelegate(&delegate);
    const std::vector<double> panel = paintTimes(*f.view, kPaints);
    f.view->setItemDelegate(before);
    f.view->verticalHeader()->setDefaultSectionSize(rowHeight);
    print("panel_paint_median_ms", median(panel), "ms", median(plain), "-");
    print("panel_paint_max_ms", *std::max_element(panel.begin(), panel.end()), "ms",
          *std::max_element(plain.begin(), plain.end()), "-");
}

// One batch of updates: 90 % repeats, 5 % severity changes, 3 % clears, 2 % new alerts.
QList<AlertCondition> updateBatch(std::mt19937 &rng, int size, int *nextNew,
                                  std::vector<Severity> &severities)
{
    QList<AlertCondition> batch;
    batch.reserve(size);
    for (int i = 0; i < size; ++i) {
        const int dice = int(rng() % 100);
        const int n = int(rng() % kAlerts);
        if (dice < 90) {
            batch.append(makeCondition(n, severities[std::size_t(n)]));
        } else if (dice < 95) {
            severities[std::size_t(n)] = severityOf(rng);
            batch.append(makeCondition(n, severities[std::size_t(n)]));
        } else if (dice < 98) {
            AlertCondition c = makeCondition(n, severities[std::size_t(n)]);
            c.active = false;
            batch.append(c);
        } else {
            batch.append(makeCondition(kAlerts + (*nextNew)++, severityOf(rng)));
        }
    }
    return batch;
}

// The GUI thread's stalls while updates arrive at 20,000/s: a real event loop takes a batch
// every batchMs and paints the view when it likes, and a 1 ms heartbeat timer records how long
// the loop was away between its beats. The longest gap is the longest stall anyone at the wall
// could have seen. The baseline is the same run with the engine alone (no model, no view).
void benchUpdates(double seconds, int batchMs)
{
    const int perBatch = 20'000 * batchMs / 1000;
    const int batches = int(seconds * 1000 / batchMs);
    std::vector<double> stalls;
    std::vector<double> engineOnly;
    std::vector<double> cpuStalls; // the same gaps in the GUI thread's own CPU time
    std::vector<double> cpuEngineOnly;
    double lag = 0;       // from the last batch until the panel shows all of it
    double engineLag = 0; // until the engine alone has applied all of it
    for (bool withModels : {true, false}) {
        Fixture f(withModels);
        std::mt19937 rng(11);
        int nextNew = 0;
        std::vector<Severity> severities = f.severities;
        std::vector<QList<AlertCondition>> planned;
        for (int i = 0; i < batches; ++i)
            planned.push_back(updateBatch(rng, perBatch, &nextNew, severities));
        std::vector<double> &gaps = withModels ? stalls : engineOnly;
        std::vector<double> &cpuGaps = withModels ? cpuStalls : cpuEngineOnly;
        double cpuAtBeat = threadCpuMs();
        QEventLoop loop;
        QTimer feed;
        feed.setObjectName(QStringLiteral("feed"));
        feed.setTimerType(Qt::PreciseTimer);
        feed.setInterval(batchMs);
        int b = 0;
        QObject::connect(&feed, &QTimer::timeout, &loop, [&] {
            f.clock.setFixedTime(kStart.addMSecs(qint64(b) * batchMs + 20'000));
            f.engine->applyConditions(planned[std::size_t(b)]);
            if (f.view)
                f.view->viewport()->update();
            if (++b == batches) {
                feed.stop();
                loop.quit();
            }
        });
        QElapsedTimer beat;
        QTimer heartbeat;
        heartbeat.setTimerType(Qt::PreciseTimer);
        heartbeat.setInterval(1);
        QObject::connect(&heartbeat, &QTimer::timeout, &loop, [&] {
            gaps.push_back(double(beat.nsecsElapsed()) / 1e6);
            const double cpu = threadCpuMs();
            cpuGaps.push_back(cpu - cpuAtBeat);
            if (profiler)
                profiler->beat(cpuGaps.back());
            cpuAtBeat = cpu;
            beat.restart();
        });
        beat.start();
        heartbeat.start();
        feed.start();
        if (profiler)
            profiler->profiling = true;
        loop.exec();
        if (profiler) {
            profiler->profiling = false;
            profiler->report(withModels ? "panel" : "engine alone");
        }
        QElapsedTimer catchUp;
        catchUp.start();
        while (f.engine->hasQueuedConditions() || (f.table && f.table->hasPendingChanges()))
            QCoreApplication::processEvents();
        (withModels ? lag : engineLag) = double(catchUp.nsecsElapsed()) / 1e6;
        if (withModels) {
            std::printf("# %d batches of %d updates every %d ms; %d alerts at the end, %lld "
                        "audited; the panel caught up %lld ms after the last batch\n",
                        batches, perBatch, batchMs, int(f.engine->size()), f.audit.count,
                        catchUp.elapsed());
        }
    }
    const QByteArray name = QByteArray("update_stall_") + QByteArray::number(batchMs) + "ms_batches";
    print((name + "_max_ms").constData(), *std::max_element(stalls.begin(), stalls.end()), "ms",
          *std::max_element(engineOnly.begin(), engineOnly.end()), "<=16ms");
    print((name + "_p99_ms").constData(), percentile(stalls, 99), "ms",
          percentile(engineOnly, 99), "-");
    print((name + "_median_ms").constData(), median(stalls), "ms", median(engineOnly), "-");
    // On a shared machine the wall-clock gaps include time the thread was not scheduled at
    // all; the CPU time it spent between beats is what an idle machine would show.
    print((name + "_cpu_max_ms").constData(), *std::max_element(cpuStalls.begin(), cpuStalls.end()),
          "ms", *std::max_element(cpuEngineOnly.begin(), cpuEngineOnly.end()), "<=16ms");
    print((name + "_cpu_p99_ms").constData(), percentile(cpuStalls, 99), "ms",
          percentile(cpuEngineOnly, 99), "-");
    // Whether the panel keeps up: how long after the last batch it showed everything.
    const QByteArray lagName = QByteArray("update_lag_") + QByteArray::number(batchMs) + "ms_batches_ms";
    print(lagName.constData(), lag, "ms", engineLag, "-");
}

} // namespace

int main(int argc, char **argv)
{
    ProfilingApplication app(argc, argv);
    if (qEnvironmentVariableIntValue("TLR_BENCH_PROFILE") == 1)
        profiler = &app;
    const double seconds = argc > 1 ? std::max(1.0, std::atof(argv[1])) : 5.0;
    std::printf("# name\tvalue\tunit\tbaseline\tratio\taim\n");
    // A second argument runs one part alone: "sort" (filter and sort) or "updates".
    const QByteArray part = argc > 2 ? QByteArray(argv[2]) : QByteArray();
    if (part.isEmpty() || part == "sort") {
        Fixture f(true);
        benchFilterAndSort(f);
        benchPaint(f);
    }
    if (part.isEmpty() || part == "updates") {
        benchUpdates(seconds, 200);
        benchUpdates(seconds, 50);
    }
    return 0;
}
