#pragma once

#include "builds/BuildJob.h"
#include "builds/BuildSettings.h"

#include <QHash>
#include <QStringList>

namespace vs::cli {

// `build --skip-built`: before anything is queued, the cache check (CacheCheck: output
// paths with the real nix, then validity in the local store) sorts the variants into
// those already built (a finished, skipped run with their store path), those that
// could not be evaluated, and those to build.
struct SkipBuiltSplit {
    QString error; // no place to evaluate the branch in: nothing was decided
    QStringList toBuild;
    QHash<QString, BuildJob> done; // skipped (succeeded) or not evaluable (failed), by variant
    QStringList notes; // one line per decision, for stderr
};

SkipBuiltSplit splitBuilt(
    const QString &repo, const QString &branch, const QStringList &variants, BuildBackend backend, const BuildSettings &settings);

} // namespace vs::cli
