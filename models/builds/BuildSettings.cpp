#include "builds/BuildSettings.h"
#include "farm/MachinesFile.h"
#include "settings/AppSettings.h"

#include <QDir>
#include <QStandardPaths>

namespace vs {

namespace {
QString orStandard(const QString &dir, QStandardPaths::StandardLocation location)
{
    return dir.isEmpty() ? QStandardPaths::writableLocation(location) : dir;
}
} // namespace

QString BuildSettings::logDirectory() const
{
    return QDir(orStandard(dataDirectory, QStandardPaths::AppDataLocation)).filePath(QStringLiteral("logs"));
}

QString BuildSettings::historyDirectory() const
{
    return QDir(orStandard(dataDirectory, QStandardPaths::AppDataLocation)).filePath(QStringLiteral("history"));
}

QString BuildSettings::worktreeDirectory() const
{
    return QDir(orStandard(cacheDirectory, QStandardPaths::CacheLocation)).filePath(QStringLiteral("worktrees"));
}

QStringList BuildSettings::nixSettings() const
{
    QStringList lines;
    if (!builders.isEmpty() && !buildersFromNixConfig) {
        lines << QStringLiteral("builders = %1").arg(MachinesFile::toSetting(builders));
        // Builders fetch what they can from the caches themselves instead of through us.
        lines << QStringLiteral("builders-use-substitutes = true");
    }
    if (farmOnly)
        lines << QStringLiteral("max-jobs = 0");
    return lines;
}

QString BuildSettings::nixConfig(const QString &existing) const
{
    const QStringList ours = nixSettings();
    if (ours.isEmpty())
        return {};
    return existing.isEmpty() ? ours.join(QLatin1Char('\n')) : existing + QLatin1Char('\n') + ours.join(QLatin1Char('\n'));
}

int BuildSettings::slotsFor(const QString &system, const QStringList &features) const
{
    if (builders.isEmpty())
        return qMax(1, maxParallel);
    int available = farmOnly ? 0 : qMax(1, maxParallel);
    for (const BuilderMachine &m : builders)
        if (m.canBuild(system.isEmpty() ? localNixSystem() : system, features))
            available += m.maxJobs;
    return qMax(1, available);
}

BuildSettings BuildSettings::load()
{
    const AppSettings app;
    BuildSettings s;
    s.floxProgram = app.floxProgram();
    s.nixBuildProgram = app.nixBuildProgram();
    s.nixOptions = app.nixExtraOptions();
    s.maxParallel = qMax(1, app.maxParallelBuilds());
    s.historyKeepPerCell = app.historyKeepPerCell();
    // Lines that do not parse are left out here; the Build Farm page shows why.
    if (const QString spec = app.farmBuilders(); !spec.trimmed().isEmpty())
        s.builders = MachinesFile::fromSpec(spec, QStringLiteral("farm/builders")).machines;
    s.farmOnly = app.farmOnly();
    s.retries = app.farmRetries();
    return s;
}

} // namespace vs
