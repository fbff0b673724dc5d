// vs-catalog-compiler YAML NAME OUT: reads the catalogue YAML (its entries say they
// were defined in NAME, the name programs show), checks it as a program would, and
// writes the binary form (CatalogBinary) to OUT. Run by the build; a broken YAML
// stops the build with file, line and column.
#include "catalog/CatalogBinary.h"
#include "catalog/CatalogLoader.h"

#include <QFile>
#include <QSaveFile>

#include <cstdio>

int main(int argc, char **argv)
{
    if (argc != 4) {
        std::fprintf(stderr, "usage: vs-catalog-compiler YAML NAME OUT\n");
        return 2;
    }
    const QString yamlPath = QString::fromLocal8Bit(argv[1]);
    QFile in(yamlPath);
    if (!in.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "%s: %s\n", argv[1], qPrintable(in.errorString()));
        return 1;
    }
    const vs::CatalogLoad load = vs::CatalogLoader::fromYaml(in.readAll(), QString::fromLocal8Bit(argv[2]));
    if (!load.ok()) {
        for (const vs::CatalogError &e : load.errors) {
            vs::CatalogError located = e;
            located.where.file = yamlPath; // the file to fix, not the name programs show
            std::fprintf(stderr, "%s\n", qPrintable(located.toString()));
        }
        return 1;
    }
    const QByteArray bytes = vs::CatalogBinary::write(load.catalog);
    const std::optional<vs::Catalog> back = vs::CatalogBinary::read(bytes);
    if (!back || *back != load.catalog) {
        std::fprintf(stderr, "%s: the binary form does not read back equal (a field missing from CatalogBinary?)\n", argv[1]);
        return 1;
    }
    QSaveFile out(QString::fromLocal8Bit(argv[3]));
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
        std::fprintf(stderr, "%s: %s\n", argv[3], qPrintable(out.errorString()));
        return 1;
    }
    return 0;
}
