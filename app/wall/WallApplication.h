#pragma once

#include "WallOptions.h"

#include "domain/WallClock.h"
#include "itemmodels/FeedHealthModel.h"
#include "situation/SituationModel.h"
#include "stats/EventLoopStalls.h"
#include "stats/FrameTimes.h"
#include "tiles/TileContext.h"

#include <QElapsedTimer>
#include <QLockFile>
#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

namespace tlr {

class AccountService;
class AlarmPlayer;
class AlertArchive;
class AlertEngine;
class RoomAuditRecorder;
class RoomLeadership;
class AlertTableModel;
class AuditLog;
class AuditRecorder;
class DossierOpener;
class HandoverReportAction;
class EventStore;
class IncidentArchive;
class IncidentBoard;
class FeedManager;
class LoginDialog;
class LanguageSwitcher;
class PersonalDataAccess;
class ReplayModels;
class ReplaySession;
class Session;
class SharedAlertDecisions;
class SharedIncidentDecisions;
class SignalWatcher;
class SimulatorProcess;
class SystemdNotifier;
class WallController;
class WallKeys;
struct TileContext;

// Wires tlr-wall together from its options: profile, feeds, models, windows, and the
// screenshot / statistics duties of a headless run.
class WallApplication : public QObject
{
    Q_OBJECT
public:
    WallApplication(WallOptions options, QElapsedTimer startTimer, QObject *parent = nullptr);
    ~WallApplication() override;

    // Returns an error message when the wall cannot start; the caller exits non-zero.
    QString start();

    // Where the wall's parts record what they do (the alert engine, the consoles). Null
    // without a database: a wall without --db keeps no history and no audit log.
    AuditRecorder *auditRecorder() const;
    // Who is logged in at this console: what an acknowledgement is attributed to, and checked
    // against (Permissions.h). Never null after start().
    Session *session() const { return m_session; }
    // What the wall shows, for the tools and tests that look at it as a visitor would.
    const SituationModel &situation() const { return m_situation; }
    const IncidentBoard *incidents() const { return m_incidents.get(); } // null before start()
    // The board as a person at the console acts on it (the dossier's buttons), for the tools
    // that play the room's duty desk; null before start().
    IncidentBoard *incidentBoard() { return m_incidents.get(); }
    const AlertEngine *alerts() const { return m_alerts.get(); }         // null before start()
    const WallClock &clock() const { return m_clock; }
    // Opens incident dossiers (from the maps' picked features); null before start().
    DossierOpener *dossiers() const { return m_dossiers.get(); }
    // The wall's replay while it shows one, else null. The live models go on meanwhile.
    ReplaySession *replay() const { return m_replay.get(); }
    WallController *controller() const { return m_controller.get(); }

    // Takes every screen back to the stored history at `at` (needs --db), or back to live.
    void enterReplay(const QDateTime &at);
    void returnToLive();

private:
    QString openStore();
    // What the alert engine and the incident board record through: the audit log, or on a
    // shared database the room's recorder.
    AuditRecorder *roomAudit() const;
    QString startAlerts();
    QString startIncidents();
    QString startFeeds();
    void startDemoFeeds(int port);
    void startAccess();
    void hostBriefings(const TileContext &context);
    void ensureDemoAccount();
    void showLogIn();
    void showSession();
    void recordStop(std::optional<int> exitCode); // nullopt: not through shutdown()
    // Stops in the order that loses nothing: the simulator first (it reports what it sent and
    // closes its sockets after the last frame), then the feeds once their sockets have drained,
    // then the store. Then statistics, then the event loop.
    void shutdown(int exitCode);
    void finish();
    void saveHandoverReport();
    void writeStats();
    void showReplay(ReplayModels *models);
    QHash<QString, Agency> feedAgencies() const; // for replay

    WallOptions m_options;
    QElapsedTimer m_startTimer;
    WallClock m_clock;
    FeedHealthModel m_feedHealth;
    SituationModel m_situation{&m_clock};
    FrameTimes m_frameTimes;
    EventLoopStalls m_guiStalls; // from the first frame painted to shutdown: --stats
    LanguageSwitcher *m_language = nullptr;
    WallKeys *m_keys = nullptr;
    SystemdNotifier *m_service = nullptr;
    SignalWatcher *m_signals = nullptr;
    std::unique_ptr<QLockFile> m_demoLock;
    // Where accounts and the audit log live: the shared database when --db is a PostgreSQL
    // URL, else the event store's file.
    EventStore *decisionStore() const;

    std::unique_ptr<EventStore> m_shared; // --db postgresql://…: shared with other consoles
    std::unique_ptr<EventStore> m_store;  // this console's feeds (and, alone, everything)
    // After the store, before what records into it: destroyed in the reverse order.
    std::unique_ptr<AuditLog> m_audit;
    // With a shared --db: the system's entries about alerts and incidents go to the chain only
    // from the room's leader (docs/room.md).
    std::unique_ptr<RoomLeadership> m_leadership;
    std::unique_ptr<RoomAuditRecorder> m_roomAudit;
    std::unique_ptr<AccountService> m_accounts;
    std::unique_ptr<PersonalDataAccess> m_personalData; // with --db: reveals, audited
    Session *m_session = nullptr;
    QPointer<LoginDialog> m_loginDialog;
    bool m_stopRecorded = false;
    std::unique_ptr<AlertEngine> m_alerts;
    std::unique_ptr<AlertTableModel> m_alertTable;
    std::unique_ptr<AlertArchive> m_alertArchive; // with --db: alerts outlive a restart
    std::unique_ptr<SharedAlertDecisions> m_sharedDecisions; // with a shared --db
    std::unique_ptr<SharedIncidentDecisions> m_sharedIncidents; // with a shared --db
    AlarmPlayer *m_alarm = nullptr;
    std::unique_ptr<IncidentBoard> m_incidents;
    std::unique_ptr<IncidentArchive> m_incidentArchive; // with --db: incidents outlive a restart
    std::unique_ptr<FeedManager> m_feeds;
    SimulatorProcess *m_simulator = nullptr;
    QList<FeedConfig> m_feedConfigs;
    QList<FeedStatus> m_statesAtFinish;
    TileContext m_liveContext;
    std::unique_ptr<ReplaySession> m_replay; // outlives the controller: its pages read it
    std::unique_ptr<WallController> m_controller;
    std::unique_ptr<DossierOpener> m_dossiers; // its window reads the board and the session
    HandoverReportAction *m_handoverReport = nullptr; // with --db: Ctrl+P
    double m_firstFrameMs = 0.0;
    bool m_statsWritten = false;
    bool m_shuttingDown = false;
};

} // namespace tlr
