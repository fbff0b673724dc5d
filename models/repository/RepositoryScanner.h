#pragma once

#include "catalog/Catalog.h"
#include "repository/RepositoryScan.h"

#include <QFuture>
#include <QStringList>

#include <functional>
#include <optional>

namespace vs {

struct ScanOptions {
    bool includeRemotes = false; // refs/remotes/* as well as refs/heads/*
    bool includeWorkingTree = true; // new/modified/deleted files of the checked-out branch
    bool lint = true; // fill RepositoryScan::problems
    QStringList branches; // only these branches; empty: all
    std::optional<Catalog> catalog; // default: CatalogLoader::forRepository(root)
    qint64 maxRecipeBytes = 1024 * 1024; // larger files are listed but not read
    // false: a recipe's text is dropped once its metadata is read (for output that
    // shows metadata only, such as `scan --json`: megabytes less to hold), except
    // where lint reads it (Lint::needsText) and a link's target.
    bool keepTexts = true;
    // Called for each branch (its index in RepositoryScan::branches) once it is
    // complete: recipes filled in, sorted and linted; the scan changes it no more.
    // On pool threads, several at once, often while later branches are still being
    // read: output made here overlaps the read. (Not for a scan that fails: it may
    // have been called for some branches.)
    std::function<void(qsizetype index, const BranchScan &branch)> branchFinished;
};

// Reads every branch's .flox/pkgs with the real git: for-each-ref, one ls-tree
// per distinct commit, git status for the working tree, and all blobs through a
// single `git cat-file --batch` (a blob shared by several branches is read and
// parsed once). Then metadata and lint.
class RepositoryScanner {
public:
    // progress(done, total) is called from the scanning thread; return false to cancel.
    using Progress = std::function<bool(int done, int total)>;

    static RepositoryScan scan(const QString &folder, const ScanOptions &options = {}, const Progress &progress = {});
    // The same on a QtConcurrent worker thread.
    static QFuture<RepositoryScan> scanAsync(const QString &folder, const ScanOptions &options = {}, const Progress &progress = {});

    // The most frequent non-empty nixpkgs rev among the branch's (not deleted) recipes;
    // ties go to the one met first in path order.
    static QString mostCommonNixpkgsRev(const QList<RecipeFile> &recipes);
};

} // namespace vs
