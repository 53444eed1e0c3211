#pragma once

#include "AlertRules.h"

#include <QByteArray>
#include <QString>

#include <variant>

namespace tlr {

// Reads the alert rules (docs/alert-rules.md) and checks them completely before the engine
// uses them: an error names the file, the rule and the field, and says what was expected.
class AlertRulesReader
{
public:
    struct Error
    {
        QString fileName;
        QString rule;  // the rule's id, or rules[N] before its id is known; empty outside rules
        QString field; // JSON path inside the rule (or the file): bands[1].severity
        QString message;

        QString toString() const;
    };
    using Result = std::variant<AlertRules, Error>;

    static Result read(const QByteArray &json, const QString &fileName);
    static Result readFile(const QString &path);
    static QString defaultRulesPath(); // the rules shipped in resources
};

} // namespace tlr
