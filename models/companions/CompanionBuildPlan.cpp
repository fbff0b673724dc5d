#include "companions/CompanionBuildPlan.h"

#include "builds/RecipeFeatures.h"

namespace vs {

namespace {
// The two jobs of a companion cell (its PyTorch's and its own), as features() reads
// them and enqueue() queues them.
BuildJob job(const QString &root, const QString &branch, const QString &variant)
{
    BuildJob job;
    job.repoRoot = root;
    job.branch = branch;
    job.variant = variant;
    return job;
}

BuildJob pytorchJob(const CompanionEntry &entry, const QString &root)
{
    return job(root, entry.pytorchBranch, entry.pytorchVariant);
}

BuildJob companionJob(const CompanionEntry &entry, const QString &root)
{
    return job(root, entry.branch, entry.variant);
}
} // namespace

CompanionBuildPlan::Features CompanionBuildPlan::features(
    const CompanionEntry &entry, const QString &pytorchRoot, const QString &companionRoot, const QString &gitProgram)
{
    QList<BuildJob> jobs { companionJob(entry, companionRoot) };
    if (!entry.pytorchRecipe.isEmpty())
        jobs << pytorchJob(entry, pytorchRoot);
    RecipeFeatures::fill(jobs, gitProgram);
    return { jobs.size() > 1 ? jobs[1].requiredFeatures : QStringList(), jobs[0].requiredFeatures };
}

CompanionBuildPlan::Queued CompanionBuildPlan::enqueue(BuildQueue &queue, const CompanionEntry &entry, const QString &pytorchRoot,
    const QString &companionRoot, BuildBackend backend, const Features &features)
{
    Queued queued;
    if (entry.pytorchRecipe.isEmpty()) {
        queued.error = QStringLiteral("%1 needs PyTorch: there is no recipe %2 on %3")
                           .arg(entry.variant, entry.pytorchVariant,
                               entry.pytorchBranch.isEmpty() ? QStringLiteral("a paired branch") : entry.pytorchBranch);
        return queued;
    }
    BuildJob companion = companionJob(entry, companionRoot);
    companion.backend = backend;
    companion.requiredFeatures = features.companion;
    const bool built = entry.status == PartnerStatus::Built || entry.status == PartnerStatus::Published;
    if (!built) {
        // A PyTorch build of that cell already waiting or running is waited for, not repeated.
        for (const BuildJob &j : queue.jobs())
            if (j.repoRoot == pytorchRoot && j.branch == entry.pytorchBranch && j.variant == entry.pytorchVariant
                && j.kind == BuildKind::Build)
                companion.dependsOn = j.id;
        if (companion.dependsOn == 0) {
            BuildJob pytorch = pytorchJob(entry, pytorchRoot);
            pytorch.backend = backend;
            pytorch.requiredFeatures = features.pytorch;
            queued.pytorchJob = queue.enqueue(pytorch);
            companion.dependsOn = queued.pytorchJob;
        }
    }
    queued.companionJob = queue.enqueue(companion);
    return queued;
}

} // namespace vs
