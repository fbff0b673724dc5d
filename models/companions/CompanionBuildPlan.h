#pragma once

#include "builds/BuildQueue.h"
#include "companions/CompanionMatch.h"

namespace vs {

// Building a companion cell in dependency order: when its PyTorch is not built
// (nor published), the PyTorch build is queued first, in the PyTorch repository
// and on the paired branch, and the companion's build waits for it (and is not
// run when it fails: BuildError::DependencyFailed, with that build's log).
class CompanionBuildPlan {
public:
    struct Queued {
        quint64 pytorchJob = 0; // 0: PyTorch was already built (or its build already queued: see dependsOn)
        quint64 companionJob = 0; // 0: not queued (error says why)
        QString error;
    };
    // What the two recipes require of a builder (RecipeFeatures: the one rule), so a
    // farm counts only the builders that fit each job. Blocking (git): call it off the
    // UI thread, then hand the result to enqueue().
    struct Features {
        QStringList pytorch;
        QStringList companion;
    };
    static Features features(const CompanionEntry &entry, const QString &pytorchRoot, const QString &companionRoot,
        const QString &gitProgram = QStringLiteral("git"));

    static Queued enqueue(BuildQueue &queue, const CompanionEntry &entry, const QString &pytorchRoot, const QString &companionRoot,
        BuildBackend backend, const Features &features = {});
};

} // namespace vs
