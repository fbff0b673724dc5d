#pragma once

#include "repository/BranchEdit.h"

namespace vs {

// `edit undo`: reverts the last edit (the newest commit with a "Variant-Studio-Edit"
// trailer, and every commit of that edit on the other branches) with one revert
// commit per branch, all branches moved in one transaction. A branch that moved
// since the edit (its tip is not the edit's commit) refuses the whole undo: the
// commits on top may depend on it, and reverting under them is the user's call.
class EditUndo {
public:
    struct Result {
        QString id; // the edit undone (or found)
        QString title; // its commits' subject ("variant-studio edit: set-pin …")
        QList<EditCommit> commits; // oldCommit: the edit's commit; newCommit: its revert
        QString error; // non-empty: nothing was undone
        QString warning;
        bool ok() const { return error.isEmpty(); }
    };
    static const QString kUndoTrailer; // "Variant-Studio-Undo"

    // BRANCHES empty: every local branch. CURRENT: the checked-out branch (its
    // reverted files must have no uncommitted changes; they are checked out afresh).
    // DRYRUN: only find and check, write nothing. Blocking (runs git).
    static Result undoLast(const QString &root, const QString &current, const QStringList &branches, bool dryRun = false,
        const QString &gitProgram = QStringLiteral("git"));
};

} // namespace vs
