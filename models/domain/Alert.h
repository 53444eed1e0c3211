#pragma once

#include "Severity.h"

#include <QDateTime>
#include <QGeoCircle>
#include <QGeoPolygon>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace tlr {

// The Common Alerting Protocol's message model (OASIS CAP 1.2, which 1.1 is a subset of), as
// agencies publish it. NGSI Alert entities and our own rule outcomes are expressed in it too,
// so that the alert engine sees one shape. Every enumeration starts with Unknown: a document
// that omits or misspells a field is kept, and the gap is visible.

struct NamedValue
{
    QString name;
    QString value;
};

struct AlertArea
{
    QString description;
    QList<QGeoPolygon> polygons;
    QList<QGeoCircle> circles; // radius in metres (CAP gives kilometres)
    QList<NamedValue> geocodes;
    std::optional<double> altitude;
    std::optional<double> ceiling;
};

struct AlertResource
{
    QString description;
    QString mimeType;
    qint64 size = -1;
    QString uri;
};

struct AlertInfo
{
    enum class Category { Unknown, Geo, Met, Safety, Security, Rescue, Fire, Health, Env,
                          Transport, Infra, CBRNE, Other };
    enum class Urgency { Unknown, Immediate, Expected, Future, Past };
    enum class Certainty { Unknown, Observed, Likely, Possible, Unlikely };
    enum class ResponseType { Unknown, Shelter, Evacuate, Prepare, Execute, Avoid, Monitor,
                              Assess, AllClear, None };

    QString language; // empty means the CAP default, en-US
    QList<Category> categories;
    QString event;
    QList<ResponseType> responseTypes;
    Urgency urgency = Urgency::Unknown;
    Severity severity = Severity::Unknown;
    Certainty certainty = Certainty::Unknown;
    QString audience;
    QList<NamedValue> eventCodes;
    QDateTime effective;
    QDateTime onset;
    QDateTime expires;
    QString senderName;
    QString headline;
    QString description;
    QString instruction;
    QString web;
    QString contact;
    QList<NamedValue> parameters;
    QList<AlertResource> resources;
    QList<AlertArea> areas;
};

struct Alert
{
    enum class Status { Unknown, Actual, Exercise, System, Test, Draft };
    enum class MsgType { Unknown, Alert, Update, Cancel, Ack, Error };
    enum class Scope { Unknown, Public, Restricted, Private };

    QString source; // feed id it arrived on
    QString identifier;
    QString sender;
    QDateTime sent; // UTC
    Status status = Status::Unknown;
    MsgType msgType = MsgType::Unknown;
    Scope scope = Scope::Unknown;
    QString restriction;
    QString addresses;
    QStringList codes;
    QString note;
    QStringList references; // "sender,identifier,sent" triples as CAP writes them
    QStringList incidents;
    QList<AlertInfo> infos;

    // Exercise and Test messages are shown marked and never counted in live figures.
    bool isLive() const { return status == Status::Actual; }

    Severity highestSeverity() const
    {
        Severity highest = Severity::Unknown;
        for (const auto &info : infos)
            highest = std::max(highest, info.severity);
        return highest;
    }
};

} // namespace tlr
