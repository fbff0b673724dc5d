#include "MainWindow.h"

#include "BranchList.h"
#include "BuildController.h"
#include "CompanionRecipeActions.h"
#include "CompanionsController.h"
#include "CompanionsDock.h"
#include "EditController.h"
#include "FarmController.h"
#include "HardwareController.h"
#include "HardwareDock.h"
#include "Legend.h"
#include "MatrixController.h"
#include "MatrixView.h"
#include "PreviewController.h"
#include "ReadmeController.h"
#include "RecipeActions.h"
#include "RecipePreview.h"
#include "RepositoryController.h"
#include "ScanAdapter.h"
#include "SliceSelector.h"
#include "WindowLayout.h"
#include "Workspace.h"
#include "itemmodels/BranchListModel.h"
#include "itemmodels/MatrixModel.h"
#include "repository/NewRepository.h"
#include "settings/AppSettings.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace vs {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Variant Studio"));
    setAcceptDrops(true);
    buildLayout();
    buildStatusBar();
    m_matrix = new MatrixController(m_view, m_selector, m_counts, this);
    m_repository = new RepositoryController(this);
    m_companionsDock = new CompanionsDock(this);
    m_companions = new CompanionsController(m_repository, m_companionsDock, this);
    m_workspace = new Workspace(m_repository, m_companions, m_matrix->model(), this);
    m_previewController = new PreviewController(m_matrix, m_workspace, m_preview, this);
    m_actions = new RecipeActions(m_matrix, m_workspace, this);
    m_edits = new EditController(m_repository, this, this);
    m_readmes = new ReadmeController(m_repository, this, this);
    m_hardware = new HardwareController(m_matrix, m_hardwareDock, this);
    m_builds = new BuildController(this, m_matrix, m_workspace);
    m_farm = new FarmController(this, m_builds->queue());
    addDockWidget(Qt::BottomDockWidgetArea, m_farm->dock());
    tabifyDockWidget(m_builds->queueDock(), m_farm->dock());
    // Opened from Build › Build Farm Dock: a farm is set up once, and the grid keeps its room meanwhile.
    m_farm->dock()->hide();
    m_builds->logDock()->raise();
    addDockWidget(Qt::BottomDockWidgetArea, m_companionsDock);
    m_companionsDock->hide(); // until a companion repository joins the workspace
    m_companionRecipes = new CompanionRecipeActions(m_matrix, m_repository, m_companions, m_actions);
    buildMenus();
    wireRepository();
    showBanner(tr("No repository open: this is the catalogue's plan. Open a build repository (File › Open…, or drop a folder here) "
                  "or create one with File › New Build Repository…"));
    resize(1400, 860);
    // Defaults: the docks start compact, the grid and the preview get the room.
    resizeDocks({ m_branchDock }, { 230 }, Qt::Horizontal);
    resizeDocks({ m_branchDock, m_hardwareDock }, { 330, 270 }, Qt::Vertical);
    resizeDocks({ m_builds->logDock() }, { 130 }, Qt::Vertical);
    m_layoutRestored = m_layout->restore();
}

MainWindow::~MainWindow() = default;

void MainWindow::saveLayout() const
{
    m_layout->save();
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    // The split needs the real widths: known once the window is laid out for showing.
    if (!m_shownOnce && !m_layoutRestored)
        m_layout->shareSplit(m_preview->readerWidth(), m_view->allColumnsWidth() + 8);

    m_shownOnce = true;
}

void MainWindow::buildLayout()
{
    auto *center = new QWidget(this);
    auto *column = new QVBoxLayout(center);
    column->setContentsMargins(4, 4, 4, 4);
    m_selector = new SliceSelector(center);
    m_banner = new QLabel(center);
    m_banner->setObjectName(QStringLiteral("messageBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setMargin(6);
    m_banner->setMinimumWidth(1); // a long path in it must not widen the column
    m_banner->hide();
    m_view = new MatrixView(center);
    m_legend = new Legend(center);
    // The banner sits below the grid, in the room the grid leaves free: showing it never moves the grid.
    column->addWidget(m_selector);
    column->addWidget(m_view);
    column->addWidget(m_legend);
    column->addWidget(m_banner);
    column->addStretch(1);

    m_branchModel = new BranchListModel(this);
    m_branches = new BranchList(this);
    m_branches->setModel(m_branchModel);
    m_preview = new RecipePreview(this);
    m_split = new QSplitter(Qt::Horizontal, this);
    m_split->setObjectName(QStringLiteral("mainSplitter"));
    m_split->setChildrenCollapsible(false);
    m_split->addWidget(center);
    m_split->addWidget(m_preview);
    m_split->setStretchFactor(0, 1);
    m_split->setStretchFactor(1, 1);
    setCentralWidget(m_split);

    // The left column, docked: a hint while no repository is open, then the branches; below, this machine.
    auto *left = new QWidget(this);
    auto *leftColumn = new QVBoxLayout(left);
    leftColumn->setContentsMargins(4, 0, 0, 0);
    m_hint = new QLabel(tr("Open a build repository to see its matrix."), left);
    m_hint->setObjectName(QStringLiteral("noRepositoryHint"));
    m_hint->setWordWrap(true);
    leftColumn->addWidget(m_hint);
    leftColumn->addWidget(m_branches, 1);
    m_branchDock = new QDockWidget(tr("Branches"), this);
    m_branchDock->setObjectName(QStringLiteral("branchDock"));
    m_branchDock->setWidget(left);
    m_hardwareDock = new HardwareDock(this);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    addDockWidget(Qt::LeftDockWidgetArea, m_branchDock);
    addDockWidget(Qt::LeftDockWidgetArea, m_hardwareDock);
    m_layout = std::make_unique<WindowLayout>(this, m_split);
}

void MainWindow::buildStatusBar()
{
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("statusCounts"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("scanProgress"));
    m_progress->setMaximumWidth(220);
    m_progress->setFormat(tr("Scanning %p%"));
    m_progress->hide();
    m_cancel = new QToolButton(this);
    m_cancel->setObjectName(QStringLiteral("cancelScan"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop scanning the repository"));
    m_cancel->hide();
    statusBar()->addWidget(m_counts, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open Repository…"), QKeySequence::Open, this, &MainWindow::chooseAndOpen);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    QAction *create = file->addAction(tr("&New Build Repository…"), QKeySequence::New, this, &MainWindow::createRepository);
    create->setObjectName(QStringLiteral("newRepositoryAction"));
    QAction *addCompanion = file->addAction(tr("&Add Repository to Workspace…"), this, &MainWindow::chooseCompanion);
    addCompanion->setObjectName(QStringLiteral("addToWorkspaceAction"));
    addCompanion->setToolTip(tr("Add a TorchVision or TorchAudio build repository next to the open PyTorch repository"));
    QAction *rescan = file->addAction(tr("Re&scan"), QKeySequence::Refresh, m_workspace, &Workspace::rescan);
    rescan->setObjectName(QStringLiteral("rescanAction"));
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);

    QMenu *recipe = menuBar()->addMenu(tr("&Recipe"));
    recipe->addActions(m_actions->actions());
    recipe->addActions(m_companionRecipes->actions());
    recipe->addSeparator();
    recipe->addAction(m_edits->action());
    recipe->addAction(m_edits->undoAction());
    recipe->addAction(m_readmes->action());
    QMenu *build = menuBar()->addMenu(tr("&Build"));
    build->addActions(m_builds->actions());
    build->addSeparator();
    QAction *farm = m_farm->dock()->toggleViewAction();
    farm->setText(tr("Build &Farm Dock"));
    farm->setObjectName(QStringLiteral("buildFarmAction"));
    build->addAction(farm);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_branchDock->toggleViewAction());
    view->addAction(m_hardwareDock->toggleViewAction());
    view->addAction(m_builds->logDock()->toggleViewAction());
    view->addAction(m_builds->queueDock()->toggleViewAction());
    view->addAction(m_companionsDock->toggleViewAction());
    QAction *goToMine = view->addAction(tr("&Go to My Cell"), m_hardware, &HardwareController::goToMyCell);
    goToMine->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    menuBar()->addMenu(tr("&Settings"))->addAction(m_farm->settingsAction());

    QToolBar *tools = addToolBar(tr("Main"));
    tools->setObjectName(QStringLiteral("mainToolBar"));
    tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
    tools->addAction(m_builds->buildAction());
    tools->addAction(m_builds->publishAction());
    tools->addAction(m_actions->generateAction());
    tools->addAction(m_actions->copyBuildAction());
    tools->addAction(goToMine);
    // The actions also work from the grid's keyboard focus.
    m_view->addActions(m_actions->actions());
    m_view->addActions(m_builds->actions());
}

void MainWindow::wireRepository()
{
    connect(m_repository, &RepositoryController::scanStarted, this, [this](const QString &folder) {
        m_progress->setRange(0, 0); // busy until the first count arrives
        m_progress->show();
        m_cancel->show();
        statusBar()->showMessage(tr("Scanning %1…").arg(QDir::toNativeSeparators(folder)));
    });
    connect(m_repository, &RepositoryController::progress, this, [this](int done, int total) {
        m_progress->setRange(0, qMax(1, total));
        m_progress->setValue(done);
    });
    auto idle = [this] {
        m_progress->hide();
        m_cancel->hide();
        statusBar()->clearMessage();
    };
    connect(m_repository, &RepositoryController::scanFinished, this, idle);
    connect(m_workspace, &Workspace::shownChanged, this, &MainWindow::showRepository);
    connect(m_repository, &RepositoryController::scanFailed, this, [this, idle](const QString &folder, const QString &message) {
        idle();
        showBanner(tr("Cannot open %1: %2").arg(QDir::toNativeSeparators(folder), message));
    });
    connect(m_repository, &RepositoryController::scanCancelled, this, [this, idle] {
        idle();
        showBanner(tr("Scan cancelled."));
    });
    connect(m_cancel, &QToolButton::clicked, m_repository, &RepositoryController::cancel);
    connect(m_actions, &RecipeActions::message, this, &MainWindow::showBanner);
    connect(m_companionRecipes, &CompanionRecipeActions::message, this, &MainWindow::showBanner);
    connect(m_edits, &EditController::message, this, &MainWindow::showBanner);
    connect(m_readmes, &ReadmeController::message, this, &MainWindow::showBanner);
    connect(m_builds, &BuildController::message, this, &MainWindow::showBanner);
    // One click builds: double-click or Enter on a cell.
    connect(m_view, &MatrixView::cellActivated, m_builds, [this] { m_builds->buildSelected(); });
    connect(m_branches->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex &i) { showBranch(i.data(BranchListModel::NameRole).toString()); });
    connect(m_view, &MatrixView::contextMenuRequestedAt, this, [this](const QModelIndex &, const QPoint &pos) { showCellMenu(pos); });
}

void MainWindow::openFromArguments(const QStringList &arguments)
{
    QStringList folders;
    for (const QString &a : arguments.mid(1))
        if (!a.startsWith(QLatin1Char('-')))
            folders << a;
    if (!folders.isEmpty()) {
        openRepository(folders.takeFirst());
        for (const QString &f : std::as_const(folders))
            m_companions->add(f); // analysed once the PyTorch repository's scan is in
        return;
    }
    const QString last = AppSettings().lastRepository();
    if (!last.isEmpty() && QFileInfo(last).isDir())
        openRepository(last);
}

void MainWindow::openRepository(const QString &folder)
{
    // The grid keeps showing what it has (the plan at first) while the scan runs.
    m_repository->open(folder);
}

void MainWindow::chooseCompanion()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Add Repository to Workspace"), m_repository->root());
    if (!folder.isEmpty())
        m_companions->add(folder);
}

void MainWindow::startHardwareProbe()
{
    m_hardware->start();
}

void MainWindow::showRepository()
{
    const RepositoryScan &scan = m_workspace->scan();
    m_legend->setCompanionEntries(m_workspace->showsCompanion());
    m_matrix->model()->setCatalog(scan.catalog);
    m_branchModel->setBranches(ScanAdapter::branchSummaries(scan));
    m_hint->hide();
    setWindowTitle(tr("%1 — Variant Studio").arg(QDir::toNativeSeparators(scan.root)));
    if (scan.branches.isEmpty()) {
        showBanner(tr("%1 has no branches with commits yet. Generate recipes after the first commit.").arg(scan.root));
        m_matrix->model()->setBranch({}, {});
        return;
    }
    showBanner({});
    const QString branch = m_workspace->branchToShow();
    // Selecting the row shows the branch through currentChanged.
    const QModelIndex row = m_branchModel->index(m_branchModel->rowOf(branch), 0);
    if (m_branches->currentIndex() == row)
        showBranch(branch);
    else
        m_branches->setCurrentIndex(row);
}

void MainWindow::showBranch(const QString &name)
{
    if (name.isEmpty() || !m_workspace->scan().branch(name))
        return;
    m_workspace->remember(name);
    m_matrix->model()->setBranch(name, ScanAdapter::matrixRecipes(m_workspace->scan(), name));
    m_hardware->refresh();
}

void MainWindow::showBanner(const QString &text)
{
    m_banner->setText(text);
    m_banner->setVisible(!text.isEmpty());
}

QString MainWindow::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

MatrixModel *MainWindow::matrixModel() const
{
    return m_matrix->model();
}

void MainWindow::chooseAndOpen()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Build Repository"), m_repository->root());
    if (!folder.isEmpty())
        openRepository(folder);
}

void MainWindow::createRepository()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("New Build Repository: Choose an Empty Folder"));
    if (folder.isEmpty())
        return;
    const NewRepository::Result result = NewRepository::create(folder);
    if (!result.ok()) {
        QMessageBox::warning(this, tr("New Build Repository"), result.error);
        return;
    }
    openRepository(result.root);
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = AppSettings().recentRepositories();
    for (const QString &path : recent)
        m_recentMenu->addAction(QDir::toNativeSeparators(path), this, [this, path] { openRepository(path); });
    if (recent.isEmpty())
        m_recentMenu->addAction(tr("(none yet)"))->setEnabled(false);
}

void MainWindow::showCellMenu(const QPoint &globalPos)
{
    QMenu menu(this);
    menu.addActions(m_builds->actions());
    menu.addSeparator();
    menu.addActions(m_actions->actions());
    menu.addAction(m_companionRecipes->generateCompanionsAction());
    menu.exec(globalPos);
}

void MainWindow::quitNow()
{
    m_quitWithoutAsking = true;
    close();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_quitWithoutAsking && m_builds->hasRunningBuilds()
        && QMessageBox::question(this, tr("Quit Variant Studio"), tr("Builds are still running or queued. Quit and stop them?"),
               QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
            != QMessageBox::Yes) {
        event->ignore();
        return;
    }
    m_builds->stopAll();
    saveLayout();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile() && QFileInfo(urls.first().toLocalFile()).isDir())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile()) {
        event->acceptProposedAction();
        openRepository(urls.first().toLocalFile());
    }
}

} // namespace vs
