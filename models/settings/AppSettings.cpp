#include "settings/AppSettings.h"

#include <QMap>
#include <QSettings>

namespace vs {

namespace {
QString text(const char *key, const QString &fallback)
{
    const QString v = QSettings().value(QLatin1String(key)).toString();
    return v.isEmpty() ? fallback : v;
}
void set(const char *key, const QVariant &value)
{
    QSettings().setValue(QLatin1String(key), value);
}
} // namespace

QString AppSettings::floxProgram() const
{
    return text("programs/flox", QStringLiteral("flox"));
}
void AppSettings::setFloxProgram(const QString &path)
{
    set("programs/flox", path);
}
QString AppSettings::nixBuildProgram() const
{
    return text("programs/nixBuild", QStringLiteral("nix-build"));
}
void AppSettings::setNixBuildProgram(const QString &path)
{
    set("programs/nixBuild", path);
}
QString AppSettings::nixInstantiateProgram() const
{
    return text("programs/nixInstantiate", QStringLiteral("nix-instantiate"));
}
void AppSettings::setNixInstantiateProgram(const QString &path)
{
    set("programs/nixInstantiate", path);
}
QStringList AppSettings::nixExtraOptions() const
{
    return QSettings().value(QStringLiteral("builds/nixExtraOptions")).toStringList();
}
void AppSettings::setNixExtraOptions(const QStringList &options)
{
    set("builds/nixExtraOptions", options);
}
QString AppSettings::buildBackend() const
{
    return text("builds/backend", QStringLiteral("flox"));
}
void AppSettings::setBuildBackend(const QString &backend)
{
    set("builds/backend", backend);
}
int AppSettings::maxParallelBuilds() const
{
    return qMax(1, QSettings().value(QStringLiteral("builds/maxParallel"), 1).toInt());
}
void AppSettings::setMaxParallelBuilds(int n)
{
    set("builds/maxParallel", qMax(1, n));
}
int AppSettings::historyKeepPerCell() const
{
    bool ok = false;
    const int n = QSettings().value(QStringLiteral("builds/historyKeepPerCell"), 20).toInt(&ok);
    return ok ? qMax(0, n) : 20;
}
void AppSettings::setHistoryKeepPerCell(int n)
{
    set("builds/historyKeepPerCell", qMax(0, n));
}

QString AppSettings::farmBuilders() const
{
    return QSettings().value(QStringLiteral("farm/builders")).toString();
}
void AppSettings::setFarmBuilders(const QString &spec)
{
    set("farm/builders", spec);
}
bool AppSettings::farmOnly() const
{
    return QSettings().value(QStringLiteral("farm/farmOnly"), false).toBool();
}
void AppSettings::setFarmOnly(bool on)
{
    set("farm/farmOnly", on);
}
int AppSettings::farmRetries() const
{
    return qBound(0, QSettings().value(QStringLiteral("farm/retries"), 0).toInt(), 3);
}
void AppSettings::setFarmRetries(int n)
{
    set("farm/retries", qBound(0, n, 3));
}

QStringList AppSettings::recentRepositories() const
{
    return QSettings().value(QStringLiteral("repositories/recent")).toStringList();
}
void AppSettings::addRecentRepository(const QString &path)
{
    QStringList list = recentRepositories();
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > 10)
        list.removeLast();
    set("repositories/recent", list);
}
QString AppSettings::lastRepository() const
{
    return recentRepositories().value(0);
}

namespace {
QMap<QString, QStringList> readWorkspaces()
{
    QSettings settings;
    QMap<QString, QStringList> out;
    const int n = settings.beginReadArray(QStringLiteral("repositories/workspaces"));
    for (int i = 0; i < n; ++i) {
        settings.setArrayIndex(i);
        out.insert(settings.value(QStringLiteral("repository")).toString(), settings.value(QStringLiteral("companions")).toStringList());
    }
    settings.endArray();
    return out;
}
} // namespace

QStringList AppSettings::workspaceCompanions(const QString &repository) const
{
    return readWorkspaces().value(repository);
}
void AppSettings::setWorkspaceCompanions(const QString &repository, const QStringList &companions)
{
    QMap<QString, QStringList> all = readWorkspaces();
    all.insert(repository, companions);
    const QStringList recent = recentRepositories();
    QSettings settings;
    // An array shrinks only when rewritten whole.
    settings.remove(QStringLiteral("repositories/workspaces"));
    settings.beginWriteArray(QStringLiteral("repositories/workspaces"));
    int i = 0;
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        if (it.value().isEmpty() || (!recent.contains(it.key()) && it.key() != repository))
            continue;
        settings.setArrayIndex(i++);
        settings.setValue(QStringLiteral("repository"), it.key());
        settings.setValue(QStringLiteral("companions"), it.value());
    }
    settings.endArray();
}

QString AppSettings::publishOrganisation() const
{
    return QSettings().value(QStringLiteral("publish/organisation")).toString();
}
void AppSettings::setPublishOrganisation(const QString &org)
{
    set("publish/organisation", org);
}

QString AppSettings::languageOverride() const
{
    return QSettings().value(QStringLiteral("ui/language")).toString();
}
void AppSettings::setLanguageOverride(const QString &language)
{
    set("ui/language", language);
}

} // namespace vs
