#include "Ispu.h"

#include <array>
#include <cmath>

namespace tlr::feedsim {
namespace {

constexpr std::array<double, 6> kIndex = {0, 50, 100, 200, 300, 500};

struct Breakpoints
{
    const char *pollutant;
    std::array<double, 6> concentration; // µg/m³ at the index breakpoints above
};

// PermenLHK P.14/MENLHK/SETJEN/KUM.1/7/2020, lampiran: concentrations for ISPU 0, 50, 100,
// 200, 300 and 500 (PM 24 h, gases 1 h except CO 8 h).
constexpr Breakpoints kBreakpoints[] = {
    {"co", {0, 4000, 8000, 15000, 30000, 45000}}, {"no2", {0, 80, 200, 1130, 2260, 3000}},
    {"o3", {0, 120, 235, 400, 800, 1000}},        {"pm10", {0, 50, 150, 350, 420, 500}},
    {"pm25", {0, 15.5, 55.4, 150.4, 250.4, 500}}, {"so2", {0, 52, 180, 400, 800, 1200}},
};

} // namespace

int Ispu::subIndex(const QString &pollutant, double c)
{
    for (const auto &b : kBreakpoints) {
        if (pollutant != QLatin1String(b.pollutant))
            continue;
        if (!(c > 0))
            return 0;
        for (std::size_t i = 1; i < b.concentration.size(); ++i) {
            if (c <= b.concentration[i]) {
                const double t =
                    (c - b.concentration[i - 1]) / (b.concentration[i] - b.concentration[i - 1]);
                return int(std::lround(kIndex[i - 1] + t * (kIndex[i] - kIndex[i - 1])));
            }
        }
        return 500; // beyond the scale: reported as its top
    }
    return 0;
}

QString Ispu::categoryOf(int index)
{
    if (index <= 50)
        return QStringLiteral("baik");
    if (index <= 100)
        return QStringLiteral("sedang");
    if (index <= 200)
        return QStringLiteral("tidak sehat");
    if (index <= 300)
        return QStringLiteral("sangat tidak sehat");
    return QStringLiteral("berbahaya");
}

Ispu Ispu::compute(const Concentrations &c)
{
    Ispu result;
    for (const auto &[name, value] : {std::pair{"pm25", c.pm25},
                                      {"pm10", c.pm10},
                                      {"o3", c.o3},
                                      {"co", c.co},
                                      {"no2", c.no2},
                                      {"so2", c.so2}}) {
        const int sub = subIndex(QString::fromLatin1(name), value);
        if (sub > result.index || result.dominant.isEmpty()) {
            result.index = sub;
            result.dominant = QString::fromLatin1(name);
        }
    }
    result.category = categoryOf(result.index);
    return result;
}

} // namespace tlr::feedsim
