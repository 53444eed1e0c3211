#pragma once

#include "ReplayModels.h"
#include "ReplayRebuild.h"
#include "store/StoreRecords.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>

namespace tlr {

class EventStore;

// Takes the wall back in time: the state at a chosen time rebuilt from the store (each
// entity's latest reading at the start of a warm-up, then every stored event up to the time),
// then played forward at a chosen speed from the store, never past the present. Reads run on
// the store's thread; a rebuild runs on a thread of its own (ReplayRebuild) and its models are
// handed to this thread finished; playing forward applies each step's events here. The live
// models go on taking the feeds meanwhile, and nothing replayed is written anywhere.
//
// The state at T is the same whether the replay was started at T or played forward to it
// from an earlier start with the same warm-up start (tests/unit/replay).
class ReplaySession : public QObject
{
    Q_OBJECT
public:
    enum class State { Loading, Paused, Playing, Failed };

    ReplaySession(const EventStore *store, AlertRules rules, FusionConfig fusion,
                  QObject *parent = nullptr);
    ~ReplaySession() override;

    // Rebuilds the state at `at` and shows it paused (modelsReplaced once ready). `warmUpStart`
    // is where the rebuild starts; invalid: kWarmUpHours before `at`. The first seek shows
    // empty models at `at` at once, so that the banner is up while the state is rebuilt.
    void seek(const QDateTime &at, const QDateTime &warmUpStart = {});
    // Plays; asked while the state is being rebuilt, plays once it is.
    void play();
    void pause();
    // History seconds per real second (1, 10, 60, 600…).
    void setSpeed(int speed);
    // The road network's geometry for replayed segments (ReplayModels::setPaths).
    void setPaths(QHash<QString, QList<QGeoCoordinate>> paths);
    // Which agency each feed belongs to (ReplayModels::setFeedAgencies), for the next seek.
    void setFeedAgencies(QHash<QString, Agency> agencies);
    // Makes the playback step now instead of at the next timer turn, as if `realMs` had passed
    // (tests).
    void stepFor(qint64 realMs);

    State state() const { return m_state; }
    int speed() const { return m_speed; }
    QDateTime time() const; // the replayed time; invalid before the first seek is done
    TimeSpan storedSpan() const { return m_span; } // what the store holds
    QString errorMessage() const { return m_error; }
    ReplayModels *models() const { return m_models.get(); } // null before the first seek
    // While Loading: how far the rebuild has come, 0–100 % of the time from warm-up to target.
    int rebuildPercent() const { return m_rebuild ? m_rebuild->percent() : 0; }
    // The last rebuild that finished: what it cost (ReplayRebuild) and how long it took.
    qint64 lastRebuildEvents() const { return m_lastRebuildEvents; }
    double lastRebuildCpuMs() const { return m_lastRebuildCpuMs; }
    qint64 lastRebuildMs() const { return m_lastRebuildMs; }

    static constexpr int kWarmUpHours = 24;
    static constexpr int kStepMs = 250;

signals:
    // New models to show. The ones before stay until the next replacement, so that views may
    // move over on a later event-loop turn.
    void modelsReplaced(tlr::ReplayModels *models);
    void timeChanged(const QDateTime &utc);
    void stateChanged(tlr::ReplaySession::State state);
    void speedChanged(int speed);
    void storedSpanChanged();
    void rebuildProgressed(int percent);

private:
    void setState(State state);
    void fail(const QString &message);
    void step(qint64 realMs);
    void finishRebuild();

    const EventStore *m_store;
    AlertRules m_rules;
    FusionConfig m_fusion;
    QHash<QString, QList<QGeoCoordinate>> m_paths;
    QHash<QString, Agency> m_feedAgencies;
    std::unique_ptr<ReplayModels> m_models;
    std::unique_ptr<ReplayModels> m_previous;
    std::unique_ptr<ReplayRebuild> m_rebuild; // a seek's, until it hands its models over
    QElapsedTimer m_rebuildTimer;
    qint64 m_lastRebuildEvents = 0;
    double m_lastRebuildCpuMs = 0.0;
    qint64 m_lastRebuildMs = 0;
    bool m_playWhenRebuilt = false;
    State m_state = State::Loading;
    int m_speed = 60;
    quint64 m_generation = 0; // a seek makes earlier replies stale
    bool m_stepping = false;  // a read for the next step is under way
    QTimer m_timer{this};
    QElapsedTimer m_sinceStep;
    TimeSpan m_span;
    QString m_error;
};

} // namespace tlr
