#pragma once

#include "itemmodels/MatrixCell.h"

namespace vs::test {

// A recipe of the shown branch as the matrix gets it, for a file of .flox/pkgs.
inline MatrixRecipe recipe(const QString &file, bool changed = false, const QStringList &problems = {})
{
    MatrixRecipe r;
    r.variant = *VariantName::parse(file);
    r.path = QStringLiteral(".flox/pkgs/") + file;
    r.pname = r.variant.toString();
    r.changedInWorkingTree = changed;
    r.problems = problems;
    r.text = QStringLiteral("{ }\n");
    return r;
}

} // namespace vs::test
