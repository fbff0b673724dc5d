#include "BuildNotifier.h"

#include <QApplication>
#include <QSystemTrayIcon>
#include <QWidget>

namespace vs {

BuildNotifier::BuildNotifier(QWidget *window)
    : QObject(window)
    , m_window(window)
{
}

QString BuildNotifier::describe(const BuildJob &job)
{
    const bool publish = job.kind == BuildKind::Publish;
    switch (job.state) {
    case BuildState::Succeeded:
        return publish ? tr("✓ published to %1").arg(job.org) : tr("✓ built");
    case BuildState::Failed:
        return job.message.isEmpty() ? tr("✗ failed (exit code %1)").arg(job.exitCode) : tr("✗ failed: %1").arg(job.message);
    case BuildState::Cancelled:
        return tr("⊘ cancelled");
    case BuildState::Interrupted:
        return tr("⚠ interrupted");
    default:
        return toString(job.state);
    }
}

bool BuildNotifier::notifyFinished(const BuildJob &job)
{
    if (!m_window || m_window->isActiveWindow() || !isFinished(job.state) || job.state == BuildState::Cancelled)
        return false; // the user is looking, or asked for the cancel themselves
    m_lastTitle = job.title();
    m_lastMessage = describe(job);
    QApplication::alert(m_window);
    if (QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(m_window->windowIcon(), this);
            connect(m_tray, &QSystemTrayIcon::messageClicked, m_window, [w = m_window] {
                if (w) {
                    w->showNormal();
                    w->raise();
                    w->activateWindow();
                }
            });
        }
        m_tray->show();
        m_tray->showMessage(m_lastTitle, m_lastMessage,
            job.state == BuildState::Succeeded ? QSystemTrayIcon::Information : QSystemTrayIcon::Warning, 10000);
    }
    return true;
}

} // namespace vs
