#pragma once

#include <QMainWindow>

#include <memory>

class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;
class QSplitter;
class QToolButton;

namespace vs {

class BranchList;
class BuildController;
class FarmController;
class CompanionsController;
class CompanionRecipeActions;
class CompanionsDock;
class BranchListModel;
class HardwareController;
class HardwareDock;
class Legend;
class MatrixController;
class MatrixModel;
class MatrixView;
class PreviewController;
class RecipeActions;
class RecipePreview;
class RepositoryController;
class SliceSelector;
class EditController;
class ReadmeController;
class WindowLayout;
class Workspace;

// Wires models to views; computes nothing itself.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // A folder argument opens it (more folders join the workspace as companion
    // repositories); without one the last repository reopens.
    void openFromArguments(const QStringList &arguments);
    void openRepository(const QString &folder);
    void startHardwareProbe();
    // Shows a message above the grid (objectName "messageBanner"); empty hides it.
    void showBanner(const QString &text);
    QString bannerText() const;

    MatrixModel *matrixModel() const;
    MatrixController *matrix() const { return m_matrix; }
    RepositoryController *repository() const { return m_repository; }
    RecipeActions *recipeActions() const { return m_actions; }
    EditController *edits() const { return m_edits; }
    ReadmeController *readmes() const { return m_readmes; }
    HardwareController *hardware() const { return m_hardware; }
    BuildController *builds() const { return m_builds; }
    FarmController *farm() const { return m_farm; }
    CompanionsController *companions() const { return m_companions; }
    CompanionsDock *companionsDock() const { return m_companionsDock; }
    CompanionRecipeActions *companionRecipes() const { return m_companionRecipes; }
    Workspace *workspace() const { return m_workspace; }
    BranchListModel *branchModel() const { return m_branchModel; }
    MatrixView *matrixView() const { return m_view; }
    RecipePreview *preview() const { return m_preview; }
    BranchList *branchList() const { return m_branches; }
    HardwareDock *hardwareDock() const { return m_hardwareDock; }
    QDockWidget *branchDock() const { return m_branchDock; }
    QSplitter *splitter() const { return m_split; } // the grid | the preview
    // Remembers the pane sizes for the next start (done when the window closes).
    void saveLayout() const;
    // Shows one branch of the shown repository in the grid.
    void showBranch(const QString &name);
    // For a termination signal: stop every build's process group (recorded as
    // cancelled) and close without asking.
    void quitNow();

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildLayout();
    void buildStatusBar();
    void buildMenus();
    void wireRepository();
    void showRepository(); // the workspace's shown repository: its catalogue, branches, a branch
    void chooseAndOpen();
    void chooseCompanion();
    void createRepository();
    void fillRecentMenu();
    void showCellMenu(const QPoint &globalPos);

    MatrixView *m_view = nullptr;
    SliceSelector *m_selector = nullptr;
    Legend *m_legend = nullptr;
    QLabel *m_banner = nullptr;
    QLabel *m_hint = nullptr;
    QLabel *m_counts = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancel = nullptr;
    BranchList *m_branches = nullptr;
    QDockWidget *m_branchDock = nullptr;
    QSplitter *m_split = nullptr;
    BranchListModel *m_branchModel = nullptr;
    RecipePreview *m_preview = nullptr;
    HardwareDock *m_hardwareDock = nullptr;
    FarmController *m_farm = nullptr;
    BuildController *m_builds = nullptr;
    CompanionsDock *m_companionsDock = nullptr;
    CompanionsController *m_companions = nullptr;
    CompanionRecipeActions *m_companionRecipes = nullptr;
    Workspace *m_workspace = nullptr;
    QMenu *m_recentMenu = nullptr;
    MatrixController *m_matrix = nullptr;
    RepositoryController *m_repository = nullptr;
    PreviewController *m_previewController = nullptr;
    RecipeActions *m_actions = nullptr;
    EditController *m_edits = nullptr;
    ReadmeController *m_readmes = nullptr;
    HardwareController *m_hardware = nullptr;
    std::unique_ptr<WindowLayout> m_layout;
    bool m_layoutRestored = false;
    bool m_shownOnce = false;
    bool m_quitWithoutAsking = false;
};

} // namespace vs
