#include "AlertRulesReader.h"

#include "domain/EnumTable.h"
#include "domain/Report.h"
#include "parsing/ParseHelpers.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <cmath>

namespace tlr {
namespace {

constexpr EnumEntry<AlertRule::Kind> kKinds[] = {
    {u"corridor-speed", AlertRule::Kind::CorridorSpeed},
    {u"feed-silent", AlertRule::Kind::FeedSilent},
    {u"rate-of-change", AlertRule::Kind::RateOfChange},
    {u"report-surge", AlertRule::Kind::ReportSurge},
    {u"threshold", AlertRule::Kind::Threshold},
};
static_assert(isSortedTable(kKinds));

constexpr EnumEntry<AlertRule::Direction> kDirections[] = {
    {u"above", AlertRule::Direction::Above},
    {u"below", AlertRule::Direction::Below},
};
static_assert(isSortedTable(kDirections));

constexpr qint64 kMaxRulesBytes = 1024 * 1024;
constexpr int kMaxRules = 500;
constexpr int kMaxMinutes = 7 * 24 * 60;

QString join(const QString &path, QLatin1String key)
{
    return path.isEmpty() ? QString(key) : path + u'.' + key;
}

// Collects the first error; every check after it is skipped so the message names the cause.
class Checker
{
public:
    explicit Checker(QString fileName) : m_fileName(std::move(fileName)) {}

    bool failed() const { return m_error.has_value(); }
    AlertRulesReader::Error error() const { return *m_error; }
    void setRule(const QString &rule) { m_rule = rule; }

    void fail(const QString &field, const QString &message)
    {
        if (!m_error)
            m_error = AlertRulesReader::Error{m_fileName, m_rule, field, message};
    }

    void knownKeys(const QJsonObject &o, const QString &path,
                   std::initializer_list<const char *> known)
    {
        for (auto it = o.begin(); it != o.end(); ++it) {
            const bool isKnown = std::any_of(known.begin(), known.end(), [&](const char *k) {
                return it.key() == QLatin1String(k);
            });
            // A misspelt key would silently fall back to a default; say so instead.
            if (!isKnown && !it.key().startsWith(u'_'))
                fail(path.isEmpty() ? it.key() : path + u'.' + it.key(),
                     QStringLiteral("unknown field (keys starting with _ are comments)"));
        }
    }

    QString string(const QJsonObject &o, const QString &path, const char *key, bool required)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(join(path, QLatin1String(key)), QStringLiteral("is required (expected a string)"));
            return {};
        }
        if (!v.isString() || (required && v.toString().isEmpty())) {
            fail(join(path, QLatin1String(key)), QStringLiteral("expected a non-empty string"));
            return {};
        }
        return v.toString();
    }

    QStringList strings(const QJsonObject &o, const QString &path, const char *key)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return {};
        QStringList result;
        const QJsonArray array = v.toArray();
        if (!v.isArray())
            fail(join(path, QLatin1String(key)), QStringLiteral("expected a list of strings"));
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isString() || array.at(i).toString().isEmpty()) {
                fail(join(path, QLatin1String(key)) + QStringLiteral("[%1]").arg(i),
                     QStringLiteral("expected a non-empty string"));
                return {};
            }
            result.append(array.at(i).toString());
        }
        return result;
    }

    double number(const QJsonObject &o, const QString &path, const char *key, double fallback,
                  double minimum, bool required)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined()) {
            if (required)
                fail(join(path, QLatin1String(key)), QStringLiteral("is required (expected a number)"));
            return fallback;
        }
        if (!v.isDouble() || !std::isfinite(v.toDouble()) || v.toDouble() < minimum) {
            fail(join(path, QLatin1String(key)),
                 QStringLiteral("expected a number not below %1").arg(minimum));
            return fallback;
        }
        return v.toDouble();
    }

    int integer(const QJsonObject &o, const QString &path, const char *key, int fallback,
                int minimum, int maximum, bool required)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined()) {
            if (required)
                fail(join(path, QLatin1String(key)), QStringLiteral("is required (expected an integer)"));
            return fallback;
        }
        const double d = v.toDouble(qQNaN());
        if (!v.isDouble() || d != std::floor(d) || d < minimum || d > maximum) {
            fail(join(path, QLatin1String(key)),
                 QStringLiteral("expected an integer from %1 to %2").arg(minimum).arg(maximum));
            return fallback;
        }
        return int(d);
    }

    bool boolean(const QJsonObject &o, const QString &path, const char *key, bool fallback)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return fallback;
        if (!v.isBool())
            fail(join(path, QLatin1String(key)), QStringLiteral("expected true or false"));
        return v.toBool(fallback);
    }

    Severity severity(const QJsonObject &o, const QString &path, const char *key)
    {
        const QString text = string(o, path, key, true);
        if (failed())
            return Severity::Unknown;
        const auto severity = severityFromKey(text);
        if (!severity || *severity == Severity::Unknown) {
            fail(join(path, QLatin1String(key)),
                 QStringLiteral("\"%1\" is not a severity (expected minor, moderate, severe or extreme)")
                     .arg(text));
            return Severity::Unknown;
        }
        return *severity;
    }

private:
    QString m_fileName;
    QString m_rule;
    std::optional<AlertRulesReader::Error> m_error;
};

QRegularExpression wildcard(Checker &check, const QString &path, const QString &pattern)
{
    if (pattern.isEmpty())
        return {};
    QRegularExpression re(QRegularExpression::wildcardToRegularExpression(
        pattern, QRegularExpression::UnanchoredWildcardConversion));
    re.setPattern(QStringLiteral("^(?:%1)$").arg(re.pattern()));
    if (!re.isValid())
        check.fail(path, QStringLiteral("not a usable wildcard: %1").arg(re.errorString()));
    re.optimize();
    return re;
}

void readMatch(Checker &check, const QJsonObject &rule, AlertRule &out, bool quantityRequired)
{
    const QJsonValue value = rule.value(QLatin1String("match"));
    if (!value.isObject()) {
        check.fail(QStringLiteral("match"),
                   QStringLiteral("is required (expected {\"entityType\": …, \"quantity\": …})"));
        return;
    }
    const QJsonObject match = value.toObject();
    const QString path = QStringLiteral("match");
    check.knownKeys(match, path, {"entityType", "entityId", "quantity", "unit"});
    out.match.entityType = check.string(match, path, "entityType", false);
    out.match.entityId = wildcard(check, path + QStringLiteral(".entityId"),
                                  check.string(match, path, "entityId", false));
    out.match.quantity = check.string(match, path, "quantity", quantityRequired);
    out.match.unit = check.string(match, path, "unit", false);
}

void readBands(Checker &check, const QJsonObject &rule, AlertRule &out)
{
    const QJsonValue value = rule.value(QLatin1String("bands"));
    if (!value.isArray() || value.toArray().isEmpty()) {
        check.fail(QStringLiteral("bands"),
                   QStringLiteral("expected a non-empty list of {\"at\": N, \"severity\": …}"));
        return;
    }
    const QJsonArray bands = value.toArray();
    const bool below = out.direction == AlertRule::Direction::Below
                       && out.kind != AlertRule::Kind::RateOfChange;
    for (qsizetype i = 0; i < bands.size() && !check.failed(); ++i) {
        const QString path = QStringLiteral("bands[%1]").arg(i);
        if (!bands.at(i).isObject()) {
            check.fail(path, QStringLiteral("expected {\"at\": N, \"severity\": …}"));
            return;
        }
        const QJsonObject band = bands.at(i).toObject();
        check.knownKeys(band, path, {"at", "severity"});
        AlertBand parsed;
        const double minimum = out.kind == AlertRule::Kind::Threshold ? -1e12 : 0.0;
        parsed.at = check.number(band, path, "at", 0.0, minimum, true);
        parsed.severity = check.severity(band, path, "severity");
        if (check.failed())
            return;
        if (!out.bands.isEmpty()) {
            const AlertBand &previous = out.bands.last();
            const bool ordered = below ? parsed.at < previous.at : parsed.at > previous.at;
            if (!ordered) {
                check.fail(path + QStringLiteral(".at"),
                           below ? QStringLiteral("bands of a \"below\" rule must fall, mildest first")
                                 : QStringLiteral("bands must rise, mildest first"));
                return;
            }
            if (parsed.severity <= previous.severity) {
                check.fail(path + QStringLiteral(".severity"),
                           QStringLiteral("each band must be more severe than the one before"));
                return;
            }
        }
        out.bands.append(parsed);
    }
}

AlertRule::Direction readDirection(Checker &check, const QJsonObject &rule, const char *key)
{
    const QString text = check.string(rule, {}, key, true);
    if (check.failed())
        return AlertRule::Direction::Unknown;
    const auto direction = enumFromKey(kDirections, text);
    if (!direction)
        check.fail(QString::fromLatin1(key), QStringLiteral("expected \"above\" or \"below\""));
    return direction.value_or(AlertRule::Direction::Unknown);
}

AlertRule readRule(Checker &check, const QJsonObject &o, const QSet<QString> &seenIds)
{
    AlertRule rule;
    rule.id = check.string(o, {}, "id", true);
    if (check.failed())
        return rule;
    check.setRule(rule.id);
    if (seenIds.contains(rule.id)) {
        check.fail(QStringLiteral("id"), QStringLiteral("\"%1\" is used by an earlier rule").arg(rule.id));
        return rule;
    }
    const QString kind = check.string(o, {}, "kind", true);
    if (check.failed())
        return rule;
    rule.kind = enumFromKey(kKinds, kind).value_or(AlertRule::Kind::Unknown);
    if (rule.kind == AlertRule::Kind::Unknown) {
        check.fail(QStringLiteral("kind"),
                   QStringLiteral("\"%1\" is not a rule kind (expected threshold, rate-of-change, "
                                  "corridor-speed, report-surge or feed-silent)")
                       .arg(kind));
        return rule;
    }
    rule.title = check.string(o, {}, "title", true);
    rule.enabled = check.boolean(o, {}, "enabled", true);
    const QString agency = check.string(o, {}, "agency", rule.kind != AlertRule::Kind::FeedSilent);
    if (!agency.isEmpty()) {
        rule.agency = agencyFromKey(agency).value_or(Agency::Unknown);
        if (rule.agency == Agency::Unknown)
            check.fail(QStringLiteral("agency"), QStringLiteral("\"%1\" is not an agency key").arg(agency));
    }

    switch (rule.kind) {
    case AlertRule::Kind::Threshold:
        check.knownKeys(o, {}, {"id", "kind", "title", "enabled", "agency", "match", "direction",
                                "hysteresis", "bands"});
        readMatch(check, o, rule, true);
        rule.direction = readDirection(check, o, "direction");
        rule.hysteresis = check.number(o, {}, "hysteresis", 0.0, 0.0, false);
        readBands(check, o, rule);
        break;
    case AlertRule::Kind::RateOfChange:
        check.knownKeys(o, {}, {"id", "kind", "title", "enabled", "agency", "match", "direction",
                                "windowMinutes", "hysteresis", "bands"});
        readMatch(check, o, rule, true);
        rule.direction = readDirection(check, o, "direction");
        rule.windowMinutes = check.integer(o, {}, "windowMinutes", 0, 1, kMaxMinutes, true);
        rule.hysteresis = check.number(o, {}, "hysteresis", 0.0, 0.0, false);
        readBands(check, o, rule);
        break;
    case AlertRule::Kind::CorridorSpeed: {
        check.knownKeys(o, {}, {"id", "kind", "title", "enabled", "agency", "match",
                                "corridorPattern", "minSegments", "maxAgeMinutes", "hysteresis",
                                "bands"});
        readMatch(check, o, rule, true);
        rule.direction = AlertRule::Direction::Below;
        const QString pattern = check.string(o, {}, "corridorPattern", true);
        rule.corridorPattern = QRegularExpression(pattern);
        if (!check.failed() && (!rule.corridorPattern.isValid() || rule.corridorPattern.captureCount() < 1)) {
            check.fail(QStringLiteral("corridorPattern"),
                       rule.corridorPattern.isValid()
                           ? QStringLiteral("needs a group () capturing the corridor's name")
                           : QStringLiteral("not a regular expression: %1").arg(rule.corridorPattern.errorString()));
        }
        rule.minSegments = check.integer(o, {}, "minSegments", 1, 1, 1000, false);
        rule.maxAgeMinutes = check.integer(o, {}, "maxAgeMinutes", 15, 1, kMaxMinutes, false);
        rule.hysteresis = check.number(o, {}, "hysteresis", 0.0, 0.0, false);
        readBands(check, o, rule);
        break;
    }
    case AlertRule::Kind::ReportSurge: {
        check.knownKeys(o, {}, {"id", "kind", "title", "enabled", "agency", "categories",
                                "channels", "emergencyOnly", "windowMinutes", "hysteresis", "bands"});
        rule.categories = check.strings(o, {}, "categories");
        rule.channels = check.strings(o, {}, "channels");
        for (qsizetype i = 0; i < rule.channels.size() && !check.failed(); ++i) {
            if (!channelFromKey(rule.channels.at(i)))
                check.fail(QStringLiteral("channels[%1]").arg(i),
                           QStringLiteral("\"%1\" is not a report channel").arg(rule.channels.at(i)));
        }
        rule.emergencyOnly = check.boolean(o, {}, "emergencyOnly", false);
        rule.windowMinutes = check.integer(o, {}, "windowMinutes", 0, 1, kMaxMinutes, true);
        rule.hysteresis = check.number(o, {}, "hysteresis", 0.0, 0.0, false);
        rule.direction = AlertRule::Direction::Above;
        readBands(check, o, rule);
        break;
    }
    case AlertRule::Kind::FeedSilent:
        check.knownKeys(o, {}, {"id", "kind", "title", "enabled", "agency", "feeds",
                                "silentMinutes", "severity"});
        rule.feeds = check.strings(o, {}, "feeds");
        if (!check.failed() && rule.feeds.isEmpty())
            check.fail(QStringLiteral("feeds"), QStringLiteral("expected feed ids, or [\"*\"] for every feed"));
        rule.silentMinutes = check.integer(o, {}, "silentMinutes", 0, 1, kMaxMinutes, true);
        rule.severity = check.severity(o, {}, "severity");
        break;
    case AlertRule::Kind::Unknown:
        break;
    }
    return rule;
}

void readPolicy(Checker &check, const QJsonObject &root, AlertPolicy &policy)
{
    const QJsonValue value = root.value(QLatin1String("lifecycle"));
    if (value.isUndefined())
        return;
    const QString path = QStringLiteral("lifecycle");
    if (!value.isObject()) {
        check.fail(path, QStringLiteral("expected an object"));
        return;
    }
    const QJsonObject o = value.toObject();
    check.knownKeys(o, path, {"escalateAfterMinutes", "maxEscalationLevel", "shelveReminderMinutes",
                              "maxShelveHours", "flapping", "closedRetentionMinutes"});
    const QJsonValue escalation = o.value(QLatin1String("escalateAfterMinutes"));
    if (escalation.isObject()) {
        const QJsonObject minutes = escalation.toObject();
        const QString escalationPath = path + QStringLiteral(".escalateAfterMinutes");
        for (auto it = minutes.begin(); it != minutes.end() && !check.failed(); ++it) {
            const auto severity = severityFromKey(it.key());
            if (!severity || *severity == Severity::Unknown) {
                check.fail(escalationPath + u'.' + it.key(),
                           QStringLiteral("not a severity (expected minor, moderate, severe or extreme)"));
                break;
            }
            policy.escalateAfterMinutes.at(std::size_t(*severity)) =
                check.integer(minutes, escalationPath, it.key().toLatin1().constData(), 0, 0,
                              kMaxMinutes, true);
        }
    } else if (!escalation.isUndefined()) {
        check.fail(path + QStringLiteral(".escalateAfterMinutes"),
                   QStringLiteral("expected {\"extreme\": N, \"severe\": N, …}"));
    }
    policy.maxEscalationLevel = check.integer(o, path, "maxEscalationLevel", policy.maxEscalationLevel, 1, 10, false);
    policy.shelveReminderMinutes = check.integer(o, path, "shelveReminderMinutes", policy.shelveReminderMinutes, 0, 24 * 60, false);
    policy.maxShelveHours = check.integer(o, path, "maxShelveHours", policy.maxShelveHours, 1, 7 * 24, false);
    policy.closedRetentionMinutes = check.integer(o, path, "closedRetentionMinutes", policy.closedRetentionMinutes, 0, kMaxMinutes, false);
    const QJsonValue flapping = o.value(QLatin1String("flapping"));
    if (flapping.isObject()) {
        const QString flappingPath = path + QStringLiteral(".flapping");
        check.knownKeys(flapping.toObject(), flappingPath, {"changes", "windowMinutes"});
        policy.flappingChanges = check.integer(flapping.toObject(), flappingPath, "changes", policy.flappingChanges, 2, 1000, true);
        policy.flappingWindowMinutes = check.integer(flapping.toObject(), flappingPath, "windowMinutes", policy.flappingWindowMinutes, 1, kMaxMinutes, true);
    } else if (!flapping.isUndefined()) {
        check.fail(path + QStringLiteral(".flapping"), QStringLiteral("expected {\"changes\": N, \"windowMinutes\": M}"));
    }
}

} // namespace

QString alertRuleKindKey(AlertRule::Kind kind)
{
    return kind == AlertRule::Kind::Unknown ? QStringLiteral("unknown") : enumKey(kKinds, kind);
}

QString AlertRulesReader::Error::toString() const
{
    QString where = fileName;
    if (!rule.isEmpty())
        where += QStringLiteral(": rule \"%1\"").arg(rule);
    return QStringLiteral("%1: %2 %3").arg(where, field.isEmpty() ? QStringLiteral("file") : field, message);
}

AlertRulesReader::Result AlertRulesReader::read(const QByteArray &json, const QString &fileName)
{
    Checker check(fileName);
    const auto document = parsing::readTopLevelObject(json);
    if (const auto *problem = std::get_if<QString>(&document)) {
        check.fail({}, *problem);
        return check.error();
    }
    const QJsonObject &root = std::get<QJsonObject>(document);
    check.knownKeys(root, {}, {"version", "lifecycle", "rules"});
    check.integer(root, {}, "version", 1, 1, 1, true);

    AlertRules rules;
    rules.fileName = fileName;
    readPolicy(check, root, rules.policy);

    const QJsonValue list = root.value(QLatin1String("rules"));
    if (!list.isArray()) {
        check.fail(QStringLiteral("rules"), QStringLiteral("expected a list of rules"));
        return check.error();
    }
    const QJsonArray array = list.toArray();
    if (array.size() > kMaxRules)
        check.fail(QStringLiteral("rules"), QStringLiteral("at most %1 rules").arg(kMaxRules));
    QSet<QString> ids;
    for (qsizetype i = 0; i < array.size() && !check.failed(); ++i) {
        check.setRule(QStringLiteral("rules[%1]").arg(i));
        if (!array.at(i).isObject()) {
            check.fail({}, QStringLiteral("expected an object"));
            break;
        }
        AlertRule rule = readRule(check, array.at(i).toObject(), ids);
        ids.insert(rule.id);
        rules.rules.append(std::move(rule));
    }
    if (check.failed())
        return check.error();
    return rules;
}

AlertRulesReader::Result AlertRulesReader::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{path, {}, {}, QStringLiteral("cannot be read: %1").arg(file.errorString())};
    // Read to the limit rather than trust size(): a pipe or a device has none and no end.
    const QByteArray json = file.read(kMaxRulesBytes + 1);
    if (json.size() > kMaxRulesBytes)
        return Error{path, {}, {}, QStringLiteral("is larger than 1 MB; not an alert rules file")};
    return read(json, path);
}

QString AlertRulesReader::defaultRulesPath()
{
    return QStringLiteral(":/alerts/rules.json");
}

} // namespace tlr
