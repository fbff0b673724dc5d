#pragma once

#include <QString>
#include <QStringList>

namespace vs {

// The one rule for where recipes are: a recipe NAME lives at
// ".flox/pkgs/NAME.nix" or ".flox/pkgs/NAME/default.nix" of a repository, and
// whatever the app reads, builds or writes there must stay inside that
// repository's .flox/pkgs: no name with '/' or a leading '-', no symbolic link
// followed out of the folder, and writes never go through a link.
class RecipePaths {
public:
    static QString pkgsDir() { return QStringLiteral(".flox/pkgs"); }

    // Which repository paths are recipes: ".flox/pkgs/<name>.nix" and
    // ".flox/pkgs/<name>/default.nix".
    static bool isRecipePath(const QString &path);
    // The name flox gives the package of a recipe path ("x" for x.nix and x/default.nix).
    static QString packageNameOf(const QString &path);

    // Why NAME cannot name a recipe (empty: it can). NAME is the variant as a
    // user typed it or a repository listed it, without ".nix".
    static QString nameProblem(const QString &name);
    // The two shapes, relative to the repository root, in the order flox looks.
    static QStringList candidates(const QString &name);

    struct Found {
        QString relative; // ".flox/pkgs/NAME.nix" (or …/default.nix)
        QString absolute; // ROOT/… (not resolved: what to hand to a build program)
        QString resolved; // where it leads, inside .flox/pkgs
        bool isSymlink = false;
        QString error; // non-empty: not usable, and why (names the file)
        bool ok() const { return error.isEmpty(); }
    };
    // Finds NAME's recipe in ROOT (a repository or a worktree of it), checked as above.
    static Found find(const QString &root, const QString &name);

    struct WriteTarget {
        QString absolute;
        bool exists = false; // a file (or a link, even a dangling one) is there
        bool isSymlink = false;
        QString symlinkTarget;
        QString error; // non-empty: nothing may be written there
        bool ok() const { return error.isEmpty(); }
    };
    // Where RELATIVE (a recipe path) may be written in ROOT: every folder on the
    // way must be a real folder (not a link) inside ROOT; the file itself may be a
    // link (the caller asks before replacing the link, never writes its target).
    static WriteTarget forWriting(const QString &root, const QString &relative);

    // Text safe to print on one line: control characters (a newline in a file
    // name) shown as escapes, so a name cannot forge output lines.
    static QString printable(const QString &text);
};

} // namespace vs
