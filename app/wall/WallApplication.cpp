#include "WallApplication.h"

#include "alerts/AlertEngine.h"
#include "alerts/AlertRulesReader.h"
#include "feeds/FeedManager.h"
#include "feeds/FeedsFileReader.h"
#include "feeds/SimulatorProcess.h"
#include "store/EventStore.h"
#include "i18n/LanguageSwitcher.h"
#include "map/MbtilesReader.h"
#include "stats/RunStats.h"
#include "tiles/TileFactory.h"
#include "wall/WallController.h"
#include "wall/WallKeys.h"
#include "wall/WallProfileReader.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QStandardPaths>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QTimer>

Q_LOGGING_CATEGORY(lcApp, "tlr.app")

namespace tlr {

namespace {

// A --basemap MBTiles file that cannot be read is named with the reason, and the wall goes on
// with the built-in map: a control room is better served by a schematic map than by none.
QString checkedBasemap(const QString &basemap)
{
    if (!basemap.startsWith(QLatin1String("mbtiles:")))
        return basemap;
    MbtilesReader reader;
    if (reader.open(basemap.mid(8)))
        return basemap;
    qCWarning(lcApp).noquote() << "--basemap:" << reader.errorString()
                               << "- using the built-in map instead";
    return QStringLiteral("builtin");
}

} // namespace

WallApplication::WallApplication(WallOptions options, QElapsedTimer startTimer, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_startTimer(startTimer)
{
    m_language = new LanguageSwitcher(this);
}

WallApplication::~WallApplication() = default;

QString WallApplication::openStore()
{
    QString path = m_options.dbPath;
    if (path.isEmpty() && m_options.demo) {
        const QString dataDirectory = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QDir().mkpath(dataDirectory);
        path = QDir(dataDirectory).filePath(QStringLiteral("demo.sqlite"));
        // Removing the database under another running demo wall would leave it writing to a
        // deleted file: one demo at a time per user, unless it is given a --db of its own.
        m_demoLock = std::make_unique<QLockFile>(path + QStringLiteral(".lock"));
        m_demoLock->setStaleLockTime(0);
        if (!m_demoLock->tryLock(0)) {
            return QStringLiteral("another demo wall is running with %1; give this one its own --db FILE")
                .arg(path);
        }
        // Each demo run starts its own simulator, whose sequence numbers start again at 1: the
        // demo's history starts afresh with it (a --db given by the user is never removed).
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + suffix);
    }
    if (path.isEmpty())
        return {};
    m_store = std::make_unique<EventStore>();
    EventStore::Options options;
    options.path = path;
    const QString error = m_store->open(options);
    if (!error.isEmpty())
        return QStringLiteral("--db: %1").arg(error);
    qCInfo(lcApp).noquote() << "storing to" << path;
    return {};
}

QString WallApplication::startFeeds()
{
    auto rules = AlertRulesReader::readFile(AlertRulesReader::defaultRulesPath());
    if (auto *error = std::get_if<AlertRulesReader::Error>(&rules))
        return error->toString();
    // No audit log yet (it comes with the store's hash-chained log): the engine records nothing.
    m_alerts = std::make_unique<AlertEngine>(&m_clock, std::get<AlertRules>(rules), nullptr);
    m_feeds = std::make_unique<FeedManager>(m_store.get());
    connect(m_feeds.get(), &FeedManager::statusesChanged, this, [this](const QList<FeedStatus> &statuses) {
        for (const FeedStatus &status : statuses)
            m_feedHealth.updateStatus(status);
        m_alerts->updateFeedStatuses(statuses);
    });
    connect(m_feeds.get(), &FeedManager::eventsArrived, &m_situation, &SituationModel::apply);
    connect(m_feeds.get(), &FeedManager::eventsArrived, m_alerts.get(), &AlertEngine::apply);
    if (!m_options.feedsPath.isEmpty()) {
        auto read = FeedsFileReader::readFile(m_options.feedsPath);
        if (auto *error = std::get_if<FeedsFileReader::Error>(&read))
            return error->toString();
        m_feedConfigs = std::get<FeedsFile>(read).feeds;
        m_feedHealth.setFeeds(m_feedConfigs);
        m_feeds->start(m_feedConfigs);
        return {};
    }
    if (!m_options.demo)
        return {};

    // Until the simulator says where it listens, the strip shows the demo feeds connecting.
    auto demo = FeedsFileReader::readFile(FeedsFileReader::demoFeedsPath(), {{QStringLiteral("DEMO_PORT"), QStringLiteral("0")}});
    if (auto *error = std::get_if<FeedsFileReader::Error>(&demo))
        return error->toString();
    m_feedHealth.setFeeds(std::get<FeedsFile>(demo).feeds);
    m_simulator = new SimulatorProcess(this);
    connect(m_simulator, &SimulatorProcess::ready, this, &WallApplication::startDemoFeeds);
    connect(m_simulator, &SimulatorProcess::failed, this, [this](const QString &message) {
        qCCritical(lcApp).noquote() << "demo feeds unavailable:" << message;
        for (FeedStatus status : m_feedHealth.statuses()) {
            status.state = FeedStatus::State::Down;
            status.lastError = message;
            m_feedHealth.updateStatus(status);
        }
    });
    m_simulator->start(SimulatorProcess::defaultProgram(), m_options.feedsimArguments);
    return {};
}

void WallApplication::startDemoFeeds(int port)
{
    auto demo = FeedsFileReader::readFile(FeedsFileReader::demoFeedsPath(),
                                          {{QStringLiteral("DEMO_PORT"), QString::number(port)}});
    if (auto *error = std::get_if<FeedsFileReader::Error>(&demo)) {
        qCCritical(lcApp).noquote() << error->toString();
        return;
    }
    m_feedConfigs = std::get<FeedsFile>(demo).feeds;
    m_feeds->start(m_feedConfigs);
}

void WallApplication::shutdown(int exitCode)
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    // How the feeds stood while the wall ran, before the simulator is stopped under them.
    if (m_feeds)
        m_statesAtFinish = m_feeds->statuses();
    if (m_simulator) {
        m_simulator->stop();
        // The simulator closed its sockets after its last frame; take in what is in flight.
        QDeadlineTimer deadline(3000);
        while (!m_feeds->allDisconnected() && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    if (m_feeds)
        m_feeds->stop();
    if (m_store)
        m_store->flush();
    writeStats();
    QCoreApplication::exit(exitCode);
}

QString WallApplication::start()
{
    if (!m_language->setLanguage(m_options.language))
        return QStringLiteral("--lang: no translation for \"%1\"").arg(m_options.language);

    const QString profilePath = m_options.profilePath.isEmpty() ? WallProfileReader::defaultProfilePath()
                                                                : m_options.profilePath;
    auto profileRead = WallProfileReader::readFile(profilePath);
    if (auto *error = std::get_if<WallProfileReader::Error>(&profileRead))
        return error->toString();
    WallProfile profile = std::get<WallProfile>(std::move(profileRead));

    TileContext context;
    context.feedHealth = &m_feedHealth;
    context.clock = &m_clock;
    context.situation = &m_situation;
    context.profileDirectory = profilePath.startsWith(u':') ? QString()
                                                            : QFileInfo(profilePath).absolutePath();
    context.basemap = checkedBasemap(m_options.basemap);
    const TileFactory factory(context);
    for (int s = 0; s < profile.screens.size(); ++s) {
        for (int t = 0; t < profile.screens.at(s).tiles.size(); ++t) {
            if (auto error = factory.check(profile.screens.at(s).tiles.at(t))) {
                return QStringLiteral("%1: screens[%2].tiles[%3].%4 %5")
                    .arg(profilePath)
                    .arg(s)
                    .arg(t)
                    .arg(error->field, error->message);
            }
        }
    }

    if (QString error = openStore(); !error.isEmpty())
        return error;
    if (QString error = startFeeds(); !error.isEmpty())
        return error;

    context.store = m_store.get(); // opened above; null without --db
    m_controller = std::make_unique<WallController>(std::move(profile), context, &m_frameTimes);
    m_controller->setMode(m_options.kiosk ? WallController::Mode::Kiosk : WallController::Mode::Windowed);
    connect(m_controller.get(), &WallController::firstFramePainted, this, [this] {
        m_firstFrameMs = double(m_startTimer.nsecsElapsed()) / 1e6;
        qCInfo(lcApp, "first frame %.0f ms after start", m_firstFrameMs);
    });
    m_keys = new WallKeys(m_language, m_options.kiosk, this);
    connect(m_keys, &WallKeys::quitRequested, this, [this] { shutdown(0); });
    connect(qApp, &QCoreApplication::aboutToQuit, this, &WallApplication::writeStats);
    m_controller->show();

    if (m_options.quitAfterSeconds) {
        QTimer::singleShot(int(*m_options.quitAfterSeconds * 1000), this, &WallApplication::finish);
    }
    return {};
}

void WallApplication::finish()
{
    int exitCode = 0;
    if (!m_options.screenshotDirectory.isEmpty()) {
        const QStringList errors = m_controller->saveScreenshots(m_options.screenshotDirectory);
        for (const QString &error : errors)
            qCCritical(lcApp).noquote() << error;
        if (!errors.isEmpty())
            exitCode = 1;
        else
            qCInfo(lcApp).noquote() << "saved" << m_controller->pages().size() << "screens to"
                                    << m_options.screenshotDirectory;
    }
    shutdown(exitCode);
}

void WallApplication::writeStats()
{
    if (m_options.statsPath.isEmpty() || m_statsWritten)
        return;
    m_statsWritten = true;
    RunStats stats;
    stats.feeds = m_feeds ? m_feeds->statuses() : QList<FeedStatus>();
    for (FeedStatus &feed : stats.feeds) {
        for (const FeedStatus &before : std::as_const(m_statesAtFinish)) {
            if (before.id == feed.id)
                feed.state = before.state;
        }
    }
    if (stats.feeds.isEmpty()) {
        for (const FeedStatus &status : m_feedHealth.statuses())
            stats.feeds.append(status);
    }
    if (m_store) {
        stats.storedEvents = m_store->storedEvents();
        stats.quarantined = m_store->quarantined();
    }
    stats.frames = m_frameTimes.count();
    stats.frameMsP50 = m_frameTimes.percentile(50);
    stats.frameMsP99 = m_frameTimes.percentile(99);
    stats.frameMsMax = m_frameTimes.maximum();
    stats.firstFrameMs = m_firstFrameMs;
    stats.peakRssMb = RunStats::currentPeakRssMb();

    QJsonObject json = stats.toJson();
    if (m_simulator && !m_simulator->report().isEmpty())
        json.insert(QStringLiteral("simulator"), m_simulator->report());
    QSaveFile file(m_options.statsPath);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(QJsonDocument(json).toJson()) < 0 || !file.commit()) {
        qCCritical(lcApp).noquote() << "cannot write statistics to" << m_options.statsPath << ":"
                                    << file.errorString();
    }
}

} // namespace tlr
