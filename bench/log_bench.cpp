// Log throughput bench (not a test): a real child process prints N lines (default
// 1,000,000, like a long PyTorch build); they go through BuildRunner (pipe,
// line splitting, ANSI parsing, log file) into the LogModel shown by a
// BuildLogView. Prints lines per second end to end, the longest event-loop stall
// (a 5 ms timer measuring its own lateness) and peak memory (VmHWM).
// Targets: >= 500,000 lines/s, no stall over 50 ms, memory bounded whatever N is.
//
// The child is this same executable: BuildRunner starts "<flox> build lines-N"
// with the flox program set to us, so the real runner path is measured.
#include "BuildLogView.h"
#include "builds/BuildRunner.h"
#include "itemmodels/LogModel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QListView>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <cstring>

namespace {

// Child mode: print the lines as fast as a chatty compiler would, one in ten coloured.
int generate(long long count)
{
    static char buffer[1 << 16];
    std::setvbuf(stdout, buffer, _IOFBF, sizeof buffer);
    for (long long i = 1; i <= count; ++i) {
        if (i % 10 == 0)
            std::printf(
                "\x1b[32m[%lld/%lld]\x1b[0m Building CXX object caffe2/CMakeFiles/torch_cpu.dir/aten/src/ATen/native/op_%lld.cpp.o\n", i,
                count, i);
        else
            std::printf(
                "[%lld/%lld] Building CXX object caffe2/CMakeFiles/torch_cpu.dir/aten/src/ATen/native/op_%lld.cpp.o\n", i, count, i);
    }
    std::fflush(stdout);
    return 0;
}

QByteArray procStatus(const char *key)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return "?";
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(key))
            return line.mid(qsizetype(std::strlen(key))).trimmed();
    return "?";
}

} // namespace

int main(int argc, char **argv)
{
    if (argc == 3 && std::strcmp(argv[1], "build") == 0 && std::strncmp(argv[2], "lines-", 6) == 0)
        return generate(std::atoll(argv[2] + 6));

    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const long long lines = argc > 1 ? std::atoll(argv[1]) : 1000000;
    // "model" / "runner": leave out the view / the model too, to see where time goes.
    const QByteArray mode = argc > 2 ? QByteArray(argv[2]) : QByteArray("view");

    QTemporaryDir tmp;
    vs::BuildSettings settings;
    settings.floxProgram = QCoreApplication::applicationFilePath();
    settings.dataDirectory = tmp.filePath(QStringLiteral("data"));
    settings.cacheDirectory = tmp.filePath(QStringLiteral("cache"));

    vs::LogModel model;
    vs::BuildLogView view;
    view.resize(1000, 700);
    view.setLogModel(&model);
    if (mode == "view")
        view.show();

    vs::BuildRunner runner(settings);
    long long seen = 0;
    QObject::connect(&runner, &vs::BuildRunner::linesReady, &model, [&](const vs::LogLines &batch) {
        seen += batch.size();
        if (mode != "runner")
            model.appendLines(batch);
    });
    QObject::connect(&runner, &vs::BuildRunner::jobStarted, &view, &vs::BuildLogView::setJob);

    // Stall probe: a 5 ms timer; any tick later than that means the loop was busy.
    QElapsedTimer clock;
    qint64 lastTick = 0, worstStall = 0;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        worstStall = qMax(worstStall, now - lastTick - 5);
        lastTick = now;
    });

    vs::BuildJob job;
    job.variant = QStringLiteral("lines-%1").arg(lines);
    job.repoRoot = tmp.path();
    job.backend = vs::BuildBackend::Flox;
    vs::BuildJob result;
    qint64 finishedAt = 0;
    QObject::connect(&runner, &vs::BuildRunner::finished, [&](const vs::BuildJob &j) {
        result = j;
        finishedAt = clock.elapsed();
        view.setJob(j);
        // Let the view lay out and paint the end before stopping.
        QTimer::singleShot(50, &app, &QCoreApplication::quit);
    });

    QTimer::singleShot(0, [&] {
        clock.start();
        probe.start();
        runner.start(job);
    });
    app.exec();

    const double seconds = finishedAt / 1000.0;
    const qint64 logBytes = QFile(result.logFile).size();
    std::printf("log_bench: %lld lines requested, %lld received (model keeps %d), outcome %s\n", lines, (long long)model.totalLines(),
        model.rowCount(), qPrintable(vs::toString(result.state)));
    std::printf("throughput: %.0f lines/s end to end (%.2f s, mode %s)\n", seen / (seconds > 0 ? seconds : 1), seconds, mode.constData());
    std::printf("longest event-loop stall: %lld ms\n", (long long)worstStall);
    std::printf("peak memory (VmHWM): %s; log file %.1f MB\n", procStatus("VmHWM:").constData(), logBytes / 1e6);
    std::printf("view follows the end: %s\n", view.isFollowingEnd() ? "yes" : "no");
    return result.state == vs::BuildState::Succeeded && seen >= lines ? 0 : 1;
}
