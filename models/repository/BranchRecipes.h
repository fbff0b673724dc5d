#pragma once

// The recipe files of a scan's branches, before their blobs are read: the trees of
// .flox/pkgs (through the scan's cat-file process), the committed recipe files
// named from their paths, and the checked-out branch's working-tree changes.

#include "repository/GitOutput.h"
#include "repository/RepositoryScan.h"

#include <QHash>
#include <QList>
#include <QString>

#include <map>

namespace vs {

class CatFileBatch;
class StringPool;
struct ScanOptions;

namespace branchrecipes {

// .flox/pkgs of every distinct commit (with its sub-folders that may hold a
// default.nix), by commit. False (and *error) when git could not answer.
bool listTrees(
    CatFileBatch &batch, const QList<BranchScan> &branches, std::map<QString, QList<GitOutput::TreeEntry>> &trees, QString *error);

// A tree entry that is a recipe file: a blob at a recipe path. Submodules are not
// recipes; symbolic links are (listed as links, never followed).
bool isCommittedRecipe(const GitOutput::TreeEntry &e);

// The recipe files of one scan by path, their names parsed: branches mostly have
// the same files, so each name is parsed once and its strings are shared.
using KnownPaths = QHash<QString, RecipeFile>;

// The branch's committed recipe files from its tree entries (blobs not read yet).
void addCommittedRecipes(BranchScan &b, const QList<GitOutput::TreeEntry> &entries, KnownPaths &known, StringPool &pool);

// New, modified and deleted files of the checked-out branch (text of new and modified from disk).
void applyWorkingTree(BranchScan &b, const QList<GitOutput::StatusEntry> &status, const QString &root, const ScanOptions &opt);

} // namespace branchrecipes
} // namespace vs
