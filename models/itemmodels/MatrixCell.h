#pragma once

#include "catalog/Catalog.h"
#include "hardware/MachineFit.h"
#include "itemmodels/CellStatus.h"
#include "variants/VariantName.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace vs {

// One recipe of the shown branch, as far as the matrix needs it. Filled from a
// repository scan by the app (see app/ScanToMatrix), or by tests directly.
struct MatrixRecipe {
    VariantName variant;
    QString path; // ".flox/pkgs/pytorch-….nix"
    QString pname;
    QString gpuArch; // normalised: "sm90", "mps"
    QStringList cpuFlags;
    QString nixpkgsRev; // the recipe's own pin (drift compares against a template with it)
    QString text; // the recipe as committed on that branch (or the working tree's, when checked out)
    bool changedInWorkingTree = false;
    QString workingTreeState; // "new", "modified", "deleted" (for the tooltip)
    QStringList problems; // warnings and errors: "line 12: message"
    QStringList notes; // informational lint
};

// One cell of the matrix: its variant, its recipes, its status and why.
struct MatrixCell {
    VariantName variant;
    CellStatus status = CellStatus::NotDefined;
    QString reason; // why incompatible, or the problems, one per line
    QList<int> recipes; // indexes into the branch's recipes
    bool runsHere = false;
    bool recommended = false;

    // The status rule: no recipe is "not defined" or "incompatible" (catalogue);
    // a recipe with problems (several files, incompatible, non-canonical name, lint)
    // is "problem", one changed in the working tree "new", else "defined"; a companion
    // recipe (TorchVision, TorchAudio) whose PyTorch recipe is missing is "needs PyTorch"
    // unless it has problems; a build's state, when there is one, wins.
    static MatrixCell derive(const Catalog &catalog, const VariantName &variant, const QList<MatrixRecipe> &branchRecipes,
        const QList<int> &recipes, const MachineFit &machine, std::optional<CellStatus> buildState = std::nullopt,
        bool partnerMissing = false);
};

} // namespace vs
