#pragma once

#include "feeds/FeedStatus.h"

#include <QAbstractListModel>

#include <vector>

namespace tlr {

// One row per configured feed, in the feeds file's order. The feed manager writes statuses in;
// the health strip, the feed-health tile, --stats and the QML briefing read them out.
class FeedHealthModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        AgencyRole,
        StateRole,      // FeedStatus::State as int
        StateKeyRole,   // "up", "stale"…
        LastDataRole,   // QDateTime
        ReceivedRole,
        AcceptedRole,
        RejectedRole,
        GapsRole,
        RateRole,       // messages per minute
        LastErrorRole,
        ConnectionErrorRole, // why the feed cannot connect (TLS, token); empty when it can
    };
    Q_ENUM(Role)

    explicit FeedHealthModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setFeeds(const QList<FeedConfig> &feeds);
    void updateStatus(const FeedStatus &status); // matched by id; unknown ids are ignored
    const FeedStatus &status(int row) const { return m_rows.at(std::size_t(row)); }
    const std::vector<FeedStatus> &statuses() const { return m_rows; }

private:
    std::vector<FeedStatus> m_rows;
};

} // namespace tlr
