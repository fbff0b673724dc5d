#include "repository/RecipeBasis.h"

namespace vs {

RecipeBasis RecipeBasis::forBranch(const Catalog &catalog, const RepositoryScan &scan, const QString &branch)
{
    const BranchScan *scanned = scan.branch(branch);
    return { catalog.profileForBranch(branch), scanned ? scanned->mostCommonNixpkgsRev : QString() };
}

} // namespace vs
