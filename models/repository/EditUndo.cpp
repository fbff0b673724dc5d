#include "repository/EditUndo.h"

#include "repository/EditTransaction.h"
#include "repository/Git.h"

#include <QHash>

namespace vs {

const QString EditUndo::kUndoTrailer = QStringLiteral("Variant-Studio-Undo");

namespace {

struct EditRecord {
    QString commit;
    QString parent;
    QString subject;
    QString id;
    QString branch;
};

QString trailer(const QString &name)
{
    return QStringLiteral("%(trailers:key=%1,valueonly)").arg(name); // "value\n": trimmed by the reader
}

} // namespace

EditUndo::Result EditUndo::undoLast(
    const QString &root, const QString &current, const QStringList &branches, bool dryRun, const QString &gitProgram)
{
    Result result;
    const Git git(root, gitProgram);
    // Every edit commit of the branches, newest first.
    QStringList log { QStringLiteral("log"), QStringLiteral("--date-order"), QStringLiteral("--grep=^%1: ").arg(BranchEdit::kEditTrailer),
        QStringLiteral("--format=%H%x1f%P%x1f%s%x1f") + trailer(BranchEdit::kEditTrailer) + QStringLiteral("%x1f")
            + trailer(BranchEdit::kBranchTrailer) + QStringLiteral("%x1e") };
    if (branches.isEmpty())
        log << QStringLiteral("--branches");
    for (const QString &b : branches)
        log << QStringLiteral("refs/heads/") + b;
    log << QStringLiteral("--");
    const GitResult found = git.run(log);
    if (!found.ok()) {
        result.error = QStringLiteral("git log: %1").arg(found.errorText());
        return result;
    }
    QList<EditRecord> records;
    for (const QByteArray &entry : found.out.split('\x1e')) {
        const QStringList f = QString::fromUtf8(entry).trimmed().split(QLatin1Char('\x1f'));
        if (f.size() != 5 || f[3].trimmed().isEmpty())
            continue;
        EditRecord r { f[0], f[1].section(QLatin1Char(' '), 0, 0), f[2], f[3].trimmed(), f[4].trimmed() };
        if (result.id.isEmpty()) {
            result.id = r.id;
            result.title = r.subject;
        }
        if (r.id == result.id && (branches.isEmpty() || branches.contains(r.branch)))
            records << r;
    }
    if (records.isEmpty()) {
        result.error
            = QStringLiteral("no edit to undo: no commit with a %1 trailer on %2")
                  .arg(BranchEdit::kEditTrailer, branches.isEmpty() ? QStringLiteral("any branch") : branches.join(QStringLiteral(", ")));
        return result;
    }
    // Where every branch is now, and which tips are undos already.
    const GitResult refs = git.run({ QStringLiteral("for-each-ref"),
        QStringLiteral("--format=%(refname:lstrip=2)%1f%(objectname)%1f") + trailer(kUndoTrailer) + QStringLiteral("%1e"),
        QStringLiteral("refs/heads/") });
    if (!refs.ok()) {
        result.error = QStringLiteral("git for-each-ref: %1").arg(refs.errorText());
        return result;
    }
    QHash<QString, std::pair<QString, QString>> tips; // branch -> (commit, undo trailer)
    for (const QByteArray &line : refs.out.split('\x1e')) {
        const QStringList f = QString::fromUtf8(line).trimmed().split(QLatin1Char('\x1f'));
        if (f.size() == 3)
            tips.insert(f[0], { f[1], f[2].trimmed() });
    }
    QStringList moved, undone;
    for (const EditRecord &r : std::as_const(records)) {
        const auto tip = tips.value(r.branch);
        if (tip.first == r.commit)
            continue;
        if (tip.second == result.id)
            undone << r.branch;
        else
            moved << (tip.first.isEmpty()
                    ? QStringLiteral("'%1' no longer exists").arg(r.branch)
                    : QStringLiteral("'%1' is at %2, not at the edit's commit %3").arg(r.branch, tip.first.left(12), r.commit.left(12)));
    }
    if (undone.size() == records.size()) {
        result.error = QStringLiteral("the last edit (%1, \"%2\") is already undone on %3")
                           .arg(result.id, result.title, undone.join(QStringLiteral(", ")));
        return result;
    }
    if (!moved.isEmpty() || !undone.isEmpty()) {
        result.error = QStringLiteral("the last edit (%1, \"%2\") cannot be undone as a whole: %3; nothing was undone (revert "
                                      "its commits by hand with git revert, or undo single branches with --branch)")
                           .arg(result.id, result.title, (moved + undone).join(QStringLiteral("; ")));
        return result;
    }
    for (const EditRecord &r : std::as_const(records)) {
        const GitResult files = git.run(
            { QStringLiteral("diff-tree"), QStringLiteral("-r"), QStringLiteral("--name-only"), QStringLiteral("-z"), r.parent, r.commit });
        if (!files.ok()) {
            result.error = QStringLiteral("git diff-tree: %1 (nothing was undone)").arg(files.errorText());
            return result;
        }
        EditCommit c { r.branch, r.commit, {}, {} };
        for (const QByteArray &path : files.out.split('\0'))
            if (!path.isEmpty())
                c.files << QString::fromUtf8(path);
        if (r.branch == current) {
            result.error = EditTransaction::uncommitted(git, current, c.files);
            if (!result.error.isEmpty())
                return result;
        }
        if (!dryRun) {
            // A revert of a tip commit is its parent's tree on top of it.
            const QString message = QStringLiteral("variant-studio edit: undo %1\n\nReverts %2 (%3 file(s)).\n\n%4: %5\n%6: %7\n")
                                        .arg(r.subject.section(QStringLiteral(": "), 1), r.commit, QString::number(c.files.size()),
                                            kUndoTrailer, result.id, BranchEdit::kBranchTrailer, r.branch);
            const GitResult made = git.run({ QStringLiteral("commit-tree"), r.parent + QStringLiteral("^{tree}"), QStringLiteral("-p"),
                                               r.commit, QStringLiteral("-F"), QStringLiteral("-") },
                message.toUtf8(), {});
            if (!made.ok()) {
                result.error = QStringLiteral("git commit-tree: %1 (nothing was undone)").arg(made.errorText());
                return result;
            }
            c.newCommit = QString::fromLatin1(made.out).trimmed();
        }
        result.commits << c;
    }
    if (dryRun)
        return result;
    const GitResult movedRefs = EditTransaction::moveBranches(git, result.commits);
    if (!movedRefs.ok()) {
        result.commits.clear();
        result.error = QStringLiteral("git update-ref (a branch moved meanwhile?): %1 (nothing was undone)").arg(movedRefs.errorText());
        return result;
    }
    result.warning = EditTransaction::refreshCheckedOut(git, current, result.commits);
    return result;
}

} // namespace vs
