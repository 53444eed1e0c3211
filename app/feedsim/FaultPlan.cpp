#include "FaultPlan.h"

#include <QStringList>

namespace tlr::feedsim {

bool FaultPlan::isSilenced(FeedId feed, qint64 realMs) const
{
    for (const auto &s : silences) {
        const qint64 from = qint64(s.atSeconds * 1000);
        if (s.feed == feed && realMs >= from && realMs < from + qint64(s.seconds * 1000))
            return true;
    }
    return false;
}

FaultPlan::Parse FaultPlan::parse(const QString &spec)
{
    FaultPlan plan;
    const auto fail = [](const QString &message) {
        return Parse{std::nullopt, message};
    };
    const QStringList items = spec.split(u',', Qt::SkipEmptyParts);
    for (const QString &rawItem : items) {
        const QString item = rawItem.trimmed();
        const qsizetype eq = item.indexOf(u'=');
        const QString name = eq < 0 ? item : item.left(eq);
        const QString value = eq < 0 ? QString() : item.mid(eq + 1);
        const auto number = [&](double fallback, double min, double max) -> std::optional<double> {
            if (value.isEmpty())
                return fallback;
            bool ok = false;
            const double v = value.toDouble(&ok);
            if (!ok || !(v >= min && v <= max))
                return std::nullopt;
            return v;
        };
        if (name == QLatin1String("disconnect")) {
            const auto v = number(20, 0.1, 1e6);
            if (!v)
                return fail(QStringLiteral("disconnect=SECONDS needs a positive number"));
            plan.disconnectSeconds = *v;
        } else if (name == QLatin1String("malformed") || name == QLatin1String("duplicate") ||
                   name == QLatin1String("reorder")) {
            const auto v = number(0.01, 0, 1);
            if (!v)
                return fail(QStringLiteral("%1=FRACTION needs a number in [0, 1]").arg(name));
            (name == QLatin1String("malformed")   ? plan.malformed
             : name == QLatin1String("duplicate") ? plan.duplicate
                                                  : plan.reorder) = *v;
        } else if (name == QLatin1String("silence")) {
            // FEED:SECONDS[@AT]
            const qsizetype colon = value.indexOf(u':');
            const QString feedKey = colon < 0 ? value : value.left(colon);
            const auto feed = feedIdFromKey(feedKey);
            if (!feed)
                return fail(
                    QStringLiteral("silence=FEED:SECONDS[@AT]: unknown feed \"%1\"").arg(feedKey));
            Silence silence;
            silence.feed = *feed;
            if (colon >= 0) {
                const QString rest = value.mid(colon + 1);
                const qsizetype atSign = rest.indexOf(u'@');
                bool okSeconds = false;
                bool okAt = true;
                silence.seconds = (atSign < 0 ? rest : rest.left(atSign)).toDouble(&okSeconds);
                if (atSign >= 0)
                    silence.atSeconds = rest.mid(atSign + 1).toDouble(&okAt);
                if (!okSeconds || !okAt || silence.seconds <= 0 || silence.atSeconds < 0)
                    return fail(
                        QStringLiteral("silence=FEED:SECONDS[@AT] needs positive numbers"));
            }
            plan.silences.append(silence);
        } else {
            return fail(QStringLiteral("unknown fault \"%1\" (disconnect, malformed, duplicate, "
                                       "reorder, silence)")
                            .arg(name));
        }
    }
    return {plan, {}};
}

} // namespace tlr::feedsim
