#pragma once

#include "repository/RepositoryScan.h"

#include <QFutureWatcher>
#include <QObject>

#include <atomic>
#include <memory>

namespace vs {

// Opens a repository: scans it in the background (RepositoryScanner::scanAsync),
// reports progress, can cancel, and keeps the last good scan.
class RepositoryController : public QObject {
    Q_OBJECT
public:
    explicit RepositoryController(QObject *parent = nullptr);
    ~RepositoryController() override;

    void open(const QString &folder);
    void rescan(); // the open repository again (after generating recipes)
    void cancel();
    bool isScanning() const { return m_watcher.isRunning(); }
    bool hasRepository() const { return !m_scan.root.isEmpty(); }
    const RepositoryScan &scan() const { return m_scan; }
    QString root() const { return m_scan.root; }

signals:
    void scanStarted(const QString &folder);
    void progress(int done, int total);
    void scanFinished(); // scan() holds the result
    void scanFailed(const QString &folder, const QString &message);
    void scanCancelled();

private:
    void finished();

    QFutureWatcher<RepositoryScan> m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancel;
    RepositoryScan m_scan;
    QString m_scanning;
};

} // namespace vs
