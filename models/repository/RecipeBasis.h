#pragma once

#include "catalog/Catalog.h"
#include "repository/RepositoryScan.h"

#include <QString>

namespace vs {

// What recipes for a branch are generated with: the branch's catalogue profile and
// the nixpkgs revision most of its scanned recipes pin (empty: the generator takes
// the profile's).
struct RecipeBasis {
    BranchProfile profile;
    QString nixpkgsRev;

    // For an existing recipe: its own pin, so a comparison shows only what really differs.
    QString nixpkgsRevFor(const QString &recipeRev) const { return recipeRev.isEmpty() ? nixpkgsRev : recipeRev; }

    static RecipeBasis forBranch(const Catalog &catalog, const RepositoryScan &scan, const QString &branch);
};

} // namespace vs
