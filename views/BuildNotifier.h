#pragma once

#include "builds/BuildJob.h"

#include <QObject>
#include <QPointer>

class QSystemTrayIcon;
class QWidget;

namespace vs {

// Tells the user that a build ended while the window was in the background:
// QApplication::alert on the window, and a tray message where a system tray exists.
// Wiring: auto *n = new BuildNotifier(window); connect(queue, &BuildQueue::jobFinished, n, &BuildNotifier::notifyFinished);
class BuildNotifier : public QObject {
    Q_OBJECT
public:
    explicit BuildNotifier(QWidget *window);

    QString lastTitle() const { return m_lastTitle; }
    QString lastMessage() const { return m_lastMessage; }
    // Message for a finished job, e.g. "✓ built" / "✗ failed (exit code 2)".
    static QString describe(const BuildJob &job);

public slots:
    // Returns whether a notification was given (only when the window is not active).
    bool notifyFinished(const vs::BuildJob &job);

private:
    QPointer<QWidget> m_window;
    QSystemTrayIcon *m_tray = nullptr;
    QString m_lastTitle;
    QString m_lastMessage;
};

} // namespace vs
