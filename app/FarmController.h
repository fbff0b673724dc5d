#pragma once

#include "FarmSettingsDialog.h"

#include <QList>
#include <QObject>
#include <QPointer>

class QAction;
class QDockWidget;
class QMainWindow;

namespace vs {

class BuildQueue;
class FarmDock;
class FarmSettingsEditor;
struct BuilderStatus;

// Wires the farm's settings (farm/builders, farm/farmOnly, farm/retries) to their two
// editors, the Build Farm dock and Settings › Build Farm…, and keeps both showing the
// same: loads and saves them, names every bad machines line with its field, hands
// them to the build queue, imports Nix's own builders, and runs the connection check
// off the UI thread.
class FarmController : public QObject {
    Q_OBJECT
public:
    FarmController(QMainWindow *window, BuildQueue *queue);

    QDockWidget *dock() const { return m_dock; }
    FarmDock *view() const { return m_view; }
    QAction *settingsAction() const { return m_settingsAction; } // Settings › Build Farm…
    FarmSettingsDialog *settingsDialog() const { return m_dialog; } // null until opened
    void openSettings();
    void check(); // runs in a worker thread; checkFinished() when done

signals:
    void checkFinished();

private:
    void attach(FarmSettingsEditor *editor);
    void edited(FarmSettingsEditor *source);
    void importFromNix();
    void showStatuses(const QList<BuilderStatus> &statuses);
    void showProblems(const QString &text);
    QList<FarmSettingsEditor *> editors() const;
    void applyToQueue();

    QMainWindow *m_window;
    BuildQueue *m_queue;
    FarmDock *m_view;
    QDockWidget *m_dock;
    QAction *m_settingsAction;
    QPointer<FarmSettingsDialog> m_dialog;
    bool m_checking = false;
    bool m_syncing = false;
};

} // namespace vs
