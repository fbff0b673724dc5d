#pragma once

#include "repository/RepositoryScan.h"
#include "variants/MatrixLayout.h"

#include <QList>
#include <QSet>
#include <QString>

namespace vs {

// One branch laid out like a BUILD_MATRIX.md (MatrixLayout, only what the branch has):
// a cell lists the recipes of that GPU × ISA, package, Python and CUDA release of each.
// What `matrix` prints and what README blocks hold (the command line and the window).
struct BranchMatrix {
    QList<const RecipeFile *> placed; // named like a variant, in the order of MatrixLayout's indexes
    MatrixLayout layout;
    QList<const RecipeFile *> outside; // not named like a variant
    QSet<QString> withErrors; // paths
    int recipeCount = 0;

    static BranchMatrix of(const Catalog &catalog, const BranchScan &branch, const QList<LintProblem> &problems);
    // `matrix --format markdown` of a scanned branch.
    static QString markdown(const RepositoryScan &scan, const BranchScan &branch);
    static QString rowTitle(const Catalog &catalog, const QString &row); // "sm90 (Hopper)", "CPU only"

    QStringList rows() const { return layout.rows(); }
    QStringList columns() const { return layout.columns(); }
    QList<const RecipeFile *> at(const QString &row, const QString &column) const;
    // The table as text (aligned columns) or Markdown, with the count, pin and the files outside.
    QString table(const Catalog &catalog, const BranchScan &branch, bool markdown) const;
};

} // namespace vs
