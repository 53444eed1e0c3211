#pragma once

#include <QString>

#include <optional>

namespace tlr {

// The agencies behind the wall. The first value is Unknown so that a value type's default
// never claims an agency it was not given.
enum class Agency {
    Unknown,
    Dishub,       // Dinas Perhubungan: traffic
    Dinkes,       // Dinas Kesehatan: health
    TirtaBenteng, // Perumda Tirta Benteng: water utility
    Dlh,          // Dinas Lingkungan Hidup: environment
    CallCentre112 // the 112 emergency line and LAKSA complaints
};

enum class FeedKind { Unknown, Traffic, Health, Water, Environment, Emergency };

QString agencyKey(Agency agency);
std::optional<Agency> agencyFromKey(QStringView key);
QString agencyShortName(Agency agency);

QString feedKindKey(FeedKind kind);
std::optional<FeedKind> feedKindFromKey(QStringView key);

} // namespace tlr
