#pragma once

#include "NearbySensors.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

class QAbstractItemModel;

namespace tlr {

// What the one-page-and-more PDF brief of an incident says, laid out as data before anything is
// painted: the header's facts, the nearby charts' figures, the resources, the timeline. Built
// only from what the dossier's models show, which never hold a reporter's name or number: the
// brief carries no personal data, whoever made it and whatever they had revealed.
struct IncidentBrief
{
    struct Fact
    {
        QString caption;
        QString value;
    };
    struct Table
    {
        QStringList header;
        QList<QStringList> rows;
    };
    struct ChartSummary
    {
        QString name;      // the series' name, with its unit
        QStringList lines; // per line: its label, latest and highest value in the window
    };

    QString title;    // "INC-000042 · flood · Cibodas"
    QString madeFor;  // who made it and when (WIB)
    QDateTime madeAt; // UTC
    QList<Fact> facts;
    QList<ChartSummary> charts;
    Table resources;
    Table timeline;

    // A table of an item model's display texts, as a view shows them.
    static Table tableOf(const QAbstractItemModel &model);
    // A chart's figures over [from, to] in words, in the chart's unit and decimals.
    static ChartSummary summaryOf(const NearbySensors::Chart &chart, qint64 fromMsecs,
                                  qint64 toMsecs);
    // Every word the brief prints, in order: for tests and for searching it.
    QStringList texts() const;
};

} // namespace tlr
