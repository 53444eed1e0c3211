#pragma once

#include "Generator.h"

namespace tlr::feedsim {

// The 112 call centre and LAKSA: citizen reports in the documented "tlr.report" JSON, with
// synthetic names and phone numbers (feed emergency-112). In a storm, "banjir" calls follow
// the water.
class EmergencyGenerator : public Generator
{
public:
    EmergencyGenerator(const GeneratorContext &context, quint64 seed);
    void start(qint64 startMs) override;

private:
    void routineReport(qint64 now);
    void floodCall(qint64 now);
    double floodCallRate();
    void publishReport(qint64 now, int category, int kecamatan, bool preferCall);

    int m_calls = 0; // 112-YYYY-NNNNNN
    int m_laksa = 0; // LAKSA-YYYY-NNNNNN
};

} // namespace tlr::feedsim
