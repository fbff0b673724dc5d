#pragma once

#include <QString>
#include <QStringList>

namespace vs {

// The user's settings (QSettings underneath), typed. One place for their keys and defaults.
class AppSettings {
public:
    QString floxProgram() const; // default "flox" (found on PATH)
    void setFloxProgram(const QString &path);
    QString nixBuildProgram() const; // default "nix-build"
    void setNixBuildProgram(const QString &path);
    QString nixInstantiateProgram() const; // default "nix-instantiate"
    void setNixInstantiateProgram(const QString &path);
    QStringList nixExtraOptions() const; // extra arguments for nix-build
    void setNixExtraOptions(const QStringList &options);
    QString buildBackend() const; // "flox" (default) or "nix"
    void setBuildBackend(const QString &backend);
    int maxParallelBuilds() const; // default 1
    void setMaxParallelBuilds(int n);
    int historyKeepPerCell() const; // builds/historyKeepPerCell, default 20; 0 keeps every run
    void setHistoryKeepPerCell(int n);
    // The build farm: farm/builders (machines lines, or "@FILE"; empty: Nix's own
    // configuration), farm/farmOnly (max-jobs = 0), farm/retries (0–3).
    QString farmBuilders() const;
    void setFarmBuilders(const QString &spec);
    bool farmOnly() const;
    void setFarmOnly(bool on);
    int farmRetries() const;
    void setFarmRetries(int n);

    QStringList recentRepositories() const; // most recent first, at most 10
    void addRecentRepository(const QString &path);
    QString lastRepository() const;
    // The companion repositories a recent repository was opened with (its workspace),
    // repositories/workspaces: restored when it is opened again. Kept for recent repositories only.
    QStringList workspaceCompanions(const QString &repository) const;
    void setWorkspaceCompanions(const QString &repository, const QStringList &companions);

    QString publishOrganisation() const;
    void setPublishOrganisation(const QString &org);

    QString languageOverride() const; // "" = system locale, "en", "de"
    void setLanguageOverride(const QString &language);
};

} // namespace vs
