#pragma once

#include "incidents/Incident.h"

#include <QAbstractTableModel>
#include <QPointer>

#include <vector>

namespace tlr {

class IncidentBoard;

// One incident's story, oldest first, for its dossier: every linked signal (112 and LAKSA
// reports, alerts, observations), every change of state with who made it and why, every
// hand-off between agencies, and every free note (its text in the What column). Follows the board: entries that arrive later are inserted where
// they belong in time. A report's row names the report, never the person who made it; their
// details are for PersonalDataAccess alone.
class IncidentTimelineModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, KindColumn, WhatColumn, WhoColumn, NoteColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        EntryKindRole = Qt::UserRole + 1, // int(EntryKind)
        TimeRole,                         // QDateTime, UTC
        SubjectIdRole, // a signal's id (report, alert, observation); empty for the rest
        SeverityRole,  // int(Severity) of a signal
        TypedByPersonRole, // bool: the entry carries text a person typed (a note, an action's
                           // note), which may name people; PublicTimelineModel hides it
    };
    Q_ENUM(Role)
    enum class EntryKind { Unknown, Report, Alert, Observation, Transition, HandOff, Note };
    Q_ENUM(EntryKind)

    struct Entry
    {
        EntryKind kind = EntryKind::Unknown;
        QDateTime at; // UTC
        QString subjectId;
        QString what;
        QString who;
        QString note;
        Severity severity = Severity::Unknown;
        bool emergency = false; // a report taken as an emergency (112)
        bool typedByPerson = false;

        bool operator==(const Entry &other) const = default;
    };

    explicit IncidentTimelineModel(const IncidentBoard *board, QObject *parent = nullptr);

    // 0 or an id no longer on the board: empty.
    void setIncident(qint64 id);
    qint64 incidentId() const { return m_incidentId; }

    // The entries of an incident, oldest first; at equal times signals before what was done,
    // and notes last.
    static std::vector<Entry> entriesOf(const Incident &incident);
    const Entry &entry(int row) const { return m_entries.at(std::size_t(row)); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void refresh(qint64 changedId);
    void reload();
    static QString kindName(EntryKind kind);

    QPointer<const IncidentBoard> m_board;
    qint64 m_incidentId = 0;
    std::vector<Entry> m_entries;
};

} // namespace tlr
