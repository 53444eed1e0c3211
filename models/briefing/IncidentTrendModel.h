#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QPointer>

#include <vector>

namespace tlr {

class AgencyKpiModel;

// The city's new incidents per hour, one row per hour (oldest first, the last one the current,
// partial hour), split by agency in AgencyKpiModel's row order: the briefing's trend chart.
// Hours before the history's start are not rows: an unknown hour is never drawn as a zero.
class IncidentTrendModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int maximum READ maximum NOTIFY changed)  // the largest hour's total
    Q_PROPERTY(int current READ current NOTIFY changed)  // this hour's total so far
    Q_PROPERTY(int sameHourYesterday READ sameHourYesterday NOTIFY changed) // -1: not known
    Q_PROPERTY(QString coverageStart READ coverageStartText NOTIFY changed) // "09:40", WIB
public:
    enum Role {
        HourRole = Qt::UserRole + 1, // "14:00", WIB
        HourStartRole,               // QDateTime, UTC
        TotalRole,
        ByAgencyRole, // QVariantList of ints, in AgencyKpiModel's rows
        CurrentRole,  // the hour still running
    };
    Q_ENUM(Role)

    explicit IncidentTrendModel(const AgencyKpiModel *agencies, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int maximum() const { return m_maximum; }
    int current() const { return m_hours.empty() ? 0 : m_hours.back().total; }
    int sameHourYesterday() const { return m_sameHourYesterday; }
    QString coverageStartText() const;

signals:
    void changed();

private:
    struct Hour
    {
        QDateTime start;
        int total = 0;
        QVariantList byAgency;
    };
    void reload();

    QPointer<const AgencyKpiModel> m_agencies;
    std::vector<Hour> m_hours;
    int m_maximum = 0;
    int m_sameHourYesterday = -1;
};

} // namespace tlr
