#pragma once

#include "repository/BranchEdit.h"
#include "repository/Git.h"

namespace vs {

// What applying an edit and undoing one share: the checked-out branch's work is
// never overwritten, every branch moves in one transaction, and the checked-out
// branch's files follow their branch.
class EditTransaction {
public:
    // Empty when PATHS have no uncommitted changes in the working tree; else why
    // not (and that nothing was changed).
    static QString uncommitted(const Git &git, const QString &branch, const QStringList &paths);
    // Every commit's branch from oldCommit to newCommit in ONE `git update-ref
    // --stdin` transaction: all move or none (a branch that moved since blocks all).
    static GitResult moveBranches(const Git &git, const QList<EditCommit> &commits);
    // After the move: the checked-out branch's changed files checked out afresh.
    // Empty, or a warning saying how to finish by hand.
    static QString refreshCheckedOut(const Git &git, const QString &currentBranch, const QList<EditCommit> &commits);
};

} // namespace vs
