#include "ScanAdapter.h"

namespace vs {

namespace {
bool counts(const LintProblem &p)
{
    return p.severity != LintProblem::Severity::Info;
}
} // namespace

QList<BranchSummary> ScanAdapter::branchSummaries(const RepositoryScan &scan)
{
    QHash<QString, int> problems;
    for (const LintProblem &p : scan.problems)
        if (counts(p))
            ++problems[p.branch];
    QList<BranchSummary> out;
    for (const BranchScan &b : scan.branches) {
        BranchSummary s;
        s.name = b.name;
        s.current = b.current;
        s.remote = b.remote;
        s.problems = problems.value(b.name);
        for (const RecipeFile &r : b.recipes)
            s.recipes += r.state == RecipeFile::State::Deleted ? 0 : 1;
        out.append(s);
    }
    return out;
}

QList<MatrixRecipe> ScanAdapter::matrixRecipes(const RepositoryScan &scan, const QString &branch)
{
    QList<MatrixRecipe> out;
    const BranchScan *b = scan.branch(branch);
    if (!b)
        return out;
    QHash<QString, QList<const LintProblem *>> byFile;
    for (const LintProblem &p : scan.problems)
        if (p.branch == branch)
            byFile[p.file].append(&p);
    for (const RecipeFile &f : b->recipes) {
        if (!f.variant)
            continue;
        MatrixRecipe r;
        r.variant = *f.variant;
        r.path = f.path;
        r.pname = f.meta.pname;
        r.gpuArch = f.meta.gpuArch;
        r.cpuFlags = f.meta.cpuFlags;
        r.nixpkgsRev = f.meta.nixpkgsRev;
        r.text = f.text;
        r.changedInWorkingTree = f.state != RecipeFile::State::Committed;
        if (r.changedInWorkingTree)
            r.workingTreeState = RecipeFile::stateName(f.state);
        for (const LintProblem *p : byFile.value(f.path)) {
            const QString where = p->line > 0 ? QStringLiteral("line %1: ").arg(p->line) : QString();
            (counts(*p) ? r.problems : r.notes).append(where + p->message);
        }
        out.append(r);
    }
    return out;
}

QString ScanAdapter::initialBranch(const RepositoryScan &scan)
{
    if (!scan.currentBranch.isEmpty() && scan.branch(scan.currentBranch))
        return scan.currentBranch;
    return scan.branches.isEmpty() ? QString() : scan.branches.first().name;
}

} // namespace vs
