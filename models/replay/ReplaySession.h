#pragma once

#include "ReplayModels.h"
#include "store/StoreRecords.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace tlr {

class EventStore;

// Takes the wall back in time: the state at a chosen time rebuilt from the store (each
// entity's latest reading at the start of a warm-up, then every stored event up to the time),
// then played forward at a chosen speed from the store, never past the present. Reads run on
// the store's thread; the models live on this thread. The live models go on taking the feeds
// meanwhile, and nothing replayed is written anywhere.
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
    // is where the rebuild starts; invalid: kWarmUpHours before `at`.
    void seek(const QDateTime &at, const QDateTime &warmUpStart = {});
    void play();
    void pause();
    // History seconds per real second (1, 10, 60, 600…).
    void setSpeed(int speed);
    // The road network's geometry for replayed segments (ReplayModels::setPaths).
    void setPaths(QHash<QString, QList<QGeoCoordinate>> paths);
    // Makes the playback step now instead of at the next timer turn, as if `realMs` had passed
    // (tests).
    void stepFor(qint64 realMs);

    State state() const { return m_state; }
    int speed() const { return m_speed; }
    QDateTime time() const; // the replayed time; invalid before the first seek is done
    TimeSpan storedSpan() const { return m_span; } // what the store holds
    QString errorMessage() const { return m_error; }
    ReplayModels *models() const { return m_models.get(); } // null until a seek is done

    static constexpr int kWarmUpHours = 24;
    static constexpr int kStepMs = 250;
    // A rebuild reads the history in windows of this length and applies each in slices of at
    // most kSliceMs per event-loop turn: a day of a busy store neither fills the memory nor
    // stops the windows painting while the live wall goes on.
    static constexpr int kRebuildWindowMinutes = 30;
    static constexpr int kSliceMs = 40;

signals:
    // New models to show. The ones before stay until the next replacement, so that views may
    // move over on a later event-loop turn.
    void modelsReplaced(tlr::ReplayModels *models);
    void timeChanged(const QDateTime &utc);
    void stateChanged(tlr::ReplaySession::State state);
    void speedChanged(int speed);
    void storedSpanChanged();

private:
    void setState(State state);
    void fail(const QString &message);
    void step(qint64 realMs);
    void rebuildWindow(quint64 generation, const QDateTime &target);
    void applyInSlices(quint64 generation, std::shared_ptr<const QList<DomainEvent>> events,
                       qsizetype next, const QDateTime &to, std::function<void()> done);
    void finishRebuild(const QDateTime &target);

    const EventStore *m_store;
    AlertRules m_rules;
    FusionConfig m_fusion;
    QHash<QString, QList<QGeoCoordinate>> m_paths;
    std::unique_ptr<ReplayModels> m_models;
    std::unique_ptr<ReplayModels> m_previous;
    std::unique_ptr<ReplayModels> m_building; // a seek's models until they reach its time
    QElapsedTimer m_rebuildTimer;
    qint64 m_rebuildEvents = 0;
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
