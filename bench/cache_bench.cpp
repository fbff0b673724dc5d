// Cache check bench (not a test): N toy recipes (default 1,000) in a temporary
// repository, then the time to find every output path (OutputPaths: batched
// nix-instantiate) and which are valid in the local store (CacheCheck), median
// of several runs, for a few batch sizes. Needs the real nix on PATH.
//   cache_bench [recipes] [runs]
#include "builds/CacheCheck.h"
#include "recipes/OutputPaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace vs;

namespace {

QByteArray toy(int i, const QString &nonce)
{
    return QStringLiteral("derivation {\n  name = \"toy-%1\";\n  system = builtins.currentSystem;\n  builder = \"/bin/sh\";\n"
                          "  nonce = \"%2\";\n  args = [ \"-c\" \"echo %1 > $out\" ];\n}\n")
        .arg(i)
        .arg(nonce)
        .toUtf8();
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 1000;
    const int runs = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 5;
    QTemporaryDir dir;
    const QString pkgs = dir.filePath(QStringLiteral(".flox/pkgs"));
    QDir().mkpath(pkgs);
    const QString nonce = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QStringList names;
    for (int i = 0; i < count; ++i) {
        // Both shapes, as real repositories mix them.
        const QString name = QStringLiteral("toy-%1").arg(i);
        const QString file
            = i % 4 ? QDir(pkgs).filePath(name + QStringLiteral(".nix")) : QDir(pkgs).filePath(name + QStringLiteral("/default.nix"));
        QDir().mkpath(QFileInfo(file).absolutePath());
        QSaveFile out(file);
        if (!out.open(QIODevice::WriteOnly) || out.write(toy(i, nonce)) < 0 || !out.commit()) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(file));
            return 1;
        }
        names << name;
    }
    std::printf("%d toy recipes, median of %d runs\n", count, runs);
    for (const int batch : { 64, 250, 1000 }) {
        std::vector<double> paths, total;
        int found = 0;
        for (int r = 0; r < runs; ++r) {
            CacheCheckOptions options;
            options.paths.batchSize = batch;
            options.paths.nixOptions = { QStringLiteral("--option"), QStringLiteral("substituters"), QString() };
            QElapsedTimer t;
            t.start();
            const QList<OutputPaths::Recipe> only = OutputPaths::find(dir.path(), names, options.paths);
            paths.push_back(t.nsecsElapsed() / 1e9);
            t.restart();
            const CacheReport report = CacheCheck::run(dir.path(), names, options);
            total.push_back(t.nsecsElapsed() / 1e9);
            found = int(count - report.failed().size());
            if (found != count || only.size() != count) {
                std::fprintf(stderr, "only %d of %d recipes gave a path: %s\n", found, count,
                    qPrintable(report.failed().isEmpty() ? QString() : report.failed().first().error));
                return 1;
            }
        }
        std::printf(
            "batch %4d: output paths %.2f s; output paths + local validity %.2f s (target < 5 s)\n", batch, median(paths), median(total));
    }
    // One broken recipe in the middle: its batch is split until it stands alone.
    QSaveFile broken(QDir(pkgs).filePath(QStringLiteral("toy-%1.nix").arg(count / 2 + 1)));
    if (!broken.open(QIODevice::WriteOnly) || broken.write("derivation { name = \"broken\"\n") < 0 || !broken.commit())
        return 1;
    std::vector<double> total;
    qsizetype failed = 0;
    for (int r = 0; r < runs; ++r) {
        CacheCheckOptions options;
        options.paths.nixOptions = { QStringLiteral("--option"), QStringLiteral("substituters"), QString() };
        QElapsedTimer t;
        t.start();
        failed = CacheCheck::run(dir.path(), names, options).failed().size();
        total.push_back(t.nsecsElapsed() / 1e9);
    }
    std::printf("batch  250, one recipe broken: %.2f s (%lld reported)\n", median(total), (long long)failed);
    return 0;
}
