#include "FeedHealthModel.h"

namespace tlr {

FeedHealthModel::FeedHealthModel(QObject *parent) : QAbstractListModel(parent) {}

int FeedHealthModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant FeedHealthModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FeedStatus &s = m_rows.at(std::size_t(index.row()));
    switch (role) {
    case Qt::DisplayRole:
    case IdRole: return s.id;
    case AgencyRole: return agencyShortName(s.agency);
    case StateRole: return int(s.state);
    case StateKeyRole: return feedStateKey(s.state);
    case LastDataRole: return s.lastDataAt;
    case ReceivedRole: return s.received;
    case AcceptedRole: return s.accepted;
    case RejectedRole: return s.rejected;
    case GapsRole: return s.gaps;
    case RateRole: return s.messagesPerMinute;
    case LastErrorRole: return s.lastError;
    case ConnectionErrorRole: return s.connectionError;
    default: return {};
    }
}

QHash<int, QByteArray> FeedHealthModel::roleNames() const
{
    return {{IdRole, "feedId"},         {AgencyRole, "agency"},     {StateRole, "state"},
            {StateKeyRole, "stateKey"}, {LastDataRole, "lastData"}, {ReceivedRole, "received"},
            {AcceptedRole, "accepted"}, {RejectedRole, "rejected"}, {GapsRole, "gaps"},
            {RateRole, "rate"},         {LastErrorRole, "lastError"},
            {ConnectionErrorRole, "connectionError"}};
}

void FeedHealthModel::setFeeds(const QList<FeedConfig> &feeds)
{
    beginResetModel();
    m_rows.clear();
    for (const FeedConfig &feed : feeds) {
        FeedStatus status;
        status.id = feed.id;
        status.agency = feed.agency;
        status.kind = feed.kind;
        status.state = FeedStatus::State::Connecting;
        m_rows.push_back(status);
    }
    endResetModel();
}

void FeedHealthModel::updateStatus(const FeedStatus &status)
{
    for (std::size_t row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].id == status.id) {
            m_rows[row] = status;
            const QModelIndex changed = index(int(row));
            emit dataChanged(changed, changed);
            return;
        }
    }
}

} // namespace tlr
