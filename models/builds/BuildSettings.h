#pragma once

#include "farm/BuilderMachine.h"

#include <QList>
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

    // The build farm (Nix's distributed builds). Builders given here are handed to
    // Nix (NIX_CONFIG, and --option for nix-build); none: the user's Nix configuration
    // applies. Builders that are only counted (read from that configuration) are not
    // handed on again.
    QList<BuilderMachine> builders;
    bool buildersFromNixConfig = false; // true: `builders` came from Nix's own settings: count only
    bool farmOnly = false; // max-jobs = 0: nothing builds on this machine
    int retries = 0; // 0–3: a build a builder failed is queued again this often
    static constexpr int kMaxRetries = 3;

    bool usesFarm() const { return !builders.isEmpty(); }
    // The Nix settings a build gets, "name = value" each: builders, builders-use-substitutes, max-jobs.
    QStringList nixSettings() const;
    // The NIX_CONFIG for a build process: the user's own (`existing`) first, ours after,
    // so ours win (later lines override earlier ones). Empty when there is nothing to add.
    QString nixConfig(const QString &existing) const;
    // How many builds of a recipe for `system` needing `features` can run at once:
    // the sum of max jobs of the builders that fit, plus maxParallel here unless farm
    // only; maxParallel when there is no farm. At least 1 (Nix then says why it cannot).
    int slotsFor(const QString &system, const QStringList &features) const;

    QString logDirectory() const;
    QString historyDirectory() const;
    QString worktreeDirectory() const;

    // The user's choices (AppSettings: programs, nix options, parallel builds, history size);
    // locations stay default.
    static BuildSettings load();
};

} // namespace vs
