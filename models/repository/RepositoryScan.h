#pragma once

#include "catalog/Catalog.h"
#include "recipes/LintProblem.h"
#include "recipes/RecipeFile.h"

#include <QList>
#include <QString>

#include <optional>

namespace vs {

struct RepositoryScan {
    QString requestedPath;
    QString root; // git rev-parse --show-toplevel
    QString error; // "not a git repository: /x", …; empty when scanned
    QString currentBranch; // empty when HEAD is detached
    QList<BranchScan> branches;
    QList<LintProblem> problems; // lint of every branch (+ catalogue overlay errors)
    bool cancelled = false;
    Catalog catalog; // what lint checked against (embedded + repository overlay)

    bool ok() const { return error.isEmpty() && !cancelled; }
    const BranchScan *branch(const QString &name) const;
};

} // namespace vs
