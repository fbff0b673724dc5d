// Start-up benchmark: time from process start to the first painted grid (the
// catalogue's plan, before any scan) and to a fully scanned, painted window, on a
// 12-branch × 250-recipe repository. Then the bare scan time, for comparison.
// Usage: startup_bench [repository]   (without one, a demo repository is made in a temp dir)
#include "DemoRepository.h"
#include "MainWindow.h"
#include "MatrixView.h"
#include "RepositoryController.h"
#include "repository/RepositoryScanner.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <ctime>
#include <unistd.h>

namespace {
// Milliseconds since this process started (from /proc/self/stat, clock ticks since boot).
double msSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    const double startTicks = fields.value(19).toDouble(); // field 22 of the whole line
    timespec now {};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double nowMs = now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
    return nowMs - startTicks * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

// Records the first paint of the grid's viewport after a given moment.
class PaintWatch : public QObject {
public:
    std::function<void()> onPaint;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && onPaint) {
            auto f = std::move(onPaint);
            onPaint = nullptr;
            // After the paint event returns, the pixels are there.
            QTimer::singleShot(0, watched, f);
        }
        return false;
    }
};
} // namespace

int main(int argc, char **argv)
{
    const double atMain = msSinceProcessStart();
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("VariantStudioBench"));
    QString root = app.arguments().value(1);
    QTemporaryDir temp;
    if (root.isEmpty()) {
        // Made before the clock matters: the window is created afterwards, timed from
        // a fresh QElapsedTimer plus the process start-up measured at main().
        std::fprintf(stderr, "creating a 12-branch × 250-recipe demo repository…\n");
        const auto demo = vs::bench::DemoRepository::create(temp.filePath(QStringLiteral("repo")), 12, 250);
        if (!demo.ok()) {
            std::fprintf(stderr, "demo repository: %s\n", qPrintable(demo.error));
            return 1;
        }
        std::fprintf(stderr, "%d recipes on %lld branches\n", demo.recipes, qlonglong(demo.branches.size()));
        root = demo.root;
    }

    QElapsedTimer clock;
    clock.start();
    const double startup = atMain; // process start → main()
    double firstPaint = -1, fullPaint = -1;
    vs::MainWindow window;
    PaintWatch watch;
    window.matrixView()->viewport()->installEventFilter(&watch);
    watch.onPaint = [&] { firstPaint = startup + clock.nsecsElapsed() / 1e6; };
    QObject::connect(window.repository(), &vs::RepositoryController::scanFinished, &app, [&] {
        watch.onPaint = [&] {
            fullPaint = startup + clock.nsecsElapsed() / 1e6;
            app.quit();
        };
        window.matrixView()->viewport()->update();
    });
    QObject::connect(window.repository(), &vs::RepositoryController::scanFailed, &app, [&](const QString &, const QString &message) {
        std::fprintf(stderr, "scan failed: %s\n", qPrintable(message));
        app.exit(1);
    });
    window.show();
    window.openRepository(root);
    if (app.exec() != 0)
        return 1;

    QElapsedTimer scanClock;
    scanClock.start();
    const vs::RepositoryScan scan = vs::RepositoryScanner::scan(root);
    const double scanMs = scanClock.nsecsElapsed() / 1e6;
    int recipes = 0;
    for (const auto &b : scan.branches)
        recipes += int(b.recipes.size());
    std::printf("repository: %lld branches, %d recipes\n", qlonglong(scan.branches.size()), recipes);
    std::printf("process start to main(): %.1f ms\n", startup);
    std::printf("first painted grid: %.1f ms after process start (target <= 150 ms)\n", firstPaint);
    std::printf("fully scanned, painted window: %.1f ms after process start\n", fullPaint);
    std::printf("scan alone: %.1f ms; target for the full window: <= %.1f ms (2 x scan + start-up to first paint)\n", scanMs,
        2 * scanMs + firstPaint);
    return 0;
}
