#include "IncidentTimelineModel.h"

#include "IncidentTableModel.h"

#include "domain/WallClock.h"
#include "incidents/IncidentBoard.h"

#include <algorithm>

namespace tlr {
namespace {

IncidentTimelineModel::EntryKind kindOf(IncidentSignal::Kind kind)
{
    using EntryKind = IncidentTimelineModel::EntryKind;
    switch (kind) {
    case IncidentSignal::Kind::Report:
        return EntryKind::Report;
    case IncidentSignal::Kind::Alert:
        return EntryKind::Alert;
    case IncidentSignal::Kind::Observation:
        return EntryKind::Observation;
    case IncidentSignal::Kind::Unknown:
        break;
    }
    return EntryKind::Unknown;
}

QString actorName(const Actor &actor)
{
    return actor.isSystem() ? IncidentTimelineModel::tr("the wall") : actor.name;
}

} // namespace

IncidentTimelineModel::IncidentTimelineModel(const IncidentBoard *board, QObject *parent)
    : QAbstractTableModel(parent)
    , m_board(board)
{
    if (board) {
        connect(board, &IncidentBoard::incidentChanged, this, &IncidentTimelineModel::refresh);
        connect(board, &IncidentBoard::restored, this, &IncidentTimelineModel::reload);
    }
}

void IncidentTimelineModel::setIncident(qint64 id)
{
    if (id == m_incidentId)
        return;
    m_incidentId = id;
    reload();
}

std::vector<IncidentTimelineModel::Entry>
IncidentTimelineModel::entriesOf(const Incident &incident)
{
    std::vector<Entry> entries;
    entries.reserve(std::size_t(incident.members.size() + incident.transitions.size() +
                                incident.handOffs.size() + incident.notes.size()));
    for (const IncidentSignal &member : incident.members) {
        Entry e;
        e.kind = kindOf(member.kind);
        e.at = member.time;
        e.subjectId = member.id;
        e.what = member.kecamatan.isEmpty()
                     ? member.category
                     : tr("%1 in %2").arg(member.category, member.kecamatan);
        e.who = member.agency == Agency::Unknown ? QString() : agencyShortName(member.agency);
        e.severity = member.severity;
        e.emergency = member.emergency;
        entries.push_back(std::move(e));
    }
    for (const IncidentTransition &t : incident.transitions) {
        Entry e;
        e.kind = EntryKind::Transition;
        e.at = t.at;
        e.what = t.from == IncidentState::Unknown
                     ? IncidentTableModel::stateName(t.to)
                     : tr("%1 → %2").arg(IncidentTableModel::stateName(t.from),
                                         IncidentTableModel::stateName(t.to));
        e.who = actorName(t.by);
        e.note = t.note;
        e.typedByPerson = !t.by.isSystem() && !t.note.isEmpty();
        entries.push_back(std::move(e));
    }
    for (const HandOff &h : incident.handOffs) {
        Entry e;
        e.kind = EntryKind::HandOff;
        e.at = h.at;
        e.what = h.bounced ? tr("%1 → %2, bounced back")
                                 .arg(IncidentTableModel::holderName(h.from),
                                      IncidentTableModel::holderName(h.to))
                           : tr("%1 → %2").arg(IncidentTableModel::holderName(h.from),
                                               IncidentTableModel::holderName(h.to));
        e.who = actorName(h.by);
        e.note = h.note;
        e.typedByPerson = !h.by.isSystem() && !h.note.isEmpty();
        entries.push_back(std::move(e));
    }
    for (const IncidentNote &n : incident.notes) {
        Entry e;
        e.kind = EntryKind::Note;
        e.at = n.at;
        e.what = n.text;
        e.who = actorName(n.by);
        e.typedByPerson = true;
        entries.push_back(std::move(e));
    }
    // Stable: members keep the order they joined in, actions the order they were taken in.
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry &a, const Entry &b) { return a.at < b.at; });
    return entries;
}

void IncidentTimelineModel::reload()
{
    beginResetModel();
    const Incident *incident = m_board ? m_board->incident(m_incidentId) : nullptr;
    m_entries = incident ? entriesOf(*incident) : std::vector<Entry>();
    endResetModel();
}

void IncidentTimelineModel::refresh(qint64 changedId)
{
    if (changedId != m_incidentId)
        return;
    const Incident *incident = m_board ? m_board->incident(m_incidentId) : nullptr;
    if (!incident)
        return; // evicted from the board: the dossier keeps the story it had
    std::vector<Entry> fresh = entriesOf(*incident);
    // An incident only gains entries; insert each new one where it falls, so that a view keeps
    // its selection and scroll position. Anything else (a signal updated in place) resets.
    std::size_t kept = 0;
    std::vector<std::size_t> added;
    for (std::size_t i = 0; i < fresh.size(); ++i) {
        if (kept < m_entries.size() && fresh[i] == m_entries[kept])
            ++kept;
        else
            added.push_back(i);
    }
    if (kept != m_entries.size()) {
        beginResetModel();
        m_entries = std::move(fresh);
        endResetModel();
        return;
    }
    for (std::size_t i : added) {
        beginInsertRows({}, int(i), int(i));
        m_entries.insert(m_entries.begin() + std::ptrdiff_t(i), fresh[i]);
        endInsertRows();
    }
}

int IncidentTimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int IncidentTimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString IncidentTimelineModel::kindName(EntryKind kind)
{
    switch (kind) {
    case EntryKind::Report:
        return tr("Report");
    case EntryKind::Alert:
        return tr("Alert");
    case EntryKind::Observation:
        return tr("Observation");
    case EntryKind::Transition:
        return tr("State");
    case EntryKind::HandOff:
        return tr("Hand-off");
    case EntryKind::Note:
        return tr("Note");
    case EntryKind::Unknown:
        break;
    }
    return {};
}

QVariant IncidentTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries.at(std::size_t(index.row()));
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return e.at.toTimeZone(WallClock::wib()).toString(QStringLiteral("HH:mm:ss"));
        case KindColumn:
            return e.emergency ? tr("%1 (112)").arg(kindName(e.kind)) : kindName(e.kind);
        case WhatColumn:
            return e.subjectId.isEmpty() ? e.what : e.what + QStringLiteral(" · ") + e.subjectId;
        case WhoColumn:
            return e.who;
        case NoteColumn:
            return e.note;
        default:
            return {};
        }
    case Qt::ToolTipRole: // the whole of a long note the view elides
        if (index.column() == WhatColumn || index.column() == NoteColumn)
            return data(index, Qt::DisplayRole);
        return {};
    case EntryKindRole:
        return int(e.kind);
    case TimeRole:
        return e.at;
    case SubjectIdRole:
        return e.subjectId;
    case SeverityRole:
        return int(e.severity);
    case TypedByPersonRole:
        return e.typedByPerson;
    default:
        return {};
    }
}

QVariant IncidentTimelineModel::headerData(int section, Qt::Orientation orientation,
                                           int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case KindColumn:
        return tr("Kind");
    case WhatColumn:
        return tr("What");
    case WhoColumn:
        return tr("Who");
    case NoteColumn:
        return tr("Note");
    default:
        return {};
    }
}

QHash<int, QByteArray> IncidentTimelineModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert({{EntryKindRole, "entryKind"},
                  {TimeRole, "time"},
                  {SubjectIdRole, "subjectId"},
                  {SeverityRole, "severity"},
                  {TypedByPersonRole, "typedByPerson"}});
    return names;
}

} // namespace tlr
