#include "repository/EditTransaction.h"

namespace vs {

QString EditTransaction::uncommitted(const Git &git, const QString &branch, const QStringList &paths)
{
    const GitResult status = git.run(QStringList { QStringLiteral("status"), QStringLiteral("--porcelain"), QStringLiteral("--") } + paths);
    if (!status.ok())
        return QStringLiteral("git status: %1 (nothing was changed)").arg(status.errorText());
    if (status.out.trimmed().isEmpty())
        return {};
    return QStringLiteral("uncommitted changes in the checked-out branch '%1': %2; commit or stash them first (nothing was changed)")
        .arg(branch, QString::fromUtf8(status.out).trimmed().replace(QLatin1Char('\n'), QStringLiteral(", ")));
}

GitResult EditTransaction::moveBranches(const Git &git, const QList<EditCommit> &commits)
{
    QByteArray transaction = "start\n";
    for (const EditCommit &c : commits)
        transaction += "update refs/heads/" + c.branch.toUtf8() + ' ' + c.newCommit.toLatin1() + ' ' + c.oldCommit.toLatin1() + '\n';
    transaction += "prepare\ncommit\n";
    return git.run({ QStringLiteral("update-ref"), QStringLiteral("--stdin") }, transaction, {});
}

QString EditTransaction::refreshCheckedOut(const Git &git, const QString &currentBranch, const QList<EditCommit> &commits)
{
    for (const EditCommit &c : commits) {
        if (c.branch != currentBranch || c.files.isEmpty())
            continue;
        const GitResult checkout = git.run(
            QStringList { QStringLiteral("checkout"), QStringLiteral("HEAD"), QStringLiteral("--") } + c.files, Git::Access::Write);
        if (!checkout.ok())
            return QStringLiteral("committed on '%1', but the working tree still shows the old files: run git checkout HEAD -- %2 (%3)")
                .arg(c.branch, c.files.join(QLatin1Char(' ')), checkout.errorText());
    }
    return {};
}

} // namespace vs
