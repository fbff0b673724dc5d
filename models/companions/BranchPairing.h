#pragma once

#include "catalog/Catalog.h"
#include "recipes/RecipeFile.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace vs {

// What a branch's recipes and name say about the PyTorch it builds with.
struct BranchTraits {
    QString branch;
    QString releaseLine; // "2.9" from "pytorch-2.9-python313" / "torch-2.9"; empty when the name has none
    QStringList pythons; // "313", … of its recipes (sorted)
    QString pin; // the branch's most common nixpkgs revision

    static BranchTraits of(const BranchScan &branch);
};

// One companion branch and the PyTorch branch whose recipes it builds against.
struct BranchPair {
    QString companionBranch;
    QString pytorchBranch; // empty: no partner
    QString reason; // why this partner (or why none), in words for the maintainer
    bool stated = false; // named in the repository's .flox/variant-studio.yaml
};

// Pairs every companion branch with a PyTorch branch by what the recipes say:
// a branch fits when its Python versions overlap and no release line (from the
// branch names) contradicts; among fits the same release line counts most,
// then the same nixpkgs pin, then the same set of Pythons; when several fit
// equally the branch of the same name wins. `stated` pairs (the companion
// repository's `pairing:`) come first and are kept even when the traits disagree.
class BranchPairing {
public:
    static QList<BranchPair> pair(
        const QList<BranchScan> &pytorch, const QList<BranchScan> &companion, const QList<StatedPair> &stated = {});
    static const BranchPair *find(const QList<BranchPair> &pairs, const QString &companionBranch);
    // Where a stated pair is written ("file:line"), so the maintainer finds it to correct.
    static QString statedAt(const StatedPair &stated);
};

} // namespace vs
