#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace tlr::feedsim {

// What citizens report and how they say it, read from resources/scenarios/*-reports.json.
struct ReportCatalog
{
    struct Channel
    {
        QString channel; // "112", "app", "whatsapp"…
        double weight = 1;
    };
    struct Category
    {
        QString category; // "banjir", "kemacetan"…
        double weight = 1;
        QString agency; // "dishub", "dinkes", "tirtabenteng", "dlh", "112"
        bool emergency = false;
        QStringList kinds;        // "emergency", "keluhan", "pengaduan"…
        QStringList descriptions; // Indonesian, with {street} and {kecamatan}
    };

    QStringList firstNames;
    QStringList lastNames;
    QStringList phonePrefixes;
    QList<Channel> channels;
    QList<Category> categories;

    int categoryIndex(const QString &category) const;

    struct Load;
    static Load fromJson(const QByteArray &bytes);
};

struct ReportCatalog::Load
{
    ReportCatalog catalog;
    QStringList problems;
};

} // namespace tlr::feedsim
