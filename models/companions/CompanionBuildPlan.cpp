#include "companions/CompanionBuildPlan.h"

namespace vs {

CompanionBuildPlan::Queued CompanionBuildPlan::enqueue(
    BuildQueue &queue, const CompanionEntry &entry, const QString &pytorchRoot, const QString &companionRoot, BuildBackend backend)
{
    Queued queued;
    if (entry.pytorchRecipe.isEmpty()) {
        queued.error = QStringLiteral("%1 needs PyTorch: there is no recipe %2 on %3")
                           .arg(entry.variant, entry.pytorchVariant,
                               entry.pytorchBranch.isEmpty() ? QStringLiteral("a paired branch") : entry.pytorchBranch);
        return queued;
    }
    BuildJob companion;
    companion.repoRoot = companionRoot;
    companion.branch = entry.branch;
    companion.variant = entry.variant;
    companion.backend = backend;
    const bool built = entry.status == PartnerStatus::Built || entry.status == PartnerStatus::Published;
    if (!built) {
        // A PyTorch build of that cell already waiting or running is waited for, not repeated.
        for (const BuildJob &j : queue.jobs())
            if (j.repoRoot == pytorchRoot && j.branch == entry.pytorchBranch && j.variant == entry.pytorchVariant
                && j.kind == BuildKind::Build)
                companion.dependsOn = j.id;
        if (companion.dependsOn == 0) {
            BuildJob pytorch;
            pytorch.repoRoot = pytorchRoot;
            pytorch.branch = entry.pytorchBranch;
            pytorch.variant = entry.pytorchVariant;
            pytorch.backend = backend;
            queued.pytorchJob = queue.enqueue(pytorch);
            companion.dependsOn = queued.pytorchJob;
        }
    }
    queued.companionJob = queue.enqueue(companion);
    return queued;
}

} // namespace vs
