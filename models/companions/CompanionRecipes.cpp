#include "companions/CompanionRecipes.h"

#include "companions/BranchPairing.h"
#include "companions/CompanionGenerator.h"
#include "recipes/RecipeGenerator.h"
#include "repository/RecipeBasis.h"

#include <QDir>
#include <QSet>

namespace vs {

namespace {

// The readable recipe of a variant on a branch (canonical names: "armv8.2" finds "armv8_2").
const RecipeFile *recipeOf(const BranchScan *branch, const QString &variant)
{
    if (!branch)
        return nullptr;
    for (const RecipeFile &r : branch->recipes)
        if (r.variant && r.state != RecipeFile::State::Deleted && r.variant->toString() == variant)
            return &r;
    return nullptr;
}

QString nameOf(const RepositoryScan &scan)
{
    return QDir(scan.root).dirName();
}

} // namespace

QStringList CompanionRecipes::packagesOf(const RepositoryScan &companion)
{
    QSet<QString> packages;
    for (const BranchScan &b : companion.branches)
        for (const RecipeFile &r : b.recipes)
            if (r.variant && r.variant->package != CompanionMatch::pytorchPackage())
                packages.insert(r.variant->package);
    QStringList sorted(packages.begin(), packages.end());
    sorted.sort();
    return sorted;
}

RecipePlan CompanionRecipes::companionsFor(const RepositoryScan &pytorch, const QString &pytorchBranch,
    const QList<VariantName> &pytorchVariants, const QList<RepositoryScan> &companions)
{
    RecipePlan plan;
    const BranchScan *source = pytorch.branch(pytorchBranch);
    for (const RepositoryScan &companion : companions) {
        const QString name = nameOf(companion);
        const QStringList packages = packagesOf(companion);
        if (packages.isEmpty()) {
            plan.refused
                << QStringLiteral("%1: has no TorchVision or TorchAudio recipe yet, so which package it builds is unknown").arg(name);
            continue;
        }
        QStringList paired;
        for (const BranchPair &p : BranchPairing::pair(pytorch.branches, companion.branches, companion.catalog.pairing))
            if (p.pytorchBranch == pytorchBranch)
                paired << p.companionBranch;
        if (paired.isEmpty()) {
            plan.refused << QStringLiteral("%1: none of its branches is paired with '%2'").arg(name, pytorchBranch);
            continue;
        }
        // Recipes go into the working tree, which holds one branch: as Generate does for PyTorch recipes.
        if (!paired.contains(companion.currentBranch)) {
            plan.refused << QStringLiteral("%1: its branch '%2' (paired with '%3') is not checked out; check it out first (git switch %2)")
                                .arg(name, paired.first(), pytorchBranch);
            continue;
        }
        for (const VariantName &v : pytorchVariants) {
            const RecipeFile *partner = recipeOf(source, v.toString());
            if (!partner) {
                plan.refused << QStringLiteral("%1 has no recipe on '%2': generate it first").arg(v.toString(), pytorchBranch);
                continue;
            }
            for (const QString &package : packages) {
                VariantName companionVariant = v;
                companionVariant.package = package;
                QString error;
                const QString text = CompanionGenerator::text(companion.catalog, *partner, companionVariant, &error);
                if (text.isEmpty())
                    plan.refused << QStringLiteral("%1: %2").arg(companionVariant.toString(), error);
                else
                    plan.recipes << PlannedRecipe { companion.root, companion.currentBranch, companionVariant, text };
            }
        }
    }
    return plan;
}

RecipePlan CompanionRecipes::pytorchFor(
    const RepositoryScan &pytorch, const RepositoryScan &companion, const QList<CompanionEntry> &entries)
{
    RecipePlan plan;
    QSet<QString> planned; // torchvision and torchaudio may need the same PyTorch
    const RecipeGenerator generator(pytorch.catalog);
    for (const CompanionEntry &e : entries) {
        const auto refuse = [&](const QString &why) { plan.refused << QStringLiteral("%1: %2").arg(e.variant, why); };
        if (e.pytorchBranch.isEmpty()) {
            refuse(QStringLiteral("its branch '%1' has no PyTorch branch to pair with").arg(e.branch));
            continue;
        }
        if (!e.pytorchRecipe.isEmpty()) {
            refuse(QStringLiteral("already has its PyTorch recipe %1 on '%2'").arg(e.pytorchRecipe, e.pytorchBranch));
            continue;
        }
        if (e.pytorchBranch != pytorch.currentBranch) {
            refuse(QStringLiteral("its PyTorch branch '%1' is not checked out in %2; check it out first (git switch %1)")
                       .arg(e.pytorchBranch, nameOf(pytorch)));
            continue;
        }
        const BranchScan *branch = companion.branch(e.branch);
        const RecipeFile *recipe = branch ? branch->recipe(e.file) : nullptr;
        if (!recipe || recipe->meta.nixpkgsRev.isEmpty()) {
            refuse(QStringLiteral("pins no nixpkgs (it uses its caller's), so no PyTorch recipe can share its build"));
            continue;
        }
        const std::optional<VariantName> variant = VariantName::parse(e.pytorchVariant);
        if (!variant || planned.contains(e.pytorchVariant))
            continue;
        const RecipeBasis basis = RecipeBasis::forBranch(pytorch.catalog, pytorch, e.pytorchBranch);
        const RecipeGenerator::Result generated = generator.generate(*variant, basis.profile, recipe->meta.nixpkgsRev);
        if (!generated.ok()) {
            refuse(generated.error);
            continue;
        }
        planned.insert(e.pytorchVariant);
        plan.recipes << PlannedRecipe { pytorch.root, e.pytorchBranch, *variant, generated.text };
    }
    return plan;
}

} // namespace vs
