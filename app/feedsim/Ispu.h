#pragma once

#include <QString>

namespace tlr::feedsim {

// Indeks Standar Pencemar Udara, Indonesia's air-quality index (PermenLHK P.14/2020): each
// pollutant's concentration is interpolated between breakpoints, the index is the worst one.
struct Concentrations
{
    double pm25 = 0, pm10 = 0, o3 = 0, co = 0, no2 = 0, so2 = 0; // µg/m³
};

struct Ispu
{
    int index = 0;
    QString category; // baik, sedang, tidak sehat, sangat tidak sehat, berbahaya
    QString dominant; // the pollutant that sets the index

    static Ispu compute(const Concentrations &c);
    static QString categoryOf(int index);
    static int subIndex(const QString &pollutant, double concentration);
};

} // namespace tlr::feedsim
