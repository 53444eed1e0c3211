#pragma once

#include "audit/AuditRecorder.h"
#include "domain/WallClock.h"
#include "incidents/IncidentBoard.h"
#include "incidents/FusionConfig.h"
#include "incidents/IncidentSignal.h"

#include <QGeoCoordinate>

#include <catch2/catch.hpp>

namespace tlr::test {

// Keeps what was recorded, to check the audit trail.
class ListRecorder : public AuditRecorder
{
public:
    void record(const AuditAction &action) override { actions.append(action); }

    QStringList keys() const
    {
        QStringList list;
        for (const AuditAction &a : actions)
            list.append(a.action);
        return list;
    }
    int count(const QString &key) const { return int(keys().count(key)); }

    QList<AuditAction> actions;
};

inline QDateTime at(int hour, int minute, int second = 0)
{
    return QDateTime(QDate(2026, 11, 23), QTime(hour, minute, second), Qt::UTC);
}

// Periuk, near the Cisadane: a low-lying place that floods.
inline QGeoCoordinate periuk()
{
    return QGeoCoordinate(-6.1760, 106.5960);
}

inline QGeoCoordinate moved(const QGeoCoordinate &from, double metres, double azimuth = 90.0)
{
    return from.atDistanceAndAzimuth(metres, azimuth);
}

inline IncidentSignal emergencyCall(const QString &id, const QDateTime &time,
                                    const QGeoCoordinate &where,
                                    const QString &kecamatan = QStringLiteral("Periuk"),
                                    const QString &category = QStringLiteral("banjir"))
{
    IncidentSignal s;
    s.kind = IncidentSignal::Kind::Report;
    s.id = id;
    s.time = time;
    s.location = where;
    s.kecamatan = kecamatan;
    s.agency = Agency::CallCentre112;
    s.severity = Severity::Severe;
    s.category = category;
    s.emergency = true;
    return s;
}

inline IncidentSignal complaint(const QString &id, const QDateTime &time,
                                const QGeoCoordinate &where,
                                const QString &kecamatan = QStringLiteral("Periuk"),
                                const QString &category = QStringLiteral("banjir"))
{
    IncidentSignal s = emergencyCall(id, time, where, kecamatan, category);
    s.emergency = false;
    s.severity = Severity::Minor;
    return s;
}

inline IncidentSignal floodReport(const QString &id, const QDateTime &time,
                                  const QGeoCoordinate &where,
                                  const QString &kecamatan = QStringLiteral("Periuk"))
{
    IncidentSignal s;
    s.kind = IncidentSignal::Kind::Observation;
    s.id = id;
    s.time = time;
    s.location = where;
    s.kecamatan = kecamatan;
    s.category = QStringLiteral("FloodReport");
    return s;
}

inline IncidentSignal alert(const QString &id, const QDateTime &time, const QGeoCoordinate &where,
                            Severity severity, const QString &kecamatan = QStringLiteral("Periuk"))
{
    IncidentSignal s;
    s.kind = IncidentSignal::Kind::Alert;
    s.id = id;
    s.time = time;
    s.location = where;
    s.kecamatan = kecamatan;
    s.agency = Agency::Dlh;
    s.severity = severity;
    s.category = QStringLiteral("river-level");
    return s;
}

// 1 km, one hour, floods apart from traffic; what the tests assume unless they say otherwise.
inline FusionConfig testConfig()
{
    FusionConfig config;
    config.radiusMetres = 1000;
    config.windowMinutes = 60;
    config.alertsOpenFrom = Severity::Moderate;
    config.complaintQuorum = 3;
    config.observationTypes = {QStringLiteral("FloodReport")};
    for (const char *c : {"banjir", "FloodReport", "river-level"})
        config.hazardOfCategory.insert(QString::fromLatin1(c), QStringLiteral("flood"));
    for (const char *c : {"kecelakaan", "kemacetan"})
        config.hazardOfCategory.insert(QString::fromLatin1(c), QStringLiteral("traffic"));
    return config;
}

// A board under a fixed clock at 08:00 with one incident, opened by a 112 call in Periuk; its
// audit entries kept in a list.
struct OneCallBoard
{
    OneCallBoard()
        : board(testConfig(), &clock, &audit)
    {
        clock.setFixedTime(at(8, 0));
        board.addSignal(emergencyCall(QStringLiteral("112-1"), at(8, 0), periuk()));
        REQUIRE(board.incidents().size() == 1);
        id = board.incidents().front().id;
    }
    const Incident &incident() const { return *board.incident(id); }

    WallClock clock;
    ListRecorder audit;
    IncidentBoard board;
    qint64 id = 0;
};

} // namespace tlr::test
