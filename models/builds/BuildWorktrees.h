#pragma once

#include "repository/Git.h"

#include <QString>
#include <QStringList>

namespace vs {

// Where a cell gets built. The checked-out branch builds in the repository
// itself; any other branch builds in a detached git worktree that the app
// keeps in its cache folder (<cache>/worktrees/<repo-hash>/<branch>) and reuses,
// so the user's working tree and HEAD are never touched.
// Blocking (runs git): call it off the UI thread.
class BuildWorktrees {
public:
    struct Place {
        QString directory; // where to run the build
        QString commit; // the branch's commit there
        QString branch; // the branch (the checked-out one's name when none was asked for)
        bool isWorktree = false;
        QString error; // non-empty: no place (and why)
    };

    BuildWorktrees(QString worktreeRoot, QString gitProgram = QStringLiteral("git"));

    Place prepare(const QString &repoRoot, const QString &branch) const;
    // The folder a branch's worktree uses (whether or not it exists yet).
    QString worktreePath(const QString &repoRoot, const QString &branch) const;
    static QString repoHash(const QString &repoRoot); // stable per repository path

private:
    Git gitIn(const QString &directory) const;

    QString m_root;
    QString m_git;
};

} // namespace vs
