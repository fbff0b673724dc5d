#include "builds/BuildWorktrees.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>

namespace vs {

namespace {
constexpr int kGitTimeoutMs = 300000;
} // namespace

BuildWorktrees::BuildWorktrees(QString worktreeRoot, QString gitProgram)
    : m_root(std::move(worktreeRoot))
    , m_git(std::move(gitProgram))
{
}

Git BuildWorktrees::gitIn(const QString &directory) const
{
    Git git(directory, m_git);
    // git worktree add checks out a whole tree: minutes on a large repository.
    git.setTimeout(kGitTimeoutMs);
    return git;
}

QString BuildWorktrees::repoHash(const QString &repoRoot)
{
    const QString canonical = QFileInfo(repoRoot).canonicalFilePath();
    const QByteArray key = (canonical.isEmpty() ? repoRoot : canonical).toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex().left(16));
}

QString BuildWorktrees::worktreePath(const QString &repoRoot, const QString &branch) const
{
    // '/' in a branch name would nest one worktree inside another worktree's folder.
    QString name = branch;
    name.replace(QLatin1Char('/'), QStringLiteral("%2F"));
    return QDir(m_root).filePath(repoHash(repoRoot) + QLatin1Char('/') + name);
}

BuildWorktrees::Place BuildWorktrees::prepare(const QString &repoRoot, const QString &branch) const
{
    Place place;
    const Git repo = gitIn(repoRoot);
    const Git::Head head = repo.head();
    if (head.result.error != ProcessError::None && head.result.error != ProcessError::ExitedNonZero) {
        // Without git the branch is unknown: a run recorded without one would be lost to its cell.
        place.error = head.result.message;
        return place;
    }
    const QString current = head.branch;
    place.branch = branch.isEmpty() ? current : branch;
    if (branch.isEmpty() || branch == current) {
        place.directory = repoRoot;
        // Empty in a repository without commits: it can still build from its working tree.
        place.commit = repo.revParse(QStringLiteral("HEAD"));
        return place;
    }

    place.commit = repo.revParse(branch + QStringLiteral("^{commit}"));
    if (place.commit.isEmpty()) {
        place.error = QStringLiteral("branch \"%1\" does not exist in %2").arg(branch, repoRoot);
        return place;
    }
    const QString dir = worktreePath(repoRoot, branch);
    place.directory = dir;
    place.isWorktree = true;

    const Git worktree = gitIn(dir);
    const bool usable = QFileInfo::exists(QDir(dir).filePath(QStringLiteral(".git")))
        && QFileInfo(worktree.topLevel()).canonicalFilePath() == QFileInfo(dir).canonicalFilePath();
    if (usable) {
        const GitResult checkout = worktree.run(
            { QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("--detach"), place.commit }, Git::Access::Write);
        if (!checkout.ok())
            place.error = QStringLiteral("git checkout --detach %1 in %2 failed: %3").arg(place.commit, dir, checkout.errorText());
        return place;
    }

    // A folder left over from a removed worktree: forget it and start over. It lies
    // in our own cache folder, never in the user's files.
    repo.run({ QStringLiteral("worktree"), QStringLiteral("prune") }, Git::Access::Write);
    if (QFileInfo::exists(dir))
        QDir(dir).removeRecursively();
    QDir().mkpath(QFileInfo(dir).absolutePath());
    const GitResult added = repo.run(
        { QStringLiteral("worktree"), QStringLiteral("add"), QStringLiteral("-q"), QStringLiteral("--detach"), dir, place.commit },
        Git::Access::Write);
    if (!added.ok())
        place.error = QStringLiteral("git worktree add --detach %1 %2 failed: %3").arg(dir, place.commit, added.errorText());
    return place;
}

} // namespace vs
