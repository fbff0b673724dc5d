#include "CompanionRecipeActions.h"

#include "CompanionsController.h"
#include "CompanionsDock.h"
#include "MatrixController.h"
#include "RecipeActions.h"
#include "RepositoryController.h"
#include "itemmodels/MatrixModel.h"
#include "repository/RecipeWriter.h"

#include <QAction>
#include <QDir>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

namespace vs {

namespace {
// "build-torchvision/.flox/pkgs/x.nix": which repository matters when several take part.
QString shownPath(const PlannedRecipe &r)
{
    const QDir root(r.repository);
    return root.dirName() + QLatin1Char('/') + root.relativeFilePath(RecipeWriter::recipePath(r.repository, r.variant));
}
} // namespace

CompanionRecipeActions::CompanionRecipeActions(
    MatrixController *matrix, RepositoryController *pytorch, CompanionsController *companions, RecipeActions *recipes)
    : QObject(companions)
    , m_matrix(matrix)
    , m_repository(pytorch)
    , m_workspace(companions)
    , m_recipes(recipes)
    , m_companions(new QAction(tr("Generate &Companion Recipes"), this))
    , m_pytorch(new QAction(tr("Generate &PyTorch Recipe"), this))
{
    m_companions->setObjectName(QStringLiteral("generateCompanionsAction"));
    m_companions->setToolTip(tr("Write the TorchVision/TorchAudio recipes of the selected PyTorch cells into the workspace's companion "
                                "repositories, embedding the PyTorch recipe so both share one PyTorch build"));
    m_pytorch->setObjectName(QStringLiteral("generatePytorchAction"));
    m_pytorch->setToolTip(tr("Write the PyTorch recipe the selected companion recipes lack, with their nixpkgs pin, into the PyTorch "
                             "repository"));
    connect(m_companions, &QAction::triggered, this, &CompanionRecipeActions::generateCompanions);
    connect(m_pytorch, &QAction::triggered, this, &CompanionRecipeActions::generatePytorch);
    connect(m_matrix, &MatrixController::selectionChanged, this, &CompanionRecipeActions::updateEnabled);
    connect(m_workspace->dock(), &CompanionsDock::selectionChanged, this, &CompanionRecipeActions::updateEnabled);
    connect(m_workspace, &CompanionsController::analysed, this, &CompanionRecipeActions::updateEnabled);
    connect(&m_writing, &QFutureWatcher<QStringList>::finished, this, [this] {
        emit message(m_writing.result().join(QLatin1Char('\n')));
        // New files change what both sides have: the PyTorch side's scan re-evaluates the companions too.
        if (m_pytorchSide)
            m_repository->rescan();
        else
            m_workspace->refresh();
        updateEnabled();
        emit written();
    });
    m_workspace->dock()->setActions(actions());
    updateEnabled();
}

void CompanionRecipeActions::updateEnabled()
{
    const bool idle = !m_writing.isRunning();
    m_companions->setEnabled(idle && !m_matrix->selectedCells().isEmpty());
    m_pytorch->setEnabled(idle && !m_workspace->dock()->selectedRows().isEmpty());
}

void CompanionRecipeActions::generateCompanions()
{
    const MatrixModel *model = m_matrix->model();
    QList<VariantName> variants;
    for (const QModelIndex &cell : m_matrix->selectedCells())
        if (const VariantName v = model->variantAt(cell); v.package == CompanionMatch::pytorchPackage())
            variants << v;
    QList<RepositoryScan> companions;
    for (const CompanionTableModel::Repository &r : m_workspace->model()->repositories())
        if (r.error.isEmpty())
            companions << r.scan;
    if (!m_repository->hasRepository() || variants.isEmpty()) {
        emit message(tr("Select PyTorch cells of an open repository to generate their companion recipes."));
        return;
    }
    if (companions.isEmpty()) {
        emit message(m_workspace->isBusy()
                ? tr("The companion repositories are still being read; try again in a moment.")
                : tr("No companion repository in the workspace: add one with File › Add Repository to Workspace…"));
        return;
    }
    write(CompanionRecipes::companionsFor(m_repository->scan(), model->branch(), variants, companions), false);
}

void CompanionRecipeActions::generatePytorch()
{
    const CompanionTableModel *model = m_workspace->model();
    QHash<const CompanionTableModel::Repository *, QList<CompanionEntry>> byRepository;
    for (const int row : m_workspace->dock()->selectedRows())
        byRepository[model->repositoryAt(row)] << *model->entryAt(row);
    if (byRepository.isEmpty() || !m_repository->hasRepository()) {
        emit message(tr("Select companion recipes in the Companions dock to generate their PyTorch recipes."));
        return;
    }
    RecipePlan plan;
    QSet<QString> planned; // one PyTorch recipe even when several companions need it
    for (auto it = byRepository.cbegin(); it != byRepository.cend(); ++it) {
        const RecipePlan part = CompanionRecipes::pytorchFor(m_repository->scan(), it.key()->scan, it.value());
        plan.refused += part.refused;
        for (const PlannedRecipe &r : part.recipes)
            if (!planned.contains(r.variant.toString())) {
                planned.insert(r.variant.toString());
                plan.recipes << r;
            }
    }
    write(plan, true);
}

void CompanionRecipeActions::write(RecipePlan plan, bool pytorchSide)
{
    QStringList existing;
    for (const PlannedRecipe &r : std::as_const(plan.recipes))
        if (RecipeWriter::occupied(r.repository, r.variant))
            existing << shownPath(r);
    // Never overwrite silently: ask once for all existing files.
    const bool force = !existing.isEmpty() && m_recipes->askOverwrite(existing);
    if (!existing.isEmpty() && !force) {
        plan.recipes.removeIf([](const PlannedRecipe &r) { return RecipeWriter::occupied(r.repository, r.variant); });
        plan.refused << tr("Kept %n existing recipe(s) unchanged.", nullptr, int(existing.size()));
    }
    if (plan.recipes.isEmpty()) {
        emit message(plan.refused.join(QLatin1Char('\n')));
        return;
    }
    emit message(tr("Writing %n recipe(s)…", nullptr, int(plan.recipes.size())));
    m_pytorchSide = pytorchSide;
    const QString wrote = tr("Wrote %1 (staged)");
    // RecipeWriter runs git: off the UI thread.
    m_writing.setFuture(QtConcurrent::run([plan, force, wrote]() {
        QStringList lines;
        for (const PlannedRecipe &r : plan.recipes) {
            const RecipeWriter::Result result = RecipeWriter::write(r.repository, r.branch, r.variant, r.text, force);
            lines << (result.ok() ? wrote.arg(shownPath(r)) : QStringLiteral("%1: %2").arg(r.variant.toString(), result.error));
        }
        return lines + plan.refused;
    }));
    updateEnabled();
}

} // namespace vs
