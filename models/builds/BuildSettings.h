#pragma once

#include <QString>
#include <QStringList>

namespace vs {

// Where the build programs are and where run data goes. Every location can be
// set explicitly (tests point them into temporary folders); empty means the
// standard place (QStandardPaths).
struct BuildSettings {
    QString floxProgram = QStringLiteral("flox");
    QString nixBuildProgram = QStringLiteral("nix-build");
    QString gitProgram = QStringLiteral("git");
    QStringList nixOptions; // extra nix-build arguments, e.g. --option sandbox false
    QString dataDirectory; // logs/ and history/ live here; default AppDataLocation
    QString cacheDirectory; // worktrees/ lives here; default CacheLocation
    int maxParallel = 1;
    int cancelGraceMs = 5000; // SIGTERM → SIGKILL
    int historyKeepPerCell = 20; // build runs the history keeps per (branch, variant); 0 keeps all

    QString logDirectory() const;
    QString historyDirectory() const;
    QString worktreeDirectory() const;

    // The user's choices (AppSettings: programs, nix options, parallel builds, history size);
    // locations stay default.
    static BuildSettings load();
};

} // namespace vs
