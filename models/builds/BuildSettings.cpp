#include "builds/BuildSettings.h"
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

BuildSettings BuildSettings::load()
{
    const AppSettings app;
    BuildSettings s;
    s.floxProgram = app.floxProgram();
    s.nixBuildProgram = app.nixBuildProgram();
    s.nixOptions = app.nixExtraOptions();
    s.maxParallel = qMax(1, app.maxParallelBuilds());
    s.historyKeepPerCell = app.historyKeepPerCell();
    return s;
}

} // namespace vs
