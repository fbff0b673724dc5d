#pragma once

#include "builds/BuildJob.h"

#include <QHash>
#include <QModelIndexList>
#include <QObject>
#include <QSet>

class QAction;
class QDockWidget;
class QMainWindow;

namespace vs {

class BuildHistory;
class BuildLogView;
class BuildNotifier;
class BuildQueue;
class JobLogFollower;
class LogModel;
class MatrixController;
class QueueView;
class Workspace;

// Wires builds into the window: Build / Cancel / Publish actions on the selected
// cells of the shown repository, the log and queue docks, the per-repository
// history and the grid colours. A companion cell builds with its PyTorch: when
// that is not built, its build in the PyTorch repository is queued first.
class BuildController : public QObject {
    Q_OBJECT
public:
    BuildController(QMainWindow *window, MatrixController *matrix, Workspace *workspace);
    ~BuildController() override;

    QAction *buildAction() const { return m_build; }
    QAction *cancelAction() const { return m_cancel; }
    QAction *publishAction() const { return m_publish; }
    QList<QAction *> actions() const;
    QDockWidget *logDock() const { return m_logDock; }
    QDockWidget *queueDock() const { return m_queueDock; }
    BuildQueue *queue() const { return m_queue; }
    BuildHistory *history() const { return m_history; } // the open repository's
    // The history of a repository of the workspace (made when first needed).
    BuildHistory *historyOf(const QString &root);

    // Queues a build of every selected, defined cell; returns how many.
    int buildSelected();
    // Queues a build of every recipe of the shown branch, in every slice (on the
    // farm, as many at once as it has slots); returns how many.
    int buildBranch();
    // Every recipe in the current cell's row (Qt::Horizontal) or column of the shown slice.
    int buildLine(Qt::Orientation orientation);
    bool hasRunningBuilds() const;
    // Ends every build (used when quitting): no orphan processes remain.
    void stopAll();

signals:
    void message(const QString &text);

private:
    void repositoryChanged();
    void recolour();
    void showJob(const BuildJob &job);
    void publishSelected();
    void cancelSelected();
    int buildCells(const QModelIndexList &cells, bool reportUndefined);
    int queueVariants(const QStringList &variants); // skips those already queued or building
    // A companion cell after its PyTorch (CompanionBuildPlan); false and why when not queued.
    bool queueWithPytorch(const QString &variant, BuildBackend backend, QString *why);
    void watch(BuildHistory *history);

    QMainWindow *m_window;
    MatrixController *m_matrix;
    Workspace *m_workspace;
    BuildQueue *m_queue;
    BuildHistory *m_history = nullptr;
    QHash<QString, BuildHistory *> m_companionHistories; // by repository root
    LogModel *m_log;
    JobLogFollower *m_follower;
    BuildLogView *m_logView;
    QueueView *m_queueView;
    BuildNotifier *m_notifier;
    QDockWidget *m_logDock;
    QDockWidget *m_queueDock;
    QAction *m_build;
    QAction *m_buildBranch;
    QAction *m_buildRow;
    QAction *m_buildColumn;
    QAction *m_cancel;
    QAction *m_publish;
    QSet<QString> m_resolving; // branch '\n' variant: its features are being read, then it is queued
};

} // namespace vs
