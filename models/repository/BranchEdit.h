#pragma once

#include "repository/EditOperation.h"
#include "repository/RepositoryScan.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace vs {

// What an operation would do to the recipes of several branches, before anything
// is written: per file the new text, or why it is left alone.
struct RecipeChange {
    QString branch;
    QString path; // ".flox/pkgs/x.nix"
    QString before;
    QString after;
    enum class Outcome { Changed, Unchanged, NotRecognised, Skipped } outcome = Outcome::Unchanged;
    QString reason; // why unchanged, not recognised or skipped
    QList<int> lines; // changed lines of `before`
};

struct EditPreview {
    QList<RecipeChange> files; // in branch, then path order
    // Lint errors the change would bring (on changed files, compared with the same
    // branch before the change): applying them needs the user's insistence.
    // With the deep check, its new errors too (rules "deep-…").
    QList<LintProblem> newErrors;
    bool deepChecked = false; // the deep check ran on the changed recipes, before and after
    int count(RecipeChange::Outcome outcome) const;
    QStringList branchesChanged() const;
};

// What applying did: one new commit per branch, or nothing at all and why.
struct EditCommit {
    QString branch;
    QString oldCommit;
    QString newCommit;
    QStringList files;
};
struct EditApplied {
    QString id; // the edit's id, in every commit's "Variant-Studio-Edit:" trailer (undo finds them by it)
    QList<EditCommit> commits;
    QString error; // non-empty: no branch was changed
    QString warning; // the commits are in, but something after them did not work (said how to finish)
    bool ok() const { return error.isEmpty(); }
};

class BranchEdit {
public:
    // BRANCHES empty: every branch of the scan. CELLS: a wildcard over variant
    // names (pytorch-*-cuda12_9-*), empty for all. Reads the scan's texts only.
    static EditPreview preview(
        const RepositoryScan &scan, const RecipeEditOperation &operation, const QStringList &branches, const QString &cells = {});
    // A unified diff (3 lines of context) of one file, "--- a/PATH" / "+++ b/PATH".
    static QString unifiedDiff(const QString &path, const QString &before, const QString &after);
    static QString outcomeName(RecipeChange::Outcome outcome); // "changed", "unchanged", "not-recognised", "skipped"
    static const QString kEditTrailer; // "Variant-Studio-Edit"
    static const QString kBranchTrailer; // "Variant-Studio-Branch"

    // Makes one commit per branch with the preview's changed files, without touching
    // any working tree: blobs, a private index, commit-tree; then every branch moves
    // in ONE `git update-ref` transaction (each only if it is still where the scan
    // saw it), so either all branches change or none. The checked-out branch's
    // changed files must have no uncommitted changes; they are then checked out
    // afresh. Never pushes. Blocking (runs git).
    // TITLE is the commit subject's operation ("set-pin …", "readme"). Each commit
    // message ends with the trailers "Variant-Studio-Edit: ID" (one id for the
    // whole edit) and "Variant-Studio-Branch: NAME", which `edit undo` reads.
    static EditApplied apply(
        const RepositoryScan &scan, const EditPreview &preview, const QString &title, const QString &gitProgram = QStringLiteral("git"));
};

} // namespace vs
