#pragma once

#include "repository/RepositoryScan.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace vs {

// Parsers of the NUL-separated (-z) outputs the scanner asks git for. Pure
// functions on bytes, so odd names (spaces, quotes, unicode) survive intact.
namespace GitOutput {

struct Ref {
    QString name; // short: "feature/x", "origin/main"
    QString fullName; // "refs/heads/feature/x"
    QString commit;
    bool remote = false;
};
// git for-each-ref --format=%(refname)%00%(objectname)%00%(objecttype)%00%(symref)
// Symbolic refs (origin/HEAD) and refs to non-commits are left out.
QList<Ref> parseRefs(const QByteArray &out);
QStringList refFormat();

struct TreeEntry {
    QString mode; // "100644", "120000", …
    QString type; // blob, tree, commit
    QString object;
    qint64 size = -1; // -1 for trees and submodules
    QString path;
};
// git ls-tree -z -l -r <commit> -- <path>
QList<TreeEntry> parseLsTree(const QByteArray &out);

struct StatusEntry {
    QString path;
    RecipeFile::State state;
};
// git status --porcelain=v1 -z: new / modified / deleted per path (renames: new + deleted).
QList<StatusEntry> parseStatus(const QByteArray &out);

} // namespace GitOutput

} // namespace vs
