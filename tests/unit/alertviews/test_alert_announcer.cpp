#include "AlertTestSupport.h"

#include "alerts/AlarmPlayer.h"
#include "alerts/AlertAnnouncer.h"
#include "i18n/LanguageSwitcher.h"

#include <catch2/catch.hpp>

using namespace tlr;
using namespace tlr::test;

namespace {

// The engine, the console's alarm and the announcer as the wall wires them, with the voice
// replaced by a list of what it was given to say.
struct AnnouncerFixture : EngineFixture
{
    AnnouncerFixture() : alarm(engine.get()), announcer(engine.get(), &alarm)
    {
        announcer.setSpeaker([this](const QString &sentence) { said.append(sentence); });
    }

    AlarmPlayer alarm;
    AlertAnnouncer announcer;
    QStringList said;
};

} // namespace

TEST_CASE("A new critical alert is spoken once: never its repeats, refreshes or lesser alerts")
{
    LanguageSwitcher language;
    REQUIRE(language.setLanguage(QStringLiteral("en")));
    AnnouncerFixture f;
    f.raise("pintu-air-10", Severity::Extreme);
    REQUIRE(f.said.size() == 1);
    CHECK(f.said.first() == QStringLiteral("Critical alert: Pintu Air 10, Neglasari."));

    f.advanceSeconds(10);
    f.engine->applyConditions({condition("pintu-air-10", Severity::Extreme)}); // a repeat
    f.engine->checkTimers();
    f.advanceMinutes(5);
    f.engine->checkTimers(); // escalates: the louder tone, but nothing more is said
    f.raise("kali-sabi", Severity::Severe);
    CHECK(f.said.size() == 1);

    // Cleared before anyone took it, then back: the same alert, not a new one.
    f.engine->applyConditions({cleared("pintu-air-10")});
    f.engine->applyConditions({condition("pintu-air-10", Severity::Extreme)});
    CHECK(f.said.size() == 1);
    CHECK(f.announcer.announcements() == 1);
}

TEST_CASE("Exercise and Test alerts are not spoken, nor anything while the console is muted")
{
    LanguageSwitcher language;
    REQUIRE(language.setLanguage(QStringLiteral("en")));
    AnnouncerFixture f;
    AlertCondition drill = condition("latihan", Severity::Extreme);
    drill.live = false;
    drill.status = Alert::Status::Exercise;
    f.engine->applyConditions({drill});
    CHECK(f.said.isEmpty());

    f.alarm.setMuted(true);
    f.raise("pintu-air-10", Severity::Extreme);
    CHECK(f.said.isEmpty());
    f.alarm.setMuted(false);
    f.raise("cisadane-1", Severity::Extreme);
    CHECK(f.said.size() == 1);
}

TEST_CASE("The announcement is in the language the wall speaks")
{
    LanguageSwitcher language;
    REQUIRE(language.setLanguage(QStringLiteral("id")));
    AnnouncerFixture f;
    f.raise("pintu-air-10", Severity::Extreme);
    REQUIRE(f.said.size() == 1);
    CHECK(f.said.first() == QStringLiteral("Peringatan kritis: Pintu Air 10, Neglasari."));
    REQUIRE(language.setLanguage(QStringLiteral("en")));
}
