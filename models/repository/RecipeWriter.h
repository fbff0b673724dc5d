#pragma once

#include "variants/VariantName.h"

#include <QString>

namespace vs {

// Puts a generated recipe into a repository's working tree: only on the
// checked-out branch, never over an existing file unless forced, written
// atomically (QSaveFile) and staged with `git add`. Blocking (runs git): call
// it off the UI thread.
class RecipeWriter {
public:
    struct Result {
        QString path; // absolute path of the recipe (also on failure, when known)
        QString error; // why nothing (or not everything) was done
        bool replaced = false; // an existing file was overwritten (force)
        bool ok() const { return error.isEmpty(); }
    };

    static Result write(const QString &repoRoot, const QString &branch, const VariantName &variant, const QString &text, bool force);

    // Something (a file, or a link, even a dangling one) is at the recipe's path:
    // writing there needs the user's yes.
    static bool occupied(const QString &repoRoot, const VariantName &variant);
    // REPO/.flox/pkgs/<variant>.nix
    static QString recipePath(const QString &repoRoot, const VariantName &variant);
    // The branch HEAD names (Git::head(), also one without commits yet); empty
    // with *error on a detached HEAD or when REPO is no git repository.
    static QString checkedOutBranch(const QString &repoRoot, QString *error);
};

} // namespace vs
