#include "companions/CompanionMatch.h"

#include <QMap>

namespace vs {

namespace {

// Readable, not deleted recipes of a branch by canonical variant name.
QMap<QString, const RecipeFile *> byVariant(const BranchScan *branch, bool pytorch)
{
    QMap<QString, const RecipeFile *> map;
    if (!branch)
        return map;
    for (const RecipeFile &r : branch->recipes) {
        if (!r.variant || r.state == RecipeFile::State::Deleted)
            continue;
        if ((r.variant->package == CompanionMatch::pytorchPackage()) != pytorch)
            continue;
        map.insert(r.variant->toString(), &r); // canonical: "armv8.2" and "armv8_2" meet
    }
    return map;
}

} // namespace

PartnerStatus CompanionMatch::statusOf(const CellHistory &cell)
{
    switch (cell.outcome) {
    case CellOutcome::Published:
        return PartnerStatus::Published;
    case CellOutcome::Built:
        return PartnerStatus::Built;
    default:
        return PartnerStatus::Defined;
    }
}

QString toString(PartnerStatus status)
{
    switch (status) {
    case PartnerStatus::Missing:
        return QStringLiteral("missing");
    case PartnerStatus::Defined:
        return QStringLiteral("defined");
    case PartnerStatus::Built:
        return QStringLiteral("built");
    case PartnerStatus::Published:
        return QStringLiteral("published");
    }
    return {};
}

qsizetype CompanionReport::withoutPartnerRecipe() const
{
    return std::count_if(entries.begin(), entries.end(), [](const CompanionEntry &e) { return e.pytorchRecipe.isEmpty(); });
}

const QString &CompanionMatch::pytorchPackage()
{
    static const QString name = QStringLiteral("pytorch");
    return name;
}

QString CompanionMatch::partnerVariant(const VariantName &companion)
{
    VariantName partner = companion;
    partner.package = pytorchPackage();
    partner.gluedVersion.clear();
    partner.nonCanonical.clear();
    return partner.toString();
}

CompanionReport CompanionMatch::match(const RepositoryScan &pytorch, const RepositoryScan &companion,
    const QHash<QPair<QString, QString>, CellHistory> &pytorchHistory, const QStringList &branches)
{
    CompanionReport report;
    QList<BranchScan> wanted;
    for (const BranchScan &b : companion.branches)
        if (branches.isEmpty() || branches.contains(b.name))
            wanted << b;
    report.pairs = BranchPairing::pair(pytorch.branches, wanted, companion.catalog.pairing);
    for (const BranchPair &pair : std::as_const(report.pairs)) {
        const BranchScan *ours = companion.branch(pair.companionBranch);
        const BranchScan *theirs = pair.pytorchBranch.isEmpty() ? nullptr : pytorch.branch(pair.pytorchBranch);
        const QMap<QString, const RecipeFile *> companions = byVariant(ours, false);
        const QMap<QString, const RecipeFile *> pytorchRecipes = byVariant(theirs, true);
        QMap<QString, CompanionGap> gaps; // per companion package
        for (auto it = companions.begin(); it != companions.end(); ++it) {
            const RecipeFile *r = it.value();
            CompanionEntry e;
            e.branch = pair.companionBranch;
            e.file = r->path;
            e.variant = it.key();
            e.pytorchBranch = pair.pytorchBranch;
            e.pytorchVariant = partnerVariant(*r->variant);
            const RecipeFile *partner = pytorchRecipes.value(e.pytorchVariant);
            const CellHistory cell = pytorchHistory.value({ pair.pytorchBranch, e.pytorchVariant });
            e.lastBuild = toString(cell.outcome);
            if (partner) {
                e.pytorchRecipe = partner->path;
                e.status = CompanionMatch::statusOf(cell);
            }
            CompanionGap &gap = gaps[r->variant->package];
            gap.package = r->variant->package;
            if (!partner && theirs)
                gap.withoutPytorch << e.variant;
            report.entries << e;
        }
        for (auto git = gaps.begin(); git != gaps.end(); ++git) {
            CompanionGap &gap = git.value();
            gap.companionBranch = pair.companionBranch;
            gap.pytorchBranch = pair.pytorchBranch;
            for (auto pit = pytorchRecipes.begin(); pit != pytorchRecipes.end(); ++pit) {
                VariantName wantedCompanion = *pit.value()->variant;
                wantedCompanion.package = gap.package;
                if (!companions.contains(wantedCompanion.toString()))
                    gap.withoutCompanion << wantedCompanion.toString();
            }
            if (!gap.withoutPytorch.isEmpty() || !gap.withoutCompanion.isEmpty())
                report.gaps << gap;
        }
    }
    // A statement about a branch this repository does not have (renamed, deleted) is
    // listed with why, not dropped without a word.
    for (const StatedPair &stated : companion.catalog.pairing) {
        if (companion.branch(stated.companionBranch) || (!branches.isEmpty() && !branches.contains(stated.companionBranch)))
            continue;
        BranchPair p;
        p.companionBranch = stated.companionBranch;
        p.stated = true;
        p.reason = QStringLiteral("%1 pairs '%2', a branch this repository does not have")
                       .arg(BranchPairing::statedAt(stated), stated.companionBranch);
        report.pairs << p;
    }
    return report;
}

} // namespace vs
