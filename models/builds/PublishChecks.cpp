#include "builds/PublishChecks.h"
#include "builds/BuildHistory.h"
#include "repository/Git.h"
#include "variants/RecipePaths.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace vs {

namespace {
// The answer's text, or empty when git failed: each check reads an empty answer as "not met".
QString answer(const Git &git, const QStringList &args)
{
    const GitResult r = git.run(args);
    return r.ok() ? r.outText().trimmed() : QString();
}
} // namespace

bool PublishChecks::isValidOrg(const QString &org)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_-]+$"));
    return re.match(org).hasMatch();
}

bool PublishChecks::allMet(const QList<PublishCheck> &checks)
{
    for (const PublishCheck &c : checks)
        if (!c.met)
            return false;
    return !checks.isEmpty();
}

QList<PublishCheck> PublishChecks::evaluate(
    const QString &repoRoot, const QString &branch, const QString &variant, const BuildHistory *history, const QString &gitProgram)
{
    return evaluate(repoRoot, branch, variant, history ? history->cells() : Cells(), gitProgram);
}

QList<PublishCheck> PublishChecks::evaluate(
    const QString &repoRoot, const QString &branchIn, const QString &variant, const Cells &cells, const QString &gitProgram)
{
    QList<PublishCheck> checks;
    const Git git(repoRoot, gitProgram);
    const QString current = git.currentBranch();
    const QString branch = branchIn.isEmpty() ? current : branchIn;
    const bool checkedOut = branch == current;
    const QStringList shapes = RecipePaths::candidates(variant); // x.nix or x/default.nix
    QString recipe = shapes.constFirst();

    // 1. The recipe is in git (on that branch).
    const bool isRepo = git.isRepository();
    if (!isRepo) {
        checks.append({ QStringLiteral("tracked"), false, QStringLiteral("%1 is not a git repository").arg(repoRoot) });
    } else {
        const QString listed
            = answer(git, QStringList { QStringLiteral("ls-tree"), QStringLiteral("--name-only"), branch, QStringLiteral("--") } + shapes);
        if (!listed.isEmpty())
            recipe = listed.section(QLatin1Char('\n'), 0, 0);
        checks.append({ QStringLiteral("tracked"), !listed.isEmpty(),
            !listed.isEmpty() ? QStringLiteral("%1 is committed on %2").arg(recipe, branch)
                              : QStringLiteral("%1 is not committed on %2: add and commit it").arg(recipe, branch) });
    }

    // 2. Tracked files are clean (flox publishes a commit, not a working tree).
    if (!checkedOut) {
        checks.append({ QStringLiteral("clean"), isRepo,
            QStringLiteral("%1 is not checked out: it is published from the app's clean worktree").arg(branch) });
    } else {
        const GitResult status
            = git.run({ QStringLiteral("status"), QStringLiteral("--porcelain"), QStringLiteral("--untracked-files=no") });
        const bool ok = status.ok();
        const QString dirty = status.outText().trimmed();
        const int count = dirty.isEmpty() ? 0 : int(dirty.count(QLatin1Char('\n')) + 1);
        checks.append({ QStringLiteral("clean"), ok && dirty.isEmpty(),
            ok && dirty.isEmpty() ? QStringLiteral("no uncommitted changes to tracked files")
                                  : QStringLiteral("%1 tracked file(s) have uncommitted changes: commit or stash them").arg(count) });
    }

    // 3. A remote exists.
    const QString remotes = answer(git, { QStringLiteral("remote") });
    checks.append({ QStringLiteral("remote"), !remotes.isEmpty(),
        remotes.isEmpty() ? QStringLiteral("no git remote is defined: add one with git remote add")
                          : QStringLiteral("remote: %1").arg(remotes.split(QLatin1Char('\n')).join(QStringLiteral(", "))) });

    // 4. The branch's commit is on its upstream.
    const QString upstream
        = answer(git, { QStringLiteral("rev-parse"), QStringLiteral("--abbrev-ref"), branch + QStringLiteral("@{upstream}") });
    if (upstream.isEmpty()) {
        checks.append({ QStringLiteral("pushed"), false,
            QStringLiteral("%1 has no upstream branch: push it with git push -u <remote> %1").arg(branch) });
    } else {
        const int n
            = answer(git, { QStringLiteral("rev-list"), QStringLiteral("--count"), upstream + QStringLiteral("..") + branch }).toInt();
        checks.append({ QStringLiteral("pushed"), n == 0,
            n == 0 ? QStringLiteral("%1 is pushed to %2").arg(branch, upstream)
                   : QStringLiteral("%1 commit(s) of %2 are not pushed to %3: git push").arg(n).arg(branch, upstream) });
    }

    // 5. The cell has a build result.
    const CellHistory cell = cells.value({ branch, variant });
    const bool built = cell.lastBuild.outcome == BuildState::Succeeded;
    const bool resultThere = built && (cell.lastBuild.storePath.isEmpty() || QFileInfo::exists(cell.lastBuild.storePath));
    QString builtMessage;
    if (!built)
        builtMessage = QStringLiteral("%1 on %2 has no successful build yet: build it first").arg(variant, branch);
    else if (!resultThere)
        builtMessage
            = QStringLiteral("the build result %1 no longer exists (garbage-collected?): build again").arg(cell.lastBuild.storePath);
    else
        builtMessage = QStringLiteral("built %1").arg(cell.lastBuild.started.toString(Qt::ISODate));
    checks.append({ QStringLiteral("built"), resultThere, builtMessage });
    return checks;
}

} // namespace vs
