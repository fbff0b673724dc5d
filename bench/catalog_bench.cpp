// Prints how long CatalogLoader takes for overlays with N entries in one list
// (median of 5 runs each). Linear loading doubles the time when N doubles; the
// old look-up per entry made it four times (200,000 entries: 148 s).
#include "catalog/CatalogLoader.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

using namespace vs;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const Catalog base = Catalog::embedded();
    for (const int count : { 25000, 50000, 100000, 200000 }) {
        QByteArray yaml = "pythons:\n";
        for (int i = 0; i < count; ++i)
            yaml += "  - { id: \"9" + QByteArray::number(i) + "\", version: \"9." + QByteArray::number(i) + "\" }\n";
        QList<qint64> times;
        for (int run = 0; run < 5; ++run) {
            QElapsedTimer t;
            t.start();
            const CatalogLoad load = CatalogLoader::overlay(base, yaml, QStringLiteral("bench.yaml"));
            times << t.elapsed();
            if (!load.errors.isEmpty())
                return std::fprintf(stderr, "unexpected error: %s\n", qPrintable(load.errors.first().message)), 1;
        }
        std::sort(times.begin(), times.end());
        std::printf("%7d entries (%5.1f MiB): median %lld ms\n", count, yaml.size() / 1048576.0, static_cast<long long>(times.at(2)));
    }
    return 0;
}
