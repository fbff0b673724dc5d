#include "builds/BuildWorktrees.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QProcess>

namespace vs {

BuildWorktrees::BuildWorktrees(QString worktreeRoot, QString gitProgram)
    : m_root(std::move(worktreeRoot))
    , m_git(std::move(gitProgram))
{
}

int BuildWorktrees::git(const QString &gitProgram, const QString &dir, const QStringList &args, QString *out, QString *err)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(gitProgram, args);
    if (!p.waitForStarted(10000)) {
        if (err)
            *err = QStringLiteral("could not start %1: %2").arg(gitProgram, p.errorString());
        return -1;
    }
    p.closeWriteChannel();
    if (!p.waitForFinished(300000)) {
        p.kill();
        p.waitForFinished();
        if (err)
            *err = QStringLiteral("git %1 timed out").arg(args.join(QLatin1Char(' ')));
        return -1;
    }
    if (out)
        *out = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    if (err)
        *err = QString::fromUtf8(p.readAllStandardError()).trimmed();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
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
    QString current, err;
    if (git(m_git, repoRoot, { QStringLiteral("symbolic-ref"), QStringLiteral("--short"), QStringLiteral("-q"), QStringLiteral("HEAD") },
            &current, &err)
        < 0) {
        // Without git the branch is unknown: a run recorded without one would be lost to its cell.
        place.error = err.isEmpty() ? QStringLiteral("%1 did not answer in %2").arg(m_git, repoRoot) : err;
        return place;
    }
    place.branch = branch.isEmpty() ? current : branch;
    if (branch.isEmpty() || branch == current) {
        place.directory = repoRoot;
        if (git(m_git, repoRoot, { QStringLiteral("rev-parse"), QStringLiteral("HEAD") }, &place.commit, &err) != 0)
            place.commit.clear(); // a repository without commits can still build from its working tree
        return place;
    }

    if (git(m_git, repoRoot,
            { QStringLiteral("rev-parse"), QStringLiteral("--verify"), QStringLiteral("-q"), branch + QStringLiteral("^{commit}") },
            &place.commit, &err)
        != 0) {
        place.error = QStringLiteral("branch \"%1\" does not exist in %2").arg(branch, repoRoot);
        return place;
    }
    const QString dir = worktreePath(repoRoot, branch);
    place.directory = dir;
    place.isWorktree = true;

    QString top;
    const bool usable = QFileInfo::exists(QDir(dir).filePath(QStringLiteral(".git")))
        && git(m_git, dir, { QStringLiteral("rev-parse"), QStringLiteral("--show-toplevel") }, &top) == 0
        && QFileInfo(top).canonicalFilePath() == QFileInfo(dir).canonicalFilePath();
    if (usable) {
        if (git(m_git, dir, { QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("--detach"), place.commit }, nullptr, &err)
            != 0)
            place.error = QStringLiteral("git checkout --detach %1 in %2 failed: %3").arg(place.commit, dir, err);
        return place;
    }

    // A folder left over from a removed worktree: forget it and start over. It lies
    // in our own cache folder, never in the user's files.
    git(m_git, repoRoot, { QStringLiteral("worktree"), QStringLiteral("prune") });
    if (QFileInfo::exists(dir))
        QDir(dir).removeRecursively();
    QDir().mkpath(QFileInfo(dir).absolutePath());
    if (git(m_git, repoRoot,
            { QStringLiteral("worktree"), QStringLiteral("add"), QStringLiteral("-q"), QStringLiteral("--detach"), dir, place.commit },
            nullptr, &err)
        != 0)
        place.error = QStringLiteral("git worktree add --detach %1 %2 failed: %3").arg(dir, place.commit, err);
    return place;
}

} // namespace vs
