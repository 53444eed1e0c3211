#pragma once

#include "domain/DomainEvent.h"
#include "domain/PersonalDetails.h"

#include <QList>

#include <algorithm>
#include <QString>

namespace tlr {

// A problem a parser found. Errors reject the whole document; warnings mean one part of it was
// skipped (a feature with bad coordinates, an unknown enum value) while the rest was kept.
struct ParseProblem
{
    enum class Level { Warning, Error };
    enum class Kind { Unknown, Malformed, WrongType, MissingField, OutOfRange, Unsupported,
                      TooLarge, TooDeep };

    Level level = Level::Error;
    Kind kind = Kind::Unknown;
    QString path;    // where in the document: "alert/info[0]/area[1]/polygon"
    QString message; // for the operator and the quarantine table, in English

    QString toString() const { return path.isEmpty() ? message : path + QLatin1String(": ") + message; }
};

struct ParseResult
{
    QList<DomainEvent> events;
    // Beside the events, never in them: only the store may take these (see PersonalDetails).
    PersonalDetailsList personalDetails;
    QList<ParseProblem> problems;

    bool hasError() const
    {
        return std::any_of(problems.cbegin(), problems.cend(), [](const ParseProblem &p) {
            return p.level == ParseProblem::Level::Error;
        });
    }
    // A rejected document yields nothing: half a document is not data we can trust.
    bool isRejected() const { return hasError(); }

    QString firstError() const
    {
        for (const auto &p : problems) {
            if (p.level == ParseProblem::Level::Error)
                return p.toString();
        }
        return {};
    }

    void error(ParseProblem::Kind kind, const QString &path, const QString &message)
    {
        problems.append({ParseProblem::Level::Error, kind, path, message});
    }
    void warning(ParseProblem::Kind kind, const QString &path, const QString &message)
    {
        problems.append({ParseProblem::Level::Warning, kind, path, message});
    }
};

} // namespace tlr
