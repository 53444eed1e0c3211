#include "domain/Agency.h"
#include "domain/Report.h"
#include "domain/Severity.h"
#include "parsing/Envelope.h"

#include <catch2/catch.hpp>

using namespace tlr;

TEST_CASE("Wire keys and enums convert both ways")
{
    for (auto agency : {Agency::Dishub, Agency::Dinkes, Agency::TirtaBenteng, Agency::Dlh,
                        Agency::CallCentre112}) {
        CHECK(agencyFromKey(agencyKey(agency)) == agency);
    }
    for (auto format : {PayloadFormat::NgsiLd, PayloadFormat::Cap, PayloadFormat::GeoJson,
                        PayloadFormat::TlrReport, PayloadFormat::Heartbeat}) {
        CHECK(payloadFormatFromKey(payloadFormatKey(format)) == format);
    }
    CHECK(severityFromKey(u"Extreme") == Severity::Extreme);
    CHECK(severityFromKey(u"SEVERE") == Severity::Severe);
    CHECK(channelFromKey(u"WhatsApp") == Report::Channel::WhatsApp);
}

TEST_CASE("Unknown keys give no value rather than a default")
{
    CHECK_FALSE(agencyFromKey(u"bpbd"));
    CHECK_FALSE(feedKindFromKey(u""));
    CHECK_FALSE(severityFromKey(u"catastrophic"));
    CHECK_FALSE(payloadFormatFromKey(u"NGSI-LD")); // the wire is case-sensitive
}

TEST_CASE("Severities order from least to most severe")
{
    CHECK(Severity::Unknown < Severity::Minor);
    CHECK(Severity::Minor < Severity::Moderate);
    CHECK(Severity::Severe < Severity::Extreme);
}
