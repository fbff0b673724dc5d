#pragma once

#include "itemmodels/CompanionTableModel.h"
#include "repository/RepositoryScan.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

namespace vs {

class CompanionsDock;
class RepositoryController;

// The workspace's companion repositories (TorchVision, TorchAudio) next to the
// open PyTorch repository: scans them, pairs branches, finds partner recipes and
// their statuses, and evaluates shared builds, all off the UI thread; again
// whenever the PyTorch repository is rescanned. Shows the result in the dock.
// The workspace is remembered with the PyTorch repository (AppSettings) and
// comes back when that repository is opened again.
class CompanionsController : public QObject {
    Q_OBJECT
public:
    CompanionsController(RepositoryController *pytorch, CompanionsDock *dock, QObject *parent = nullptr);
    ~CompanionsController() override;

    void add(const QString &folder); // a companion repository joins the workspace
    void refresh(); // scan and evaluate the companions again (after writing recipes)
    QStringList repositories() const { return m_folders; }
    CompanionTableModel *model() const { return m_model; }
    CompanionsDock *dock() const { return m_dock; }
    bool isBusy() const { return m_watcher.isRunning(); }

signals:
    void analysed(); // model() holds the newest result

private:
    void analyse();
    void repositoryOpening(const QString &folder);
    void repositoryScanned();

    RepositoryController *m_pytorch;
    CompanionsDock *m_dock;
    CompanionTableModel *m_model;
    QStringList m_folders;
    QString m_root; // the PyTorch repository m_folders belong to; empty while it is opening
    QFutureWatcher<QList<CompanionTableModel::Repository>> m_watcher;
    bool m_again = false;
};

} // namespace vs
