#include "itemmodels/MatrixCell.h"

#include "variants/Compatibility.h"

#include <QCoreApplication>

namespace vs {

MatrixCell MatrixCell::derive(const Catalog &catalog, const VariantName &v, const QList<MatrixRecipe> &all, const QList<int> &recipes,
    const MachineFit &machine, std::optional<CellStatus> buildState, bool partnerMissing)
{
    MatrixCell cell;
    cell.variant = v;
    cell.recipes = recipes;
    const Compatibility compat = Compatibility::of(catalog, v);
    cell.runsHere = machine.runs(v);
    cell.recommended = machine.recommends(v);
    if (cell.recipes.isEmpty()) {
        cell.status = compat.ok() ? CellStatus::NotDefined : CellStatus::Incompatible;
        cell.reason = compat.reason;
    } else {
        QStringList problems;
        if (cell.recipes.size() > 1) {
            QStringList files;
            for (int i : cell.recipes)
                files.append(all[i].path);
            // The matrix model showed this first: its translation keeps that context.
            problems.append(QCoreApplication::translate("vs::MatrixModel", "%n files describe this cell: %1", nullptr, int(files.size()))
                                .arg(files.join(QStringLiteral(", "))));
        }
        if (!compat.ok())
            problems.append(compat.reason);
        bool changed = false;
        for (int i : cell.recipes) {
            problems += all[i].variant.nonCanonical;
            problems += all[i].problems;
            changed = changed || all[i].changedInWorkingTree;
        }
        cell.reason = problems.join(QLatin1Char('\n'));
        cell.status = !problems.isEmpty() ? CellStatus::Problem
            : partnerMissing              ? CellStatus::NeedsPytorch
            : changed                     ? CellStatus::New
                                          : CellStatus::Defined;
    }
    if (buildState)
        cell.status = *buildState;
    return cell;
}

} // namespace vs
