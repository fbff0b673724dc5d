#pragma once

#include "recipes/RecipeMetadata.h"
#include "variants/VariantName.h"

#include <QList>
#include <QString>

#include <optional>

namespace vs {

// One .nix file under .flox/pkgs of one branch (committed, or the working tree's
// version on the checked-out branch).
struct RecipeFile {
    enum class State { Committed, New, Modified, Deleted };

    QString path; // ".flox/pkgs/x.nix", relative to the repository root
    QString fileName; // "x.nix"
    QString blob; // git object id; empty for a new working-tree file
    QString text; // empty when binary or tooLarge
    State state = State::Committed;
    std::optional<VariantName> variant; // parsed from the file name
    QString parseError; // why the name is not a variant
    RecipeMetadata meta;
    bool binary = false; // has NUL bytes: not read as text
    bool tooLarge = false; // over RepositoryScanner::maxRecipeBytes: not read
    bool unreadable = false; // could not be read (not a regular file, an I/O error): parseError says why
    bool symlink = false; // a symbolic link: listed, never followed or read
    QString symlinkTarget; // where the link points (as written in it)
    qint64 size = -1;

    static QString stateName(State s); // "committed", "new", "modified", "deleted"
    // A file at path (variant parsed from its name) with no text yet.
    static RecipeFile at(const QString &path);
    // The same with text and the metadata read from it.
    static RecipeFile fromText(const QString &path, const QString &text);
};

struct BranchScan {
    QString name; // "main", "feature/x", "origin/main" (remote)
    QString commit; // empty for an unborn branch (no commit yet)
    bool current = false; // checked out: recipes include the working tree
    bool remote = false;
    bool hasPkgsDir = false;
    QList<RecipeFile> recipes; // sorted by path
    QString mostCommonNixpkgsRev; // the branch's profile for new recipes

    const RecipeFile *recipe(const QString &path) const;
};

} // namespace vs
