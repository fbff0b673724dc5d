// Build farm bench (not a test): N toy recipes (default 40) that each sleep 1 s,
// built through BuildQueue over two loopback builders with 2 slots each
// (tests/support/LoopbackFarm: sshd on 127.0.0.1, each builder its own store).
// Prints the wall time against the ideal (N × 1 s / 4 slots), the ratio, and the
// overhead per build: the app's (its mean build time beyond the bare nix-build of
// one such recipe on a builder) and Nix's own (that bare nix-build beyond 1 s).
// Needs root (sshd, mount namespaces): run it inside the Debian root.
#include "builds/BuildHistory.h"
#include "builds/BuildQueue.h"
#include "farm/MachinesFile.h"
#include "support/GitFixture.h"
#include "support/LoopbackFarm.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QUuid>

#include <cstdio>

using namespace vs;
using namespace vs::test;

namespace {

QByteArray sleepRecipe(const QString &name)
{
    return QStringLiteral("derivation {\n  name = \"%1\";\n  system = builtins.currentSystem;\n  builder = \"/bin/sh\";\n"
                          "  PATH = \"/usr/bin:/bin\";\n  nonce = \"%2\";\n  args = [ \"-c\" \"sleep 1; echo %1 > $out\" ];\n"
                          "  requiredSystemFeatures = [ \"big-parallel\" ];\n}\n")
        .arg(name, QUuid::createUuid().toString(QUuid::WithoutBraces))
        .toUtf8();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 40;
    if (const QString why = LoopbackFarm::unavailableReason(); !why.isEmpty()) {
        std::fprintf(stderr, "farm_bench: %s\n", qPrintable(why));
        return 1;
    }
    LoopbackFarm farm;
    if (!farm.addBuilder(QStringLiteral("builder1")) || !farm.addBuilder(QStringLiteral("builder2"))) {
        std::fprintf(stderr, "farm_bench: %s\n", qPrintable(farm.error()));
        return 1;
    }
    qputenv("NIX_SSHOPTS", farm.sshOptions().toUtf8());
    const QString spec = LoopbackFarm::machineLine(QStringLiteral("builder1"), 2) + QStringLiteral(" ; ")
        + LoopbackFarm::machineLine(QStringLiteral("builder2"), 2);

    GitFixture repo;
    for (int i = 0; i < count; ++i)
        repo.write(QStringLiteral(".flox/pkgs/sleep-%1.nix").arg(i), sleepRecipe(QStringLiteral("sleep-%1").arg(i)));
    repo.write(QStringLiteral("bare.nix"), sleepRecipe(QStringLiteral("bare")));
    repo.commitAll(QStringLiteral("recipes"));

    // Nix alone: one such build on a builder, no app in between.
    QElapsedTimer clock;
    clock.start();
    const int bare = runProgram(QStringLiteral("nix-build"),
        { QStringLiteral("bare.nix"), QStringLiteral("--no-out-link"), QStringLiteral("--builders"), spec, QStringLiteral("--max-jobs"),
            QStringLiteral("0") },
        repo.path());
    const double bareS = double(clock.elapsed()) / 1000.0;
    if (bare != 0) {
        std::fprintf(stderr, "farm_bench: the bare nix-build failed (%d)\n", bare);
        return 1;
    }

    QTemporaryDir data;
    BuildSettings settings;
    settings.dataDirectory = data.filePath(QStringLiteral("data"));
    settings.cacheDirectory = data.filePath(QStringLiteral("cache"));
    settings.builders = MachinesFile::parse(spec, QStringLiteral("bench")).machines;
    settings.farmOnly = true;
    BuildQueue queue(settings);
    BuildHistory history(repo.path(), settings.historyDirectory());
    queue.setHistory(&history);
    int succeeded = 0, most = 0, running = 0;
    double sumS = 0;
    QObject::connect(&queue, &BuildQueue::jobStarted, [&] { most = qMax(most, ++running); });
    QObject::connect(&queue, &BuildQueue::jobFinished, [&](const BuildJob &j) {
        --running;
        succeeded += j.state == BuildState::Succeeded;
        sumS += double(j.durationMs) / 1000.0;
        if (j.state != BuildState::Succeeded)
            std::fprintf(stderr, "%s failed: %s\n", qPrintable(j.variant), qPrintable(j.lastLines.join(QLatin1Char('\n'))));
    });
    QEventLoop loop;
    QObject::connect(&queue, &BuildQueue::idle, &loop, &QEventLoop::quit);
    clock.restart();
    for (int i = 0; i < count; ++i) {
        BuildJob job;
        job.repoRoot = repo.path();
        job.variant = QStringLiteral("sleep-%1").arg(i);
        job.backend = BuildBackend::Nix;
        job.requiredFeatures = { QStringLiteral("big-parallel") };
        queue.enqueue(job);
    }
    loop.exec();
    const double wallS = double(clock.elapsed()) / 1000.0;
    const int slotCount = settings.slotsFor({}, { QStringLiteral("big-parallel") });
    const double ideal = count * 1.0 / slotCount;
    std::printf("farm_bench: %d builds of 1 s over 2 loopback builders x 2 slots (%d slots), %d succeeded, at most %d at once\n", count,
        slotCount, succeeded, most);
    std::printf("  wall time            %7.2f s\n", wallS);
    std::printf("  ideal (N x 1 s / %d) %7.2f s\n", slotCount, ideal);
    std::printf("  ratio                %7.2f x (target <= 1.3)\n", wallS / ideal);
    std::printf("  bare nix-build        %7.2f s for one build (Nix's overhead %.2f s)\n", bareS, bareS - 1.0);
    std::printf("  mean build in the app %7.2f s (app's overhead per build %.2f s)\n", sumS / count, sumS / count - bareS);
    farm.stop();
    return succeeded == count ? 0 : 1;
}
