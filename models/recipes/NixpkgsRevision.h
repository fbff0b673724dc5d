#pragma once

#include "catalog/Catalog.h"

#include <QString>

namespace vs {

// Which nixpkgs revision a new recipe for a repository's branch pins.
// The single place to decide it: today the branch profile's revision; meant to
// become the revision most recipes of that branch already pin (from a
// repository scan), falling back to the profile's.
class NixpkgsRevision {
public:
    static QString forBranch(const QString &repoRoot, const QString &branch, const BranchProfile &profile);
};

} // namespace vs
