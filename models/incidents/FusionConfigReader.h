#pragma once

#include "FusionConfig.h"

#include <QByteArray>
#include <QStringList>

#include <optional>

namespace tlr {

// Reads the fusion configuration. Every problem names its field ("radiusMetres: must be a
// number from 10 to 20000"); a file with any problem gives no configuration at all, since
// half a configuration would fuse differently from what its author wrote.
class FusionConfigReader
{
public:
    struct Result
    {
        std::optional<FusionConfig> config;
        QStringList problems;
    };

    static Result read(const QByteArray &json);
    // The configuration compiled into the binary (:/incidents/fusion.json).
    static Result readBuiltin();
};

} // namespace tlr
