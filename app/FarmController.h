#pragma once

#include <QObject>

class QDockWidget;
class QMainWindow;

namespace vs {

class BuildQueue;
class FarmDock;
struct BuilderStatus;

// Wires the Build Farm dock: loads and saves the farm settings (farm/builders,
// farm/farmOnly, farm/retries), names every bad machines line with its field, hands
// the settings to the build queue, imports Nix's own builders, and runs the
// connection check off the UI thread.
class FarmController : public QObject {
    Q_OBJECT
public:
    FarmController(QMainWindow *window, BuildQueue *queue);

    QDockWidget *dock() const { return m_dock; }
    FarmDock *view() const { return m_view; }
    void check(); // runs in a worker thread; checkFinished() when done

signals:
    void checkFinished();

private:
    void edited();
    void importFromNix();
    void showStatuses(const QList<BuilderStatus> &statuses);
    void applyToQueue();

    BuildQueue *m_queue;
    FarmDock *m_view;
    QDockWidget *m_dock;
    bool m_checking = false;
};

} // namespace vs
