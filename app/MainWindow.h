#pragma once

#include <QMainWindow>

class QLabel;

namespace vs {

class MatrixController;
class MatrixModel;
class MatrixView;
class SliceSelector;
class Legend;
class BranchList;
class RecipePreview;

// Wires models to views; computes nothing itself.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    MatrixModel *matrixModel() const;
    MatrixView *matrixView() const { return m_view; }
    RecipePreview *preview() const { return m_preview; }
    BranchList *branchList() const { return m_branches; }
    // Shows a message above the grid (objectName "messageBanner"); empty hides it.
    void showBanner(const QString &text);

private:
    void buildMenus();

    MatrixView *m_view = nullptr;
    SliceSelector *m_selector = nullptr;
    Legend *m_legend = nullptr;
    BranchList *m_branches = nullptr;
    RecipePreview *m_preview = nullptr;
    QLabel *m_banner = nullptr;
    QLabel *m_counts = nullptr;
    MatrixController *m_matrix = nullptr;
};

} // namespace vs
