#pragma once

#include "Network.h"
#include "ReportCatalog.h"
#include "Scenario.h"

#include <optional>

namespace tlr::feedsim {

// A scenario with the network and report catalogue it names: everything a run reads at start.
struct ScenarioBundle
{
    Scenario scenario;
    Network network;
    ReportCatalog reports;

    struct Load;
    // nameOrPath is a built-in name ("normal", "storm": the files embedded under
    // :/scenarios/) or a path to a scenario JSON file. The files it names are looked up beside
    // it first, then among the built-in ones.
    static Load load(const QString &nameOrPath);
    static QStringList builtInNames();
};

struct ScenarioBundle::Load
{
    std::optional<ScenarioBundle> bundle;
    QStringList problems; // "file: path: message"
};

} // namespace tlr::feedsim
