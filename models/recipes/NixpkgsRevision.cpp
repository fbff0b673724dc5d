#include "recipes/NixpkgsRevision.h"

namespace vs {

QString NixpkgsRevision::forBranch(const QString &repoRoot, const QString &branch, const BranchProfile &profile)
{
    Q_UNUSED(repoRoot)
    Q_UNUSED(branch)
    return profile.nixpkgsRev;
}

} // namespace vs
