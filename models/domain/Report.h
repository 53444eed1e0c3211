#pragma once

#include "Agency.h"

#include <QDateTime>
#include <QGeoCoordinate>
#include <QString>

#include <memory>

namespace tlr {

// A citizen report: a 112 call or a LAKSA complaint (Tangerang LIVE app, WhatsApp, social
// media, e-mail), the "tlr.report" format of our wire. It holds nothing about the person who
// reported: their name and number travel apart, as PersonalDetails, to the store alone.
struct Report
{
    enum class Channel { Unknown, Call112, App, WhatsApp, Instagram, Facebook, Twitter, Email,
                         Sms, WalkIn };
    // The kinds of LAKSA input; 112 calls are emergencies of their own.
    enum class Kind { Unknown, Emergency, Grievance /*keluhan*/, Complaint /*pengaduan*/,
                      Input /*masukan*/, Suggestion /*saran*/, Criticism /*kritik*/ };

    QString source; // feed id it arrived on
    QString id;
    QDateTime receivedAt; // UTC
    Channel channel = Channel::Unknown;
    Kind kind = Kind::Unknown;
    QString category; // banjir, kemacetan, kebakaran, air_bersih…
    bool emergency = false;
    QString kecamatan;
    QGeoCoordinate location;
    QString description;
    Agency agency = Agency::Unknown; // the agency the report concerns, when the source says
};

// A report as the wall holds it once received: never changed again, so the situation and every
// view of it share one copy (a storm day is 85,000 of them).
using SharedReport = std::shared_ptr<const Report>;

QString channelKey(Report::Channel channel);
std::optional<Report::Channel> channelFromKey(QStringView key);
QString reportKindKey(Report::Kind kind);
std::optional<Report::Kind> reportKindFromKey(QStringView key);

} // namespace tlr
