#pragma once

#include "companions/CompanionMatch.h"
#include "repository/RepositoryScan.h"
#include "variants/VariantName.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace vs {

// One recipe to write into the working tree of a repository's checked-out branch.
struct PlannedRecipe {
    QString repository; // root
    QString branch;
    VariantName variant;
    QString text;
};

struct RecipePlan {
    QList<PlannedRecipe> recipes;
    QStringList refused; // one line each: what was not generated and why
};

// What "Generate Companion Recipes" and "Generate PyTorch Recipe" write, decided
// from scans only (no file is touched here): the recipes of one side that the
// other side's recipes need, made so that both share one PyTorch build.
class CompanionRecipes {
public:
    // For PyTorch variants of pytorchBranch: each companion repository's recipes of
    // its package(s) (those its recipes build) on the branch paired with
    // pytorchBranch, embedding the PyTorch recipe (CompanionGenerator). Only a
    // checked-out paired branch is written to; others are refused with the reason.
    static RecipePlan companionsFor(const RepositoryScan &pytorch, const QString &pytorchBranch, const QList<VariantName> &pytorchVariants,
        const QList<RepositoryScan> &companions);

    // For companion recipes without their PyTorch recipe: that recipe on the paired
    // branch of the PyTorch repository, from the catalogue's template with the
    // companion's nixpkgs pin (the same pin makes the same PyTorch).
    static RecipePlan pytorchFor(const RepositoryScan &pytorch, const RepositoryScan &companion, const QList<CompanionEntry> &entries);

    // The packages (torchvision, torchaudio) a companion repository's recipes build, in name order.
    static QStringList packagesOf(const RepositoryScan &companion);
};

} // namespace vs
