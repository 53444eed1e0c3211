#include "WallApplication.h"

#include "HandoverReportAction.h"
#include "SignalWatcher.h"
#include "SystemdNotifier.h"

#include "alerts/AlertArchive.h"
#include "alerts/AlertEngine.h"
#include "alerts/SharedAlertDecisions.h"
#include "incidents/SharedIncidentDecisions.h"
#include "alerts/AlertRulesReader.h"
#include "access/AccountService.h"
#include "access/Permissions.h"
#include "access/PersonalDataAccess.h"
#include "access/Session.h"
#include "access/LoginDialog.h"
#include "audit/AuditLog.h"
#include "audit/RoomAuditRecorder.h"
#include "audit/RoomLeadership.h"
#include "audit/AuditVerifier.h"
#include "feeds/FeedManager.h"
#include "feeds/FeedsFileReader.h"
#include "feeds/SimulatorProcess.h"
#include "store/DatabaseUrl.h"
#include "store/EventStore.h"
#include "store/StoreReplyWatch.h"
#include "i18n/LanguageSwitcher.h"
#include "map/MbtilesReader.h"
#include "stats/MemoryLog.h"
#include "stats/RunStats.h"
#include "alerts/AlarmPlayer.h"
#include "alerts/AlertPanelTile.h"
#include "charts/KpiTile.h"
#include "alerts/AlertAnnouncer.h"
#include "dossier/DossierOpener.h"
#include "replay/ReplaySession.h"
#include "itemmodels/AlertTableModel.h"
#include "incidents/AlertSignals.h"
#include "incidents/FusionConfigReader.h"
#include "incidents/IncidentArchive.h"
#include "incidents/IncidentBoard.h"
#include "tiles/MapTile.h"
#include "tiles/TileFactory.h"
#include "wall/HeaderBar.h"
#include "wall/WallController.h"
#include "wall/WallKeys.h"
#include "wall/WallPage.h"
#include "wall/WallWindow.h"
#include "wall/WallProfileReader.h"

#include "BriefingView.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QStandardPaths>
#include <QFileInfo>
#include <QHostInfo>
#include <QRandomGenerator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QTimer>

#include <cstdio>

Q_LOGGING_CATEGORY(lcApp, "tlr.app")

namespace tlr {

namespace {

// Enough to place a step in memory within a soak's minute; off unless tlr.stats.memory.debug is.
constexpr std::chrono::minutes kMemoryLogInterval{1};

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

// Twelve characters from an alphabet without look-alikes (no 0/O, 1/l/I): about 69 bits, and
// easy to read off a terminal and type at a console.
QString generatedPassword()
{
    static const QString kAlphabet = QStringLiteral("abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY34679");
    QString password;
    for (int i = 0; i < 12; ++i)
        password += kAlphabet.at(QRandomGenerator::system()->bounded(kAlphabet.size()));
    return password;
}

QString wallSubject()
{
    return QStringLiteral("wall:%1").arg(QHostInfo::localHostName());
}

} // namespace

WallApplication::WallApplication(WallOptions options, QElapsedTimer startTimer, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_startTimer(startTimer)
{
    m_language = new LanguageSwitcher(this);
    m_service = new SystemdNotifier(this);
    new MemoryLog(kMemoryLogInterval, this);
    // systemctl stop, a logout, Ctrl+C: the same orderly stop as the quit chord, so the audit
    // log records it and the store is flushed.
    m_signals = new SignalWatcher(this);
    connect(m_signals, &SignalWatcher::terminationRequested, this, [this](int signalNumber) {
        qCInfo(lcApp, "signal %d: stopping", signalNumber);
        shutdown(0);
    });
}

WallApplication::~WallApplication()
{
    recordStop(std::nullopt); // without shutdown() (a failed start): still on the record
    m_dossiers.reset();   // an open dossier reads the board, the session and the store
    m_controller.reset(); // the windows and any login dialog over them
    m_replay.reset();     // after the pages that read its models
    m_feeds.reset();      // its last statuses still reach the alert engine
    m_incidentArchive.reset(); // queues what is unsaved to the store, which is still open
    m_sharedIncidents.reset();
    m_incidents.reset();
    m_alertTable.reset(); // reads the engine
    m_alertArchive.reset(); // queues what is unsaved to the store, which is still open
    m_sharedDecisions.reset();
    m_alerts.reset();     // records into the audit log
    // Logins being checked run on the account service's pool: done before the store goes.
    m_accounts.reset();
    m_roomAudit.reset();
    m_leadership.reset();
    m_audit.reset();
}

AuditRecorder *WallApplication::auditRecorder() const
{
    return m_audit.get();
}

AuditRecorder *WallApplication::roomAudit() const
{
    if (m_roomAudit)
        return m_roomAudit.get();
    return m_audit.get();
}

void WallApplication::startAccess()
{
    if (m_store) {
        m_audit = std::make_unique<AuditLog>(decisionStore());
        connect(m_audit.get(), &AuditLog::failed, this, [](const QString &message) {
            qCCritical(lcApp).noquote() << message;
        });
        m_accounts = std::make_unique<AccountService>(decisionStore(), m_audit.get());
        m_personalData =
            std::make_unique<PersonalDataAccess>(m_store.get(), m_audit.get(), &m_clock);
    }
    if (m_shared) {
        // Alerts raised and incidents fused are the same on every console: one records them.
        m_leadership = std::make_unique<RoomLeadership>(m_shared.get());
        m_roomAudit = std::make_unique<RoomAuditRecorder>(m_audit.get(), m_leadership.get());
    }
    m_session = new Session(m_audit.get(), this);
    connect(m_session, &Session::changed, this, &WallApplication::showSession);
    if (!m_audit)
        return;
    QStringList how;
    how << QStringLiteral("tlr-wall %1, pid %2")
               .arg(QCoreApplication::applicationVersion())
               .arg(QCoreApplication::applicationPid());
    if (m_options.demo)
        how << QStringLiteral("demo feeds");
    if (!m_options.feedsPath.isEmpty())
        how << QStringLiteral("feeds %1").arg(m_options.feedsPath);
    if (!m_options.profilePath.isEmpty())
        how << QStringLiteral("profile %1").arg(m_options.profilePath);
    if (m_options.kiosk)
        how << QStringLiteral("kiosk");
    m_audit->record({QDateTime::currentDateTimeUtc(), Actor::system(),
                     QStringLiteral("wall.started"), wallSubject(), how.join(QStringLiteral("; "))});
    if (m_options.demo)
        ensureDemoAccount();
}

// The demo wall starts read-only like any other; so that a presenter can show a login and an
// acknowledgement, it has a supervisor account "demo" whose generated password is printed once
// on the terminal that started it. The database keeps only its PBKDF2 key.
void WallApplication::ensureDemoAccount()
{
    const QString name = QStringLiteral("demo");
    watchStoreReply(
        this, m_accounts->users(), [this, name](const StoreReply<QList<UserAccount>> &users) {
            if (!users.ok())
                return;
            for (const UserAccount &account : users.value) {
                if (account.name == name) {
                    qCInfo(lcApp).noquote()
                        << "demo account" << name
                        << "exists; its password was printed when it was created";
                    return;
                }
            }
            const QString password = generatedPassword();
            watchStoreReply(
                this, m_accounts->addUser(Actor::system(), name, Role::Supervisor, password),
                [name, password](const QString &error) {
                    if (!error.isEmpty()) {
                        qCWarning(lcApp).noquote() << "demo account not created:" << error;
                        return;
                    }
                    // stdout, once, not the log: logs are kept and shipped, a terminal is not.
                    std::printf("Demo console account (supervisor): %s  password: %s  "
                                "(F8 logs in; shown only now)\n",
                                qPrintable(name), qPrintable(password));
                    std::fflush(stdout);
                });
        });
}

void WallApplication::showLogIn()
{
    if (!m_accounts) {
        qCWarning(lcApp) << "no accounts without a database (--db): the wall stays read-only";
        return;
    }
    if (m_loginDialog) { // F8 again: the open one comes forward
        m_loginDialog->raise();
        m_loginDialog->activateWindow();
        return;
    }
    QWidget *parent = QApplication::activeWindow();
    if (!parent && m_controller && !m_controller->windows().isEmpty())
        parent = m_controller->windows().first();
    if (!parent)
        return;
    // Owned by the window it opens over, which the wall destroys before the account service.
    m_loginDialog = new LoginDialog(m_accounts.get(), parent);
    m_loginDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_loginDialog, &LoginDialog::loggedIn, m_session, &Session::begin);
    m_loginDialog->open();
}

void WallApplication::showSession()
{
    if (!m_controller)
        return;
    for (WallPage *page : m_controller->pages())
        page->header()->setSession(m_session->actor());
}

void WallApplication::recordStop(std::optional<int> exitCode)
{
    if (m_stopRecorded || !m_audit)
        return;
    m_stopRecorded = true;
    if (m_session)
        m_session->end(QStringLiteral("the wall stopped"));
    m_audit->record({QDateTime::currentDateTimeUtc(), Actor::system(),
                     QStringLiteral("wall.stopped"), wallSubject(),
                     (exitCode ? QStringLiteral("exit code %1").arg(*exitCode)
                               : QStringLiteral("without an orderly shutdown")) +
                         QStringLiteral(" after %1 s")
                             .arg(double(m_startTimer.elapsed()) / 1000.0, 0, 'f', 1)});
    m_audit->flush();
    // The anchor for --verify-audit --expect-head, kept outside the database it vouches for.
    const AuditHead head = m_audit->head();
    qCInfo(lcApp).noquote() << "audit log head" << AuditAnchor{head.seq, head.hash}.toString()
                            << "-" << m_audit->written() << "entries written by this run";
}

QString WallApplication::openStore()
{
    QString path = m_options.dbPath;
    if (path.isEmpty() && m_options.demo) {
        const QString dataDirectory = QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
                                          .filePath(QStringLiteral("tlr-wall"));
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
    if (DatabaseUrl::isPostgres(path)) {
        // The decisions go to the shared database; this console's feeds stay in a file of its
        // own (docs/room.md).
        m_shared = std::make_unique<EventStore>();
        EventStore::Options shared;
        shared.path = path;
        shared.retentionIntervalMinutes = 0;
        if (const QString error = m_shared->open(shared); !error.isEmpty())
            return QStringLiteral("--db: %1").arg(error);
        qCInfo(lcApp).noquote() << "sharing accounts, alert acknowledgements and the audit log through" << path;
        path = m_options.localDbPath;
        if (path.isEmpty()) {
            const QString dataDirectory =
                QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
                    .filePath(QStringLiteral("tlr-wall"));
            QDir().mkpath(dataDirectory);
            path = QDir(dataDirectory).filePath(QStringLiteral("local.sqlite"));
        }
    }
    m_store = std::make_unique<EventStore>();
    EventStore::Options options;
    options.path = path;
    const QString error = m_store->open(options);
    if (!error.isEmpty())
        return QStringLiteral("%1: %2").arg(m_shared ? QStringLiteral("--local-db")
                                                     : QStringLiteral("--db"),
                                            error);
    qCInfo(lcApp).noquote() << "storing to" << path;
    return {};
}

EventStore *WallApplication::decisionStore() const
{
    return m_shared ? m_shared.get() : m_store.get();
}

QString WallApplication::startAlerts()
{
    auto rules = AlertRulesReader::readFile(AlertRulesReader::defaultRulesPath());
    if (auto *error = std::get_if<AlertRulesReader::Error>(&rules))
        return error->toString();
    // Every alert raised, escalated, re-opened, acknowledged goes to the audit log (none
    // without --db: a wall without a database keeps no history).
    m_alerts = std::make_unique<AlertEngine>(&m_clock, std::get<AlertRules>(std::move(rules)),
                                             roomAudit());
    m_alertTable = std::make_unique<AlertTableModel>(m_alerts.get(), &m_clock);
    m_alarm = new AlarmPlayer(m_alerts.get(), this);
    if (m_shared) {
        // Acknowledgements are decided on the shared database, and the other consoles' reach
        // this one through their NOTIFY (docs/room.md).
        m_sharedDecisions = std::make_unique<SharedAlertDecisions>(m_alerts.get(), m_shared.get());
        // The feeds go on; what the consoles decided may be behind here, and every screen says so.
        connect(m_sharedDecisions.get(), &SharedAlertDecisions::staleChanged, this, [this](bool stale) {
            if (!m_controller)
                return;
            for (WallPage *page : m_controller->pages())
                page->header()->setBanner(stale ? tr("SHARED STATE STALE: the room's database is unreachable")
                                                : QString());
        });
    }
    if (m_store) {
        // Before the feeds start: an alert still open is taken up, not raised a second time.
        m_alertArchive = std::make_unique<AlertArchive>(m_alerts.get(), m_store.get());
        if (const QString error = m_alertArchive->restore(m_clock.now()); !error.isEmpty())
            qCWarning(lcApp).noquote() << "alerts not restored:" << error;
    }
    new AlertAnnouncer(m_alerts.get(), m_alarm, this);
    return {};
}

QString WallApplication::startIncidents()
{
    const auto config = FusionConfigReader::readBuiltin();
    if (!config.config)
        return QStringLiteral("incident fusion: %1").arg(config.problems.join(QStringLiteral("; ")));
    m_incidents = std::make_unique<IncidentBoard>(*config.config, &m_clock, roomAudit());
    if (m_store) {
        m_incidentArchive = std::make_unique<IncidentArchive>(m_incidents.get(), m_store.get());
        if (const QString error = m_incidentArchive->restore(m_clock.now()); !error.isEmpty())
            qCWarning(lcApp).noquote() << "incidents not restored:" << error;
    }
    if (m_shared) {
        // People's actions on incidents are decided on the shared database; each console
        // still fuses its own incidents from its feeds (docs/room.md).
        m_sharedIncidents =
            std::make_unique<SharedIncidentDecisions>(m_incidents.get(), m_shared.get());
    }
    // Alerts with a place are evidence too: new ones, and changed ones (a graver severity).
    connect(m_alerts.get(), &AlertEngine::alertsUpdated, m_incidents.get(),
            [this](const AlertChanges &changes) {
                for (const auto *ids : {&changes.inserted, &changes.changed}) {
                    for (quint64 id : *ids) {
                        const AlertRecord *alert = m_alerts->alert(id);
                        if (const auto signal = alert ? AlertSignals::fromAlert(*alert) : std::nullopt)
                            m_incidents->addSignal(*signal);
                    }
                }
            });
    // Signals waiting for company leave the fusion's window as time passes.
    connect(&m_clock, &WallClock::ticked, m_incidents.get(), &IncidentBoard::expire);
    return {};
}

QString WallApplication::startFeeds()
{
    m_feeds = std::make_unique<FeedManager>(m_store.get());
    connect(m_feeds.get(), &FeedManager::statusesChanged, this, [this](const QList<FeedStatus> &statuses) {
        for (const FeedStatus &status : statuses)
            m_feedHealth.updateStatus(status);
        m_alerts->updateFeedStatuses(statuses);
    });
    connect(m_feeds.get(), &FeedManager::eventsArrived, &m_situation, &SituationModel::apply);
    connect(m_feeds.get(), &FeedManager::eventsArrived, m_alerts.get(), &AlertEngine::apply);
    connect(m_feeds.get(), &FeedManager::eventsArrived, m_incidents.get(), &IncidentBoard::addEvents);
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
    m_guiStalls.stop(); // what follows waits for the store on purpose
    m_service->notifyStopping();
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
    if (m_alertArchive)
        m_alertArchive->flush();
    if (m_store)
        m_store->flush();
    recordStop(exitCode);
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
    startAccess();
    if (QString error = startAlerts(); !error.isEmpty())
        return error;
    if (QString error = startIncidents(); !error.isEmpty())
        return error;
    if (QString error = startFeeds(); !error.isEmpty())
        return error;

    context.store = m_store.get(); // opened above; null without --db
    context.alerts = m_alerts.get();
    context.alertTable = m_alertTable.get();
    context.alertArchive = m_alertArchive.get();
    context.session = m_session;
    context.incidents = m_incidents.get();
    m_liveContext = context;
    m_controller = std::make_unique<WallController>(std::move(profile), context, &m_frameTimes);
    m_controller->setMode(m_options.kiosk ? WallController::Mode::Kiosk : WallController::Mode::Windowed);
    connect(m_controller.get(), &WallController::firstFramePainted, this, [this] {
        m_firstFrameMs = double(m_startTimer.nsecsElapsed()) / 1e6;
        qCInfo(lcApp, "first frame %.0f ms after start", m_firstFrameMs);
        // The first frame's cost is first_frame_ms; from here on, every stall is one.
        if (!m_shuttingDown && !m_guiStalls.isActive())
            m_guiStalls.start();
        m_service->notifyReady(QStringLiteral("showing %1 screens").arg(m_controller->pages().size()));
    });
    m_keys = new WallKeys(m_language, m_options.kiosk, this);
    connect(m_keys, &WallKeys::quitRequested, this, [this] { shutdown(0); });
    connect(m_keys, &WallKeys::logInRequested, this, &WallApplication::showLogIn);
    connect(m_keys, &WallKeys::replayRequested, this, [this] {
        if (!m_replay)
            enterReplay(m_clock.now().addSecs(-3600));
    });
    connect(m_keys, &WallKeys::liveRequested, this, &WallApplication::returnToLive);
    connect(m_keys, &WallKeys::logOutRequested, this,
            [this] { m_session->end(QStringLiteral("logged out")); });
    connect(m_keys, &WallKeys::muteToggleRequested, this, [this] {
        // Silence is an act someone answers for: only a person on duty, and on the record.
        const auto actor = m_session ? m_session->actor() : std::nullopt;
        if (!actor || !canMuteSound(actor->role)) {
            qCInfo(lcApp) << "alarm mute refused: nobody on duty is logged in at this console";
            return;
        }
        m_alarm->setMuted(!m_alarm->isMuted());
        if (m_audit) {
            m_audit->record({m_clock.now(), *actor,
                             m_alarm->isMuted() ? QStringLiteral("alarm.muted") : QStringLiteral("alarm.unmuted"),
                             QStringLiteral("console"), {}});
        }
    });
    if (m_store) {
        m_handoverReport = new HandoverReportAction(m_store.get(), m_audit.get(),
                                                    m_incidentArchive.get(), &m_clock, this);
        connect(m_keys, &WallKeys::handoverReportRequested, this, &WallApplication::saveHandoverReport);
        connect(m_handoverReport, &HandoverReportAction::finished, this,
                [](const QString &path, const QString &error) {
                    if (error.isEmpty())
                        qCInfo(lcApp).noquote() << "handover report saved:" << path;
                    else
                        qCWarning(lcApp).noquote() << "handover report not saved:" << error;
                });
    }
    connect(qApp, &QCoreApplication::aboutToQuit, this, &WallApplication::writeStats);
    hostBriefings(context);
    showSession();
    m_controller->show();

    DossierContext dossierContext;
    dossierContext.board = m_incidents.get();
    dossierContext.personalData = m_personalData.get();
    dossierContext.tiles = context;
    dossierContext.wall = m_controller.get();
    m_dossiers = std::make_unique<DossierOpener>(dossierContext);
    // Maps, alert panels and the open incidents' cards drill into incidents.
    const auto watchTiles = [this] {
        if (m_replay)
            return; // a replayed map's incidents are not the board's: no dossier opens from them
        for (WallPage *page : m_controller->pages()) {
            for (MapTile *map : page->findChildren<MapTile *>())
                m_dossiers->watch(map);
            for (AlertPanelTile *panel : page->findChildren<AlertPanelTile *>())
                m_dossiers->watch(panel);
            for (KpiTile *card : page->findChildren<KpiTile *>())
                m_dossiers->watch(card);
        }
    };
    watchTiles();
    connect(m_controller.get(), &WallController::relaidOut, this, watchTiles);
    connect(m_controller.get(), &WallController::relaidOut, this, &WallApplication::showSession);

    if (m_options.replayFrom.isValid())
        enterReplay(m_options.replayFrom);

    if (m_options.quitAfterSeconds) {
        QTimer::singleShot(int(*m_options.quitAfterSeconds * 1000), this, &WallApplication::finish);
    }
    return {};
}

void WallApplication::saveHandoverReport()
{
    // The report retells the audit log: only a person who may read it, and on the record.
    const auto actor = m_session ? m_session->actor() : std::nullopt;
    if (!actor || !canReadAuditLog(actor->role)) {
        qCInfo(lcApp) << "handover report refused: nobody who may read the audit log is logged in";
        return;
    }
    const QString directory =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/reports");
    if (!m_handoverReport->start(*actor, directory))
        qCInfo(lcApp) << "handover report: one is being written already";
}

// Screens of kind "briefing" show the QML briefing; drilling in it opens the same dossier as
// the wall's maps do.
void WallApplication::hostBriefings(const TileContext &context)
{
    for (WallPage *page : m_controller->pages()) {
        if (page->spec().kind != ScreenSpec::Kind::Briefing)
            continue;
        auto *view = new BriefingView(context, page);
        page->setBody(view);
        connect(view, &BriefingView::incidentRequested, this, [this](qint64 incidentId) {
            if (m_dossiers && !m_dossiers->open(incidentId))
                qCWarning(lcApp) << "briefing: no incident" << incidentId << "on the board";
        });
        connect(view, &BriefingView::featureSelected, this, [this](const QString &entityId) {
            if (!m_dossiers)
                return;
            if (const qint64 incidentId = m_dossiers->incidentOfFeature(entityId))
                m_dossiers->open(incidentId);
            else
                qCInfo(lcApp) << "briefing: picked feature" << entityId << "is part of no incident";
        });
    }
}

void WallApplication::enterReplay(const QDateTime &at)
{
    if (!m_store) {
        qCWarning(lcApp) << "replay needs the stored history: start the wall with --db FILE";
        return;
    }
    if (!m_replay) {
        auto rules = AlertRulesReader::readFile(AlertRulesReader::defaultRulesPath());
        const auto fusion = FusionConfigReader::readBuiltin();
        if (!std::holds_alternative<AlertRules>(rules) || !fusion.config) {
            qCWarning(lcApp) << "replay: the alert rules or the fusion configuration cannot be read";
            return;
        }
        m_replay = std::make_unique<ReplaySession>(m_store.get(), std::get<AlertRules>(std::move(rules)),
                                                   *fusion.config);
        if (m_options.replaySpeed)
            m_replay->setSpeed(*m_options.replaySpeed);
        connect(m_replay.get(), &ReplaySession::modelsReplaced, this, &WallApplication::showReplay);
        m_keys->setReplaying(true);
        qCInfo(lcApp).noquote() << "replay from" << at.toString(Qt::ISODate)
                                << "- the feeds stay live and are stored as ever";
    }
    // The store does not keep the road network's geometry; the live picture has it.
    QHash<QString, QList<QGeoCoordinate>> paths;
    for (const Observation &observation : m_situation.observations()) {
        if (!observation.path.isEmpty())
            paths.insert(observation.entityId, observation.path);
    }
    m_replay->setPaths(std::move(paths));
    m_replay->setFeedAgencies(feedAgencies());
    if (m_options.replaySpeed)
        m_replay->play(); // --replay-speed: playing once the state is rebuilt
    m_replay->seek(at);
}

QHash<QString, Agency> WallApplication::feedAgencies() const
{
    // The feeds' configuration, not their statuses: a feed down now still owned its past
    // alerts. A wall replaying a database without feeds of its own (--db alone), or a demo
    // whose simulator has not said its port yet, takes the room's feeds as the demo file lists
    // them: the same ids and agencies the history was recorded under.
    QList<FeedConfig> feeds = m_feedConfigs;
    if (feeds.isEmpty()) {
        const auto demo = FeedsFileReader::readFile(FeedsFileReader::demoFeedsPath(),
                                                    {{QStringLiteral("DEMO_PORT"), QStringLiteral("0")}});
        if (const auto *file = std::get_if<FeedsFile>(&demo))
            feeds = file->feeds;
        else
            qCWarning(lcApp).noquote() << "replay: no feed configuration, alerts from feeds name no agency:"
                                       << std::get<FeedsFileReader::Error>(demo).toString();
    }
    QHash<QString, Agency> agencies;
    for (const FeedConfig &feed : std::as_const(feeds))
        agencies.insert(feed.id, feed.agency);
    return agencies;
}

void WallApplication::showReplay(ReplayModels *models)
{
    TileContext context = m_liveContext;
    context.clock = &models->clock();
    context.situation = &models->situation();
    context.alerts = &models->alerts();
    context.alertTable = &models->alertTable();
    context.incidents = &models->incidents();
    context.session = nullptr; // nobody acknowledges the past: the panels are read-only
    context.alertArchive = nullptr; // the replayed engine is kept nowhere
    context.replay = m_replay.get();
    context.liveClock = &m_clock;
    context.historyStart = models->historyStart();
    // Not inside the handler of a button on the pages being replaced.
    QMetaObject::invokeMethod(this, [this, context] {
        if (!m_controller)
            return;
        m_controller->setContext(context);
    }, Qt::QueuedConnection);
}

void WallApplication::returnToLive()
{
    if (!m_replay)
        return;
    m_keys->setReplaying(false);
    m_replay->pause();
    QMetaObject::invokeMethod(this, [this] {
        if (m_controller)
            m_controller->setContext(m_liveContext);
        m_replay.reset();
        qCInfo(lcApp) << "back to live";
    }, Qt::QueuedConnection);
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
    if (m_alerts) {
        for (const AlertRecord &alert : m_alerts->alerts()) {
            if (alert.live && alert.state != AlertState::Closed)
                ++stats.alertsBySeverity[alert.severity];
        }
    }
    if (m_incidents) {
        stats.incidents = std::count_if(m_incidents->incidents().cbegin(), m_incidents->incidents().cend(),
                                        [](const Incident &incident) { return incident.isOpen(); });
    }
    stats.frames = m_frameTimes.count();
    stats.frameMsP50 = m_frameTimes.percentile(50);
    stats.frameMsP99 = m_frameTimes.percentile(99);
    stats.frameMsMax = m_frameTimes.maximum();
    stats.firstFrameMs = m_firstFrameMs;
    stats.peakRssMb = RunStats::currentPeakRssMb();
    stats.memory = MemoryFigures::now();
    stats.guiStalls = m_guiStalls.figures();
    stats.guiStallLimitMs = m_guiStalls.limitMs();

    QJsonObject json = stats.toJson();
    if (m_audit) {
        const AuditHead head = m_audit->head();
        json.insert(QStringLiteral("audit"),
                    QJsonObject{{QStringLiteral("entries_written"), m_audit->written()},
                                {QStringLiteral("lost"), m_audit->lost()},
                                {QStringLiteral("head_seq"), head.seq},
                                {QStringLiteral("head_hash"), QString::fromLatin1(head.hash)},
                                {QStringLiteral("head"), AuditAnchor{head.seq, head.hash}.toString()}});
    }
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
