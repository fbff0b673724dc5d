#pragma once

#include <QObject>

namespace vs {

class MatrixController;
class RecipePreview;
class Workspace;

// Fills the recipe preview from the selected cell: the branch's recipe (with its
// drift from the template) or the recipe Generate would write.
class PreviewController : public QObject {
    Q_OBJECT
public:
    PreviewController(MatrixController *matrix, Workspace *workspace, RecipePreview *preview, QObject *parent = nullptr);
    void refresh();

private:
    MatrixController *m_matrix;
    Workspace *m_repository; // the shown repository of the workspace
    RecipePreview *m_preview;
};

} // namespace vs
