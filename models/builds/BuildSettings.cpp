#include "builds/BuildSettings.h"

#include <QDir>
#include <QSettings>
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
    BuildSettings s;
    QSettings q;
    q.beginGroup(QStringLiteral("builds"));
    s.floxProgram = q.value(QStringLiteral("floxProgram"), s.floxProgram).toString();
    s.nixBuildProgram = q.value(QStringLiteral("nixBuildProgram"), s.nixBuildProgram).toString();
    s.nixOptions = q.value(QStringLiteral("nixOptions")).toStringList();
    s.maxParallel = qMax(1, q.value(QStringLiteral("maxParallel"), s.maxParallel).toInt());
    return s;
}

void BuildSettings::save() const
{
    QSettings q;
    q.beginGroup(QStringLiteral("builds"));
    q.setValue(QStringLiteral("floxProgram"), floxProgram);
    q.setValue(QStringLiteral("nixBuildProgram"), nixBuildProgram);
    q.setValue(QStringLiteral("nixOptions"), nixOptions);
    q.setValue(QStringLiteral("maxParallel"), maxParallel);
}

} // namespace vs
