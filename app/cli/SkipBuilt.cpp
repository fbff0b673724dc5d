#include "cli/SkipBuilt.h"

#include "builds/BuildWorktrees.h"
#include "builds/CacheCheck.h"

#include <QDir>
#include <QFileInfo>
#include <QUuid>

namespace vs::cli {

namespace {

// nix-instantiate and nix-store beside the configured nix-build (or on PATH).
QString beside(const QString &nixBuild, const QString &program)
{
    return nixBuild.contains(QLatin1Char('/')) ? QFileInfo(nixBuild).dir().filePath(program) : program;
}

} // namespace

SkipBuiltSplit splitBuilt(
    const QString &repo, const QString &branch, const QStringList &variants, BuildBackend backend, const BuildSettings &settings)
{
    SkipBuiltSplit split;
    const BuildWorktrees::Place place = BuildWorktrees(settings.worktreeDirectory(), settings.gitProgram).prepare(repo, branch);
    if (!place.error.isEmpty()) {
        split.error = place.error;
        return split;
    }
    CacheCheckOptions options;
    options.paths.nixInstantiate = beside(settings.nixBuildProgram, QStringLiteral("nix-instantiate"));
    options.paths.nixOptions = settings.nixOptions;
    options.nixStore = beside(settings.nixBuildProgram, QStringLiteral("nix-store"));
    const CacheReport report = CacheCheck::run(place.directory, variants, options);
    for (const QString &problem : report.problems)
        split.notes << QStringLiteral("warning: %1").arg(problem);
    for (const CachedRecipe &c : report.recipes) {
        BuildJob job;
        job.runId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        job.repoRoot = repo;
        job.variant = c.variant;
        job.branch = branch;
        job.backend = backend;
        job.workDir = place.directory;
        job.commit = place.commit;
        job.recipeFile = c.recipe;
        job.started = QDateTime::currentDateTimeUtc();
        if (!c.error.isEmpty() && backend == BuildBackend::Flox) {
            // flox calls recipes nix-build cannot (callPackage shape): no answer is not a fault here.
            split.notes << QStringLiteral("%1: cannot tell whether it is built (%2); building it").arg(c.variant, c.error);
            split.toBuild << c.variant;
        } else if (!c.error.isEmpty()) {
            job.state = BuildState::Failed;
            job.message = c.error;
            split.notes << QStringLiteral("%1: not queued: %2").arg(c.variant, c.error);
            split.done.insert(c.variant, job);
        } else if (c.valid) {
            job.state = BuildState::Succeeded;
            job.skipped = true;
            job.storePath = c.outPath;
            split.notes << QStringLiteral("%1: already built (%2, %3): skipped").arg(c.variant, c.outPath, c.where);
            split.done.insert(c.variant, job);
        } else {
            split.toBuild << c.variant;
        }
    }
    return split;
}

} // namespace vs::cli
