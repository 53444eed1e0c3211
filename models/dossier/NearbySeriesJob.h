#pragma once

#include "NearbySensors.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

namespace tlr {

class EventStore;

// Reads the history of an incident's nearby charts from the store: the minute rollups of every
// line's entities over [from, to), on the store's thread, turned into each line's points as the
// chart catalog defines them (mean, ratio, reference). The GUI thread never waits for SQLite.
// One finished() when every answer is in; a failed read leaves its line without the points and
// says why in errorMessage(). The owner deletes the job (deleteLater) after finished().
class NearbySeriesJob : public QObject
{
    Q_OBJECT
public:
    NearbySeriesJob(const EventStore *store, QList<NearbySensors::Chart> charts, QDateTime from,
                    QDateTime to, QObject *parent = nullptr);

    void start();
    void cancel(); // finished() is not emitted after this
    bool isFinished() const { return m_finished; }

    // After finished(): the charts with their points.
    const QList<NearbySensors::Chart> &charts() const { return m_charts; }
    bool error() const { return !m_errors.isEmpty(); }
    QString errorMessage() const { return m_errors.join(QStringLiteral("; ")); }

signals:
    void finished();

private:
    void answered(int chart, const QString &entity, const QString &quantity,
                  const QList<RollupPoint> &points, const QString &error);
    void finish();

    QPointer<const EventStore> m_store;
    QList<NearbySensors::Chart> m_charts;
    QDateTime m_from;
    QDateTime m_to;
    QList<SeriesValues::RollupTable> m_rollups; // per chart
    int m_pending = 0;
    bool m_cancelled = false;
    bool m_finished = false;
    QStringList m_errors;
};

} // namespace tlr
