#include "ReportCatalog.h"

#include "JsonReader.h"

#include <QJsonDocument>

namespace tlr::feedsim {

int ReportCatalog::categoryIndex(const QString &category) const
{
    for (int i = 0; i < categories.size(); ++i) {
        if (categories.at(i).category == category)
            return i;
    }
    return -1;
}

ReportCatalog::Load ReportCatalog::fromJson(const QByteArray &bytes)
{
    Load load;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        load.problems.append(QStringLiteral("not a JSON object: %1").arg(error.errorString()));
        return load;
    }
    JsonReader r;
    const QJsonObject root = document.object();
    ReportCatalog &c = load.catalog;
    c.firstNames = r.strings(root, QStringLiteral("firstNames"), {});
    c.lastNames = r.strings(root, QStringLiteral("lastNames"), {});
    c.phonePrefixes = r.strings(root, QStringLiteral("phonePrefixes"), {});
    const QJsonArray channels = r.array(root, QStringLiteral("channels"), {});
    for (int i = 0; i < channels.size(); ++i) {
        const QJsonObject o = channels.at(i).toObject();
        const QString p = QStringLiteral("channels[%1]").arg(i);
        c.channels.append({r.string(o, QStringLiteral("channel"), p),
                           r.number(o, QStringLiteral("weight"), p, 0, 1e6, 1)});
    }
    const QJsonArray categories = r.array(root, QStringLiteral("categories"), {});
    for (int i = 0; i < categories.size(); ++i) {
        const QJsonObject o = categories.at(i).toObject();
        const QString p = QStringLiteral("categories[%1]").arg(i);
        Category k;
        k.category = r.string(o, QStringLiteral("category"), p);
        k.weight = r.number(o, QStringLiteral("weight"), p, 0, 1e6, 1);
        k.agency = r.string(o, QStringLiteral("agency"), p);
        k.emergency = o.value(QLatin1String("emergency")).toBool();
        k.kinds = r.strings(o, QStringLiteral("kinds"), p);
        k.descriptions = r.strings(o, QStringLiteral("descriptions"), p);
        if (k.kinds.isEmpty() || k.descriptions.isEmpty())
            r.problem(p, QStringLiteral("needs kinds and descriptions"));
        c.categories.append(k);
    }
    if (c.firstNames.isEmpty() || c.lastNames.isEmpty() || c.phonePrefixes.isEmpty() ||
        c.channels.isEmpty() || c.categories.isEmpty()) {
        r.problem(QStringLiteral("/"),
                  QStringLiteral("names, phone prefixes, channels and categories "
                                 "must not be empty"));
    }
    if (c.categoryIndex(QStringLiteral("banjir")) < 0)
        r.problem(QStringLiteral("categories"),
                  QStringLiteral("the storm needs a \"banjir\" category"));
    load.problems = r.problems();
    return load;
}

} // namespace tlr::feedsim
