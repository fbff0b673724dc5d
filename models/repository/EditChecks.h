#pragma once

#include "recipes/DeepCheck.h"
#include "repository/BranchEdit.h"

namespace vs {

// The checks an edit runs on the branches it changes, before and after: only
// errors the change brings count (an error the recipe already had is not new).
class EditChecks {
public:
    // Lint errors of the changed branches after the change that were not there before.
    static QList<LintProblem> newLintErrors(const RepositoryScan &scan, const EditPreview &preview);
    // The deep check (real nix-instantiate against the stand-in) of the changed
    // recipes only, as they were and as they would be; the other recipes of their
    // branches are written next to them, so `import ./sibling.nix` still works.
    // Blocking: seconds per hundred recipes.
    static QList<LintProblem> newDeepErrors(const RepositoryScan &scan, const EditPreview &preview, const DeepCheckOptions &options = {});
    // The changed branches as they would be after the change (texts replaced, metadata re-read).
    static QList<BranchScan> branchesAfter(const RepositoryScan &scan, const EditPreview &preview);
};

} // namespace vs
