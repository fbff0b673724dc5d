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
    bool head = false; // the checked-out branch (%(HEAD) is "*")
};
// git for-each-ref --format=%(refname)%00%(objectname)%00%(objecttype)%00%(symref)%00%(HEAD)
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
// A raw tree object as `git cat-file --batch` prints it: "<mode> <name>\0<hash bytes>"…;
// paths are prefix + "/" + name. hashBytes: 20 (SHA-1) or 32 (SHA-256).
QList<TreeEntry> parseTreeObject(QByteArrayView content, const QString &prefix, int hashBytes);

struct StatusEntry {
    QString path;
    RecipeFile::State state;
};
// git status --porcelain=v1 -z: new / modified / deleted per path (renames: new + deleted).
QList<StatusEntry> parseStatus(const QByteArray &out);

} // namespace GitOutput

} // namespace vs
