#pragma once

#include "companions/CompanionRecipes.h"

#include <QFutureWatcher>
#include <QObject>

class QAction;

namespace vs {

class CompanionsController;
class MatrixController;
class RecipeActions;
class RepositoryController;

// Generate across the workspace: "Generate Companion Recipes" writes, for the
// selected PyTorch cells, the missing TorchVision/TorchAudio recipes into each
// companion repository (on the branch paired with the grid's); "Generate PyTorch
// Recipe" writes, for companion recipes selected in the Companions dock, their
// PyTorch recipe into the PyTorch repository. Both as Generate does for PyTorch
// recipes: into the checked-out branch's working tree, staged, never over an
// existing file without asking (RecipeActions' question), refusals reported.
class CompanionRecipeActions : public QObject {
    Q_OBJECT
public:
    CompanionRecipeActions(
        MatrixController *matrix, RepositoryController *pytorch, CompanionsController *companions, RecipeActions *recipes);

    QAction *generateCompanionsAction() const { return m_companions; }
    QAction *generatePytorchAction() const { return m_pytorch; }
    QList<QAction *> actions() const { return { m_companions, m_pytorch }; }

    void generateCompanions();
    void generatePytorch();

signals:
    void message(const QString &text); // for the banner
    void written(); // a generation finished (the workspace is being rescanned)

private:
    void write(RecipePlan plan, bool pytorchSide);
    void updateEnabled();

    MatrixController *m_matrix;
    RepositoryController *m_repository;
    CompanionsController *m_workspace;
    RecipeActions *m_recipes;
    QAction *m_companions, *m_pytorch;
    QFutureWatcher<QStringList> m_writing;
    bool m_pytorchSide = false;
};

} // namespace vs
