#pragma once

#include <QObject>

namespace vs {

class MatrixController;
class RecipePreview;
class RepositoryController;

// Fills the recipe preview from the selected cell: the branch's recipe (with its
// drift from the template) or the recipe Generate would write.
class PreviewController : public QObject {
    Q_OBJECT
public:
    PreviewController(MatrixController *matrix, RepositoryController *repository, RecipePreview *preview, QObject *parent = nullptr);
    void refresh();

private:
    MatrixController *m_matrix;
    RepositoryController *m_repository;
    RecipePreview *m_preview;
};

} // namespace vs
