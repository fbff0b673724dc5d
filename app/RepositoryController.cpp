#include "RepositoryController.h"

#include "repository/RepositoryScanner.h"
#include "settings/AppSettings.h"

#include <QDir>
#include <QFileInfo>
#include <QPointer>

namespace vs {

RepositoryController::RepositoryController(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<RepositoryScan>::finished, this, &RepositoryController::finished);
}

RepositoryController::~RepositoryController()
{
    // The worker reports progress through this object: stop it before going away.
    if (m_cancel)
        *m_cancel = true;
    m_watcher.waitForFinished();
}

void RepositoryController::open(const QString &folder)
{
    const QFileInfo info(folder);
    if (!info.exists() || !info.isDir()) {
        emit scanFailed(folder, tr("%1 is not a folder.").arg(QDir::toNativeSeparators(folder)));
        return;
    }
    if (m_watcher.isRunning()) {
        // The older scan's result is dropped by finished(): m_scanning changed.
        *m_cancel = true;
        m_watcher.waitForFinished();
    }
    m_scanning = info.absoluteFilePath();
    m_cancel = std::make_shared<std::atomic_bool>(false);
    QPointer<RepositoryController> self(this);
    auto cancelFlag = m_cancel;
    // Called on the scanning thread: hop to ours; a cancelled flag stops the scan.
    auto progressCallback = [self, cancelFlag](int done, int total) {
        if (*cancelFlag)
            return false;
        QMetaObject::invokeMethod(
            self.data(),
            [self, done, total] {
                if (self)
                    emit self->progress(done, total);
            },
            Qt::QueuedConnection);
        return true;
    };
    emit scanStarted(m_scanning);
    m_watcher.setFuture(RepositoryScanner::scanAsync(m_scanning, ScanOptions {}, progressCallback));
}

void RepositoryController::rescan()
{
    if (hasRepository())
        open(m_scan.root);
}

void RepositoryController::cancel()
{
    if (m_cancel)
        *m_cancel = true;
}

void RepositoryController::finished()
{
    const RepositoryScan result = m_watcher.result();
    const QString folder = m_scanning;
    if (result.cancelled || (m_cancel && *m_cancel)) {
        emit scanCancelled();
        return;
    }
    if (!result.error.isEmpty()) {
        emit scanFailed(folder, result.error);
        return;
    }
    m_scan = result;
    AppSettings().addRecentRepository(m_scan.root);
    emit scanFinished();
}

} // namespace vs
