#pragma once

#include "SeriesSpec.h"
#include "parsing/ParseResult.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace tlr {

// The chart series the wall knows, read from configuration (resources/charts/series.json,
// documented in resources/charts/README.md). A series with an error is left out and the error
// names it; the others are kept. Only a document that is not a catalog at all yields nothing.
class SeriesCatalog
{
public:
    struct Result;

    static Result parse(const QByteArray &json);
    static Result readFile(const QString &path);
    static QString defaultPath(); // the catalog built into the binary
    // The built-in catalog, read once; an empty catalog if it is broken (a build error).
    static const SeriesCatalog &builtIn();

    const SeriesSpec *find(QStringView key) const;
    QStringList keys() const;
    const QList<SeriesSpec> &series() const { return m_series; }

private:
    QList<SeriesSpec> m_series;
};

struct SeriesCatalog::Result
{
    std::optional<SeriesCatalog> catalog;
    QList<ParseProblem> problems;

    bool hasError() const;
};

} // namespace tlr
