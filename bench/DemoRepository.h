#pragma once

#include <QString>
#include <QStringList>

namespace vs::bench {

// Builds a realistic build repository with the real git: release-line branches
// holding generated recipes (RecipeGenerator) plus the defects real repositories
// have (a pname with a glued version, an armv8.2 file name, sm110 asked of CUDA 12.8).
// Used by the start-up benchmark and the screenshot tool.
struct DemoRepository {
    QString root;
    QStringList branches;
    int recipes = 0; // over all branches
    QString error;
    bool ok() const { return error.isEmpty(); }

    // branchCount release lines of up to recipesPerBranch recipes each, "main" checked out.
    static DemoRepository create(const QString &root, int branchCount, int recipesPerBranch);
};

} // namespace vs::bench
