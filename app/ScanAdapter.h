#pragma once

#include "itemmodels/BranchListModel.h"
#include "itemmodels/MatrixModel.h"
#include "repository/RepositoryScan.h"

namespace vs {

// Turns a repository scan into what the window's models show.
class ScanAdapter {
public:
    static QList<BranchSummary> branchSummaries(const RepositoryScan &scan);
    // The recipes of one branch with their lint findings (files whose names are
    // no variant are left out: they appear in the problem count instead).
    static QList<MatrixRecipe> matrixRecipes(const RepositoryScan &scan, const QString &branch);
    // The branch to show first: the checked-out one, else the first.
    static QString initialBranch(const RepositoryScan &scan);
};

} // namespace vs
