#include "ScenarioBundle.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace tlr::feedsim {
namespace {

const QString kBuiltInDir = QStringLiteral(":/scenarios");

QString resolve(const QString &file, const QString &besideDir)
{
    if (QFileInfo(file).isAbsolute())
        return file;
    const QString beside = QDir(besideDir).filePath(file);
    if (QFileInfo::exists(beside))
        return beside;
    return QDir(kBuiltInDir).filePath(file);
}

std::optional<QByteArray> readAll(const QString &path, QStringList &problems)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        problems.append(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    return file.readAll();
}

void prefix(QStringList &into, const QString &file, const QStringList &problems)
{
    for (const auto &p : problems)
        into.append(file + QLatin1String(": ") + p);
}

} // namespace

QStringList ScenarioBundle::builtInNames()
{
    QStringList names;
    const auto files =
        QDir(kBuiltInDir).entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const auto &info : files) {
        if (!info.baseName().startsWith(QLatin1String("tangerang-")))
            names.append(info.baseName());
    }
    return names;
}

ScenarioBundle::Load ScenarioBundle::load(const QString &nameOrPath)
{
    Load load;
    QString path = nameOrPath;
    if (!nameOrPath.contains(u'/') && !nameOrPath.endsWith(QLatin1String(".json")))
        path = QDir(kBuiltInDir).filePath(nameOrPath + QLatin1String(".json"));
    const auto scenarioBytes = readAll(path, load.problems);
    if (!scenarioBytes)
        return load;
    auto scenario = Scenario::fromJson(*scenarioBytes);
    prefix(load.problems, path, scenario.problems);

    const QString dir = QFileInfo(path).path();
    const QString networkPath = resolve(scenario.scenario.networkFile, dir);
    const auto networkBytes = readAll(networkPath, load.problems);
    const QString reportsPath = resolve(scenario.scenario.reportsFile, dir);
    const auto reportBytes = readAll(reportsPath, load.problems);
    if (!networkBytes || !reportBytes)
        return load;
    auto network = Network::fromJson(*networkBytes);
    prefix(load.problems, networkPath, network.problems);
    auto reports = ReportCatalog::fromJson(*reportBytes);
    prefix(load.problems, reportsPath, reports.problems);
    if (load.problems.isEmpty())
        load.bundle = ScenarioBundle{scenario.scenario, network.network, reports.catalog};
    return load;
}

} // namespace tlr::feedsim
