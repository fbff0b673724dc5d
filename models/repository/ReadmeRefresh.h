#pragma once

#include "repository/RepositoryScan.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace vs {

// The generated "matrix" block of each branch's README.md (ReadmeBlocks): what
// it should hold, and where each branch's README stands. Shared by `readme` and
// the window's README Blocks dialog.
class ReadmeRefresh {
public:
    static const QString kBlock; // "matrix"
    static const QString kReadme; // "README.md"

    struct BranchReadme {
        enum class State { UpToDate, Stale, NoReadme, NoBlock, Broken };
        QString branch;
        State state = State::NoReadme;
        QString text; // the README (the checked-out branch's as in the working tree); empty without one
        QString block; // the block's content the branch should have
        QString updated; // Stale: the README with its block refreshed
        QString problem; // NoReadme / NoBlock / Broken: why, as `readme --check` prints it after "BRANCH: "
    };

    // The table of every local branch: the same text on each of them.
    static QString branchesTable(const RepositoryScan &scan);
    // One branch's block: its matrix (one heading level down) and ALLBRANCHES.
    static QString blockFor(const RepositoryScan &scan, const BranchScan &branch, const QString &allBranches);
    // Every local branch (or those named) with its README read and compared. Blocking (git show).
    static QList<BranchReadme> check(const RepositoryScan &scan, const QStringList &branches = {});
    // README text with a new block (markers and CONTENT) inserted at the start of
    // OFFSET's line (a block's markers need lines of their own), or after the last
    // line when OFFSET is the end.
    static QString insertBlock(const QString &readme, qsizetype offset, const QString &content);
    // Where 0-based LINE starts in TEXT (its end when it has fewer lines).
    static qsizetype lineOffset(const QString &text, int line);
};

} // namespace vs
