#include "BuildController.h"

#include "BuildLogView.h"
#include "BuildNotifier.h"
#include "JobLogFollower.h"
#include "MatrixController.h"
#include "PublishController.h"
#include "PublishDialog.h"
#include "QueueView.h"
#include "RepositoryController.h"
#include "Workspace.h"
#include "builds/BuildHistory.h"
#include "builds/BuildQueue.h"
#include "builds/BuildSettings.h"
#include "builds/RecipeFeatures.h"
#include "companions/CompanionBuildPlan.h"
#include "itemmodels/BuildStates.h"
#include "itemmodels/LogModel.h"
#include "itemmodels/MatrixModel.h"
#include "settings/AppSettings.h"
#include "variants/RecipePaths.h"

#include <QAction>
#include <QDockWidget>
#include <QFutureWatcher>
#include <QMainWindow>
#include <QtConcurrent/QtConcurrentRun>

namespace vs {

BuildController::BuildController(QMainWindow *window, MatrixController *matrix, Workspace *workspace)
    : QObject(window)
    , m_window(window)
    , m_matrix(matrix)
    , m_workspace(workspace)
    , m_queue(new BuildQueue(BuildSettings::load(), this))
    , m_log(new LogModel(this))
    , m_follower(new JobLogFollower(m_queue, m_log, this))
    , m_logView(new BuildLogView)
    , m_queueView(new QueueView(m_queue))
    , m_notifier(new BuildNotifier(window))
{
    m_logView->setLogModel(m_log);
    m_logDock = new QDockWidget(tr("Build Output"), window);
    m_logDock->setObjectName(QStringLiteral("buildLogDock"));
    m_logDock->setWidget(m_logView);
    m_queueDock = new QDockWidget(tr("Build Queue"), window);
    m_queueDock->setObjectName(QStringLiteral("buildQueueDock"));
    m_queueDock->setWidget(m_queueView);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_queueDock);
    window->tabifyDockWidget(m_logDock, m_queueDock);
    m_logDock->raise();

    m_build = new QAction(tr("&Build"), this);
    m_build->setObjectName(QStringLiteral("buildAction"));
    m_build->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    m_build->setToolTip(tr("Build the selected cells (double-click a cell does the same)"));
    m_buildBranch = new QAction(tr("Build Whole B&ranch"), this);
    m_buildBranch->setObjectName(QStringLiteral("buildBranchAction"));
    m_buildBranch->setToolTip(tr("Build every recipe of the shown branch (on the build farm when it has builders)"));
    m_buildRow = new QAction(tr("Build R&ow"), this);
    m_buildRow->setObjectName(QStringLiteral("buildRowAction"));
    m_buildRow->setToolTip(tr("Build every recipe in the current cell's row (its GPU architecture) of the shown slice"));
    m_buildColumn = new QAction(tr("Build Co&lumn"), this);
    m_buildColumn->setObjectName(QStringLiteral("buildColumnAction"));
    m_buildColumn->setToolTip(tr("Build every recipe in the current cell's column (its CPU ISA) of the shown slice"));
    m_cancel = new QAction(tr("&Cancel Build"), this);
    m_cancel->setObjectName(QStringLiteral("cancelBuildAction"));
    m_publish = new QAction(tr("&Publish…"), this);
    m_publish->setObjectName(QStringLiteral("publishAction"));
    m_publish->setToolTip(tr("Publish the selected built cell to a Flox organisation"));
    connect(m_build, &QAction::triggered, this, [this] { buildSelected(); });
    connect(m_buildBranch, &QAction::triggered, this, [this] { buildBranch(); });
    connect(m_buildRow, &QAction::triggered, this, [this] { buildLine(Qt::Horizontal); });
    connect(m_buildColumn, &QAction::triggered, this, [this] { buildLine(Qt::Vertical); });
    connect(m_cancel, &QAction::triggered, this, &BuildController::cancelSelected);
    connect(m_publish, &QAction::triggered, this, &BuildController::publishSelected);

    // The log dock follows the job that started last.
    connect(m_follower, &JobLogFollower::jobChanged, m_logView, &BuildLogView::setJob);
    connect(m_queue, &BuildQueue::jobChanged, this, &BuildController::recolour);
    connect(m_queue, &BuildQueue::jobStarted, this, &BuildController::showJob);
    connect(m_queue, &BuildQueue::jobFinished, this, [this](const BuildJob &job) {
        m_notifier->notifyFinished(job);
        if (job.error == BuildError::DependencyFailed)
            emit message(tr("%1: %2").arg(job.title(), job.message)); // names the failed build's log
        recolour();
    });
    connect(m_queue, &BuildQueue::jobAdded, this, &BuildController::recolour);
    connect(m_queue, &BuildQueue::jobRemoved, this, &BuildController::recolour);
    connect(m_workspace->primary(), &RepositoryController::scanFinished, this, &BuildController::repositoryChanged);
    connect(m_workspace, &Workspace::shownChanged, this, &BuildController::recolour);
}

BuildController::~BuildController()
{
    stopAll();
}

QList<QAction *> BuildController::actions() const
{
    return { m_build, m_buildRow, m_buildColumn, m_buildBranch, m_cancel, m_publish };
}

void BuildController::repositoryChanged()
{
    const QString root = m_workspace->primary()->root();
    if (m_history && m_history->repoRoot() == root) {
        recolour();
        return;
    }
    if (m_queue->isIdle()) {
        delete m_history;
        m_history = root.isEmpty() ? nullptr : new BuildHistory(root, m_queue->settings().historyDirectory(), this);
        if (m_history)
            watch(m_history);
        m_queue->setHistory(m_history);
    }
    recolour();
}

void BuildController::watch(BuildHistory *history)
{
    if (!history->reload())
        emit message(tr("Build history: %1").arg(history->lastError()));
    connect(history, &BuildHistory::changed, this, &BuildController::recolour);
    connect(history, &BuildHistory::recordFailed, this,
        [this](const QString &error) { emit message(tr("A build could not be recorded in the history: %1").arg(error)); });
    connect(history, &BuildHistory::warning, this, [this](const QString &text) { emit message(tr("Build history: %1").arg(text)); });
}

BuildHistory *BuildController::historyOf(const QString &root)
{
    if (root.isEmpty() || (m_history && m_history->repoRoot() == root))
        return m_history;
    BuildHistory *&history = m_companionHistories[root];
    if (!history) {
        history = new BuildHistory(root, m_queue->settings().historyDirectory(), this);
        watch(history);
        m_queue->addHistory(history); // a companion's builds are recorded in its own repository's history
    }
    return history;
}

void BuildController::recolour()
{
    const QString root = m_workspace->root();
    m_matrix->model()->setBuildStates(BuildStates::forMatrix(historyOf(root), m_queue, root));
}

void BuildController::showJob(const BuildJob &job)
{
    m_follower->follow(job);
    m_logDock->raise();
}

int BuildController::buildSelected()
{
    return buildCells(m_matrix->selectedCells(), true);
}

int BuildController::buildBranch()
{
    // Every recipe of the branch, in every package / Python / CUDA slice, not only the shown one.
    const QString branch = m_matrix->model()->branch();
    QStringList variants;
    if (const BranchScan *scanned = m_workspace->scan().branch(branch))
        for (const RecipeFile &r : scanned->recipes)
            if (r.variant && r.parseError.isEmpty() && !r.symlink && !r.unreadable && r.state != RecipeFile::State::Deleted)
                variants << RecipePaths::packageNameOf(r.path);
    const int queued = queueVariants(variants);
    if (queued > 0)
        emit message(tr("Queued %n build(s) of branch %1.", nullptr, queued).arg(branch));
    else
        emit message(tr("Nothing to build: branch %1 has no recipe that is not already queued.").arg(branch));
    return queued;
}

int BuildController::buildLine(Qt::Orientation orientation)
{
    const QModelIndexList selected = m_matrix->selectedCells();
    if (selected.isEmpty()) {
        emit message(tr("Select a cell first: its row or column is built."));
        return 0;
    }
    const MatrixModel *model = m_matrix->model();
    const QModelIndex at = selected.first();
    QModelIndexList cells;
    const int count = orientation == Qt::Horizontal ? model->columnCount() : model->rowCount();
    for (int i = 0; i < count; ++i) {
        const QModelIndex cell = orientation == Qt::Horizontal ? model->index(at.row(), i) : model->index(i, at.column());
        if (!cell.data(MatrixModel::FilePathRole).toString().isEmpty())
            cells << cell;
    }
    const int queued = buildCells(cells, false);
    emit message(tr("Queued %n build(s).", nullptr, queued));
    return queued;
}

int BuildController::buildCells(const QModelIndexList &cells, bool reportUndefined)
{
    QStringList notDefined;
    QStringList variants;
    for (const QModelIndex &cell : cells) {
        const QString variant = cell.data(MatrixModel::VariantNameRole).toString();
        const QString file = cell.data(MatrixModel::FilePathRole).toString();
        if (variant.isEmpty())
            continue;
        if (file.isEmpty())
            notDefined << variant;
        else
            variants << RecipePaths::packageNameOf(file);
    }
    const int queued = queueVariants(variants);
    if (!reportUndefined || m_workspace->root().isEmpty())
        return queued;
    if (!notDefined.isEmpty())
        emit message(tr("Not built: %1 has no recipe on this branch yet. Generate it first.").arg(notDefined.join(QStringLiteral(", "))));
    else if (queued == 0 && variants.isEmpty()) // a refused companion said why already
        emit message(tr("Select a cell with a recipe to build it."));
    return queued;
}

int BuildController::queueVariants(const QStringList &variants)
{
    const QString root = m_workspace->root();
    if (root.isEmpty()) {
        emit message(tr("Open a build repository first: builds run in its folder."));
        return 0;
    }
    const AppSettings settings;
    m_queue->setSettings(BuildSettings::load());
    const QString branch = m_matrix->model()->branch();
    const BuildBackend backend = backendFromString(settings.buildBackend()).value_or(BuildBackend::Flox); // unknown: the default
    int queued = 0;
    QStringList refused;
    QList<BuildJob> jobs;
    for (const QString &variant : variants) {
        if (m_queue->activeJobFor(branch, variant) || m_resolving.contains(branch + QLatin1Char('\n') + variant))
            continue; // already queued or building
        QString why;
        if (m_workspace->showsCompanion()) {
            if (queueWithPytorch(variant, backend, &why))
                ++queued;
            else
                refused << why;
            continue;
        }
        BuildJob job;
        job.repoRoot = root;
        job.branch = branch;
        job.variant = variant;
        job.backend = backend;
        jobs << job;
    }
    if (!refused.isEmpty())
        emit message(refused.join(QLatin1Char('\n')));
    queued += int(jobs.size());
    if (!m_queue->settings().usesFarm()) {
        for (const BuildJob &job : std::as_const(jobs))
            m_queue->enqueue(job);
        return queued;
    }
    // On a farm a job counts only the builders that fit its recipe: its features are read
    // first (git, off the UI thread), then it is queued; meanwhile it counts as queued here.
    for (const BuildJob &job : std::as_const(jobs))
        m_resolving.insert(job.branch + QLatin1Char('\n') + job.variant);
    auto *watcher = new QFutureWatcher<QList<BuildJob>>(this);
    connect(watcher, &QFutureWatcher<QList<BuildJob>>::finished, this, [this, watcher] {
        for (const BuildJob &job : watcher->result()) {
            m_resolving.remove(job.branch + QLatin1Char('\n') + job.variant);
            m_queue->enqueue(job);
        }
        watcher->deleteLater();
    });
    const QString git = m_queue->settings().gitProgram;
    watcher->setFuture(QtConcurrent::run([jobs, git]() mutable {
        RecipeFeatures::fill(jobs, git);
        return jobs;
    }));
    return queued;
}

bool BuildController::queueWithPytorch(const QString &variant, BuildBackend backend, QString *why)
{
    const QString branch = m_matrix->model()->branch();
    const CompanionOverlay *overlay = m_matrix->model()->overlayOf(branch, variant);
    if (!overlay) {
        *why = tr("Not built: %1 is not matched with its PyTorch yet (the companion analysis is still running).").arg(variant);
        return false;
    }
    CompanionEntry entry = overlay->entry;
    if (!entry.pytorchRecipe.isEmpty() && m_history) // the history knows builds finished since the analysis
        entry.status = CompanionMatch::statusOf(m_history->cell(entry.pytorchBranch, entry.pytorchVariant));
    historyOf(m_workspace->root()); // its run goes into its own repository's history
    const QString pytorchRoot = m_workspace->primary()->root(), companionRoot = m_workspace->root();
    if (entry.pytorchRecipe.isEmpty() || !m_queue->settings().usesFarm()) {
        const CompanionBuildPlan::Queued q = CompanionBuildPlan::enqueue(*m_queue, entry, pytorchRoot, companionRoot, backend);
        *why = q.error;
        return q.companionJob != 0;
    }
    // On a farm, as for any build: both recipes' features first (git, off the UI
    // thread), then both jobs; meanwhile the companion counts as queued here.
    const QString key = entry.branch + QLatin1Char('\n') + entry.variant;
    m_resolving.insert(key);
    auto *watcher = new QFutureWatcher<CompanionBuildPlan::Features>(this);
    connect(watcher, &QFutureWatcher<CompanionBuildPlan::Features>::finished, this,
        [this, watcher, key, entry, pytorchRoot, companionRoot, backend] {
            m_resolving.remove(key);
            const CompanionBuildPlan::Queued q
                = CompanionBuildPlan::enqueue(*m_queue, entry, pytorchRoot, companionRoot, backend, watcher->result());
            if (q.companionJob == 0)
                emit message(q.error);
            watcher->deleteLater();
        });
    const QString git = m_queue->settings().gitProgram;
    watcher->setFuture(QtConcurrent::run(
        [entry, pytorchRoot, companionRoot, git] { return CompanionBuildPlan::features(entry, pytorchRoot, companionRoot, git); }));
    return true;
}

void BuildController::cancelSelected()
{
    for (const QModelIndex &cell : m_matrix->selectedCells()) {
        const auto job = m_queue->activeJobFor(m_matrix->model()->branch(), cell.data(MatrixModel::VariantNameRole).toString());
        if (job)
            m_queue->cancel(job->id);
    }
}

void BuildController::publishSelected()
{
    const QModelIndexList cells = m_matrix->selectedCells();
    BuildHistory *history = historyOf(m_workspace->root());
    if (cells.isEmpty() || m_workspace->root().isEmpty() || !history) {
        emit message(tr("Select a built cell of an open repository to publish it."));
        return;
    }
    const QString variant = cells.first().data(MatrixModel::VariantNameRole).toString();
    PublishController publishing(m_queue, history, m_workspace->root(), m_matrix->model()->branch(), variant);
    PublishDialog dialog(variant, m_matrix->model()->branch(), m_window);
    publishing.attach(&dialog);
    publishing.recheck();
    dialog.exec();
}

bool BuildController::hasRunningBuilds() const
{
    return !m_queue->isIdle();
}

void BuildController::stopAll()
{
    m_queue->cancelAll();
}

} // namespace vs
