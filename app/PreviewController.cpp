#include "PreviewController.h"

#include "MatrixController.h"
#include "MatrixView.h"
#include "RecipePreview.h"
#include "Workspace.h"
#include "itemmodels/MatrixModel.h"
#include "recipes/RecipeGenerator.h"
#include "repository/RecipeBasis.h"

#include <QItemSelectionModel>

namespace vs {

PreviewController::PreviewController(MatrixController *matrix, Workspace *workspace, RecipePreview *preview, QObject *parent)
    : QObject(parent)
    , m_matrix(matrix)
    , m_repository(workspace)
    , m_preview(preview)
{
    connect(m_matrix, &MatrixController::selectionChanged, this, &PreviewController::refresh);
    refresh();
}

void PreviewController::refresh()
{
    const MatrixModel *model = m_matrix->model();
    const QModelIndexList cells = m_matrix->selectedCells();
    RecipePreview::Content c;
    if (cells.isEmpty()) {
        c.message = tr("Select a cell to see its recipe.");
        m_preview->setContent(c);
        return;
    }
    if (cells.size() > 1) {
        c.title = tr("%n cells selected", nullptr, int(cells.size()));
        QStringList names;
        for (const QModelIndex &i : cells)
            names.append(model->variantAt(i).toString());
        c.message = names.join(QLatin1Char('\n'));
        m_preview->setContent(c);
        return;
    }
    const QModelIndex cell = cells.first();
    const VariantName variant = model->variantAt(cell);
    const QString branch = model->branch();
    const RecipeBasis basis = RecipeBasis::forBranch(model->catalog(), m_repository->scan(), branch);
    const RecipeGenerator generator(model->catalog());
    c.title = variant.toString();

    if (const MatrixRecipe *recipe = model->recipeAt(cell)) {
        c.subtitle = recipe->workingTreeState.isEmpty()
            ? tr("%1 on branch %2").arg(recipe->path, branch)
            : tr("%1 on branch %2 (%3 in the working tree)").arg(recipe->path, branch, recipe->workingTreeState);
        c.text = recipe->text;
        const QString problems = cell.data(MatrixModel::ReasonRole).toString();
        if (!problems.isEmpty())
            c.banner = tr("Problems:\n%1").arg(problems);
        const auto generated = generator.generate(variant, basis.profile, basis.nixpkgsRevFor(recipe->nixpkgsRev));
        if (generated.ok()) {
            c.hasDrift = true;
            c.drift = RecipeDrift::compare(generated.text, recipe->text);
        }
    } else if (model->statusAt(cell) == CellStatus::Incompatible) {
        c.message = tr("This variant cannot be built:\n%1").arg(cell.data(MatrixModel::ReasonRole).toString());
    } else {
        const auto generated = generator.generate(variant, basis.profile, basis.nixpkgsRev);
        if (generated.ok()) {
            c.banner = tr("Not in the repository yet — this is what Generate would write.");
            c.subtitle = model->isPlan() ? tr("Plan: no repository open (profile %1)").arg(basis.profile.id)
                                         : tr("Would be .flox/pkgs/%1 on branch %2").arg(variant.fileName(), branch);
            c.text = generated.text;
        } else {
            c.message = tr("Cannot generate this recipe: %1").arg(generated.error);
        }
    }
    m_preview->setContent(c);
}

} // namespace vs
