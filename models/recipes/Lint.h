#pragma once

#include "catalog/Catalog.h"
#include "recipes/LintProblem.h"
#include "recipes/RecipeFile.h"

#include <QList>

namespace vs {

struct LintRule {
    QString id;
    LintProblem::Severity severity;
    QString summary;
};

// Checks one branch's recipes against their file names and the catalogue, from
// the text alone (no nix evaluation; that is DeepCheck). Deleted working-tree
// files are not checked. A consistent repository yields no errors.
class Lint {
public:
    static QList<LintProblem> check(const Catalog &catalog, const BranchScan &branch);

    // Whether check() reads this recipe's text, not only its metadata: the pname
    // rule looks for a second `pname = …` (a companion embedding its PyTorch
    // recipe). A scan that drops texts keeps those (ScanOptions::keepTexts).
    // Asked of the recipe's bytes (UTF-8), before they are decoded.
    static bool needsText(QByteArrayView utf8);

    // Every rule, with its stable id and severity (README and tests list them).
    static const QList<LintRule> &rules();
    static QString severityName(LintProblem::Severity s) { return LintProblem::severityName(s); }
};

} // namespace vs
