// History store bench (not a test): a history file of N runs (default 100,000) over
// 10 cells, then the time to read it, to add one run to it without compaction (what
// every build paid before), to add one run with compaction (the first write after an
// upgrade) and, on the compacted file, to add one run and to read it back.
#include "builds/BuildHistory.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cstdio>

using namespace vs;

namespace {

QByteArray bigHistory(const QString &repo, int count)
{
    QJsonArray runs;
    for (int i = 0; i < count; ++i) {
        const bool publish = i % 97 == 0;
        runs.append(QJsonObject { { QStringLiteral("id"), QStringLiteral("run-%1").arg(i) },
            { QStringLiteral("kind"), publish ? QStringLiteral("publish") : QStringLiteral("build") },
            { QStringLiteral("variant"), QStringLiteral("pytorch-python313-cuda12_9-sm%1-avx512").arg(80 + (i / 2) % 5) },
            { QStringLiteral("branch"), i % 2 ? QStringLiteral("dev") : QStringLiteral("main") },
            { QStringLiteral("commit"), QStringLiteral("9f3e5b1c0d2a4e6f8a0b1c2d3e4f5a6b7c8d9e0f") },
            { QStringLiteral("backend"), QStringLiteral("nix") }, { QStringLiteral("started"), QStringLiteral("2026-11-22T03:10:00.123") },
            { QStringLiteral("durationMs"), 5231 },
            { QStringLiteral("outcome"), i % 7 ? QStringLiteral("succeeded") : QStringLiteral("failed") },
            { QStringLiteral("exitCode"), 0 },
            { QStringLiteral("logFile"), QStringLiteral("/home/me/.local/share/VariantStudio/variant-studio/logs/run-%1.log").arg(i) },
            { QStringLiteral("resultPath"), QStringLiteral("/home/me/pytorch-builds/result-pytorch") },
            { QStringLiteral("storePath"), QStringLiteral("/nix/store/0123456789abcdfghijklmnpqrsvwxyz-pytorch") } });
    }
    return QJsonDocument(
        QJsonObject { { QStringLiteral("version"), 1 }, { QStringLiteral("repository"), repo }, { QStringLiteral("runs"), runs } })
        .toJson();
}

HistoryEntry newRun(int i)
{
    HistoryEntry e;
    e.runId = QStringLiteral("new-%1").arg(i);
    e.variant = QStringLiteral("pytorch-python313-cuda12_9-sm80-avx512");
    e.branch = QStringLiteral("main");
    e.started = QDateTime::currentDateTime();
    e.outcome = BuildState::Succeeded;
    return e;
}

double ms(QElapsedTimer &t)
{
    const double v = double(t.nsecsElapsed()) / 1e6;
    t.restart();
    return v;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    QTemporaryDir dir;
    const QString repo = QStringLiteral("/home/me/pytorch-builds");
    const QByteArray bytes = bigHistory(repo, count);
    BuildHistory probe(repo, dir.path());
    const QString file = probe.filePath();
    auto reset = [&] {
        QFile f(file);
        return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
    };
    if (!reset())
        return 1;
    std::printf("history of %d runs over 10 cells, %.1f MB\n", count, bytes.size() / 1e6);

    QElapsedTimer t;
    t.start();
    BuildHistory big(repo, dir.path());
    std::printf("read (%lld runs):                            %8.1f ms\n", qlonglong(big.entries().size()), ms(t));
    big.setKeepPerCell(0);
    big.upsert(newRun(0));
    std::printf("add one run, no compaction (as before):      %8.1f ms\n", ms(t));

    if (!reset())
        return 1;
    t.restart();
    BuildHistory h(repo, dir.path());
    h.upsert(newRun(1)); // keep 20 per cell: compacts
    std::printf("add one run, compacting (first write):       %8.1f ms -> %lld runs, %.1f kB\n", ms(t), qlonglong(h.entries().size()),
        QFileInfo(file).size() / 1e3);
    for (int i = 2; i < 12; ++i)
        h.upsert(newRun(i));
    std::printf("add one run to the compacted file (avg of 10): %6.1f ms\n", ms(t) / 10);
    BuildHistory reread(repo, dir.path());
    std::printf("read the compacted file:                     %8.1f ms\n", ms(t));
    return h.lastError().isEmpty() && reread.lastError().isEmpty() ? 0 : 1;
}
