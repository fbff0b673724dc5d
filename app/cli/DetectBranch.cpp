#include "cli/DetectBranch.h"

#include "hardware/Recommendation.h"
#include "repository/RepositoryScanner.h"
#include "variants/SliceChoices.h"

#include <QJsonArray>

#include <algorithm>

namespace vs::cli {

BranchDetection BranchDetection::of(const Catalog &catalog, const HostProfile &profile, const QString &repo, const QString &branch)
{
    BranchDetection d;
    ScanOptions options;
    options.lint = false;
    options.catalog = catalog;
    if (!branch.isEmpty())
        options.branches = { branch };
    const RepositoryScan scan = RepositoryScanner::scan(repo, options);
    if (!scan.error.isEmpty()) {
        d.error = scan.error;
        return d;
    }
    const BranchScan *found = nullptr;
    for (const BranchScan &b : scan.branches)
        if (branch.isEmpty() ? b.current : b.name == branch)
            found = &b;
    if (!found) {
        d.error = branch.isEmpty() ? QStringLiteral("%1: no branch is checked out; name one with --branch").arg(repo)
                                   : QStringLiteral("%1: no branch '%2'").arg(repo, branch);
        return d;
    }
    d.branch = found->name;
    QList<VariantName> variants;
    for (const RecipeFile &r : found->recipes)
        if (r.variant && r.state != RecipeFile::State::Deleted)
            variants.append(*r.variant);

    const SliceChoices choices(catalog, d.branch, variants);
    const Recommendation recommendation(catalog, profile);
    d.cudaReleases = choices.cudaReleases();
    d.cuda = recommendation.bestCuda(d.cudaReleases);
    d.suffix = recommendation.suffix(d.cuda);
    const MachineFit fit = recommendation.fit(d.cudaReleases);
    for (const VariantName &v : variants)
        d.runnableRecipes += fit.runs(v) ? 1 : 0;
    if (!d.suffix.isEmpty()) {
        const QString package = choices.packages().value(0);
        d.variant = QStringLiteral("%1-python%2-%3").arg(package, choices.pythons(package).value(0), d.suffix);
        d.variantExists = std::any_of(variants.cbegin(), variants.cend(), [&](const VariantName &v) { return v.toString() == d.variant; });
    }
    d.warnings = recommendation.warnings(BranchOffer { d.branch, d.cudaReleases, d.runnableRecipes });
    return d;
}

QJsonObject BranchDetection::toJson() const
{
    auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s); };
    return QJsonObject { { QStringLiteral("branch"), branch }, { QStringLiteral("cudaReleases"), QJsonArray::fromStringList(cudaReleases) },
        { QStringLiteral("cuda"), orNull(cuda) }, { QStringLiteral("suffix"), orNull(suffix) },
        { QStringLiteral("variant"), orNull(variant) }, { QStringLiteral("variantExists"), variantExists },
        { QStringLiteral("runnableRecipes"), runnableRecipes }, { QStringLiteral("warnings"), QJsonArray::fromStringList(warnings) } };
}

} // namespace vs::cli
