#include "repository/EditChecks.h"

#include "recipes/Lint.h"

#include <QSet>

namespace vs {

namespace {

QList<LintProblem> onlyNew(const QList<LintProblem> &before, const QList<LintProblem> &after, bool byRule)
{
    // Deep messages name what nix evaluated (flags, a syntax error's line): a
    // recipe that was already wrong and is wrong differently is not a new error.
    auto key = [byRule](const LintProblem &p) {
        return p.branch + QLatin1Char('\n') + p.file + QLatin1Char('\n') + p.rule + (byRule ? QString() : QLatin1Char('\n') + p.message);
    };
    QSet<QString> old;
    for (const LintProblem &p : before)
        old.insert(key(p));
    QList<LintProblem> added;
    for (const LintProblem &p : after)
        if (p.severity == LintProblem::Severity::Error && !old.contains(key(p)))
            added << p;
    return added;
}

} // namespace

QList<BranchScan> EditChecks::branchesAfter(const RepositoryScan &scan, const EditPreview &preview)
{
    QList<BranchScan> branches;
    for (const QString &name : preview.branchesChanged()) {
        BranchScan after = *scan.branch(name);
        for (const RecipeChange &c : preview.files) {
            if (c.branch != name || c.outcome != RecipeChange::Outcome::Changed)
                continue;
            for (RecipeFile &r : after.recipes)
                if (r.path == c.path) {
                    const RecipeFile::State state = r.state;
                    r = RecipeFile::fromText(r.path, c.after);
                    r.state = state;
                }
        }
        branches << after;
    }
    return branches;
}

QList<LintProblem> EditChecks::newLintErrors(const RepositoryScan &scan, const EditPreview &preview)
{
    QList<LintProblem> added;
    for (const BranchScan &after : branchesAfter(scan, preview))
        added += onlyNew(Lint::check(scan.catalog, *scan.branch(after.name)), Lint::check(scan.catalog, after), false);
    return added;
}

QList<LintProblem> EditChecks::newDeepErrors(const RepositoryScan &scan, const EditPreview &preview, const DeepCheckOptions &options)
{
    QSet<QString> changed;
    for (const RecipeChange &c : preview.files)
        if (c.outcome == RecipeChange::Outcome::Changed)
            changed.insert(c.branch + QLatin1Char('\n') + c.path);
    QList<BranchScan> before, after = branchesAfter(scan, preview);
    for (BranchScan &b : after) {
        before << *scan.branch(b.name);
        // Evaluated from the texts, never from the working tree: "after" is not on disk.
        b.current = false;
        before.last().current = false;
    }
    auto only = [&changed](const BranchScan &b, const RecipeFile &r) { return changed.contains(b.name + QLatin1Char('\n') + r.path); };
    return onlyNew(DeepCheck::checkRepository(scan.root, scan.catalog, before, options, only),
        DeepCheck::checkRepository(scan.root, scan.catalog, after, options, only), true);
}

} // namespace vs
