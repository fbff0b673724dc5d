// The catalogue's build-time binary form (CatalogBinary, :/catalog.bin) against
// the YAML it is made from.
#include "catalog/CatalogBinary.h"
#include "catalog/CatalogLoader.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace vs;

namespace {
CatalogLoad loadSourceYaml()
{
    QFile f(QStringLiteral(VS_SOURCE_DIR "/resources/catalog.yaml"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return CatalogLoader::fromYaml(f.readAll(), QStringLiteral(":/catalog.yaml"));
}

QString compilerPath()
{
    return QStringLiteral(VS_BUILD_DIR "/models/catalog/vs-catalog-compiler");
}
} // namespace

class TestCatalogBinary : public QObject {
    Q_OBJECT
private slots:
    // What programs read is what resources/catalog.yaml says, field for field.
    void embeddedEqualsTheYaml()
    {
        QVERIFY(QFile::exists(QStringLiteral(":/catalog.bin")));
        const CatalogLoad yaml = loadSourceYaml();
        QVERIFY(yaml.ok());
        QVERIFY(!yaml.catalog.gpuArchitectures.isEmpty());
        QVERIFY(Catalog::embedded() == yaml.catalog);
        QCOMPARE(Catalog::embedded().gpuArchitectures.first().defined, yaml.catalog.gpuArchitectures.first().defined);
    }

    // Every field of every kind of entry survives, an overlay's pairing included.
    void roundTripKeepsEveryField()
    {
        const QByteArray overlay = R"(
pairing:
  release/0.24: release/2.9
gpuArchitectures:
  - id: sm999
    computeCapability: "99.9"
    family: Future
    products: [One, Two]
    minCuda: "13.0"
)";
        const CatalogLoad load = CatalogLoader::overlay(Catalog::embedded(), overlay, QStringLiteral("/repo/.flox/variant-studio.yaml"));
        QVERIFY2(load.ok(), load.errors.isEmpty() ? "" : qPrintable(load.errors.first().toString()));
        QCOMPARE(load.catalog.pairing.size(), 1);
        const std::optional<Catalog> back = CatalogBinary::read(CatalogBinary::write(load.catalog));
        QVERIFY(back.has_value());
        QVERIFY(*back == load.catalog);
        QCOMPARE(back->pairing.first().defined.file, QStringLiteral("/repo/.flox/variant-studio.yaml"));
        QCOMPARE(back->gpuArch(QStringLiteral("sm999"))->products, QStringList({ "One", "Two" }));

        // The equality the tests rely on sees a change in any one field.
        Catalog changed = *back;
        changed.cpuIsas.last().rank += 1;
        QVERIFY(!(changed == load.catalog));
        changed = *back;
        changed.cpuFeatures.implies[QStringLiteral("avx2")].append(QStringLiteral("x"));
        QVERIFY(!(changed == load.catalog));
    }

    // Anything but one whole catalogue of this version is refused, not half read.
    void brokenFormsAreRefused()
    {
        const QByteArray good = CatalogBinary::write(Catalog::embedded());
        QVERIFY(CatalogBinary::read(good).has_value());
        QVERIFY(!CatalogBinary::read(QByteArray()).has_value());
        QVERIFY(!CatalogBinary::read(QByteArray("packages:\n  - id: pytorch\n")).has_value());
        for (qsizetype cut : { qsizetype(4), qsizetype(8), qsizetype(9), good.size() / 2, good.size() - 1 })
            QVERIFY2(!CatalogBinary::read(good.left(cut)).has_value(), qPrintable(QString::number(cut)));
        QVERIFY(!CatalogBinary::read(good + QByteArray(1, '\0')).has_value());
        QByteArray otherVersion = good;
        otherVersion[7] = char(otherVersion[7] + 1); // the format version's low byte
        QVERIFY(!CatalogBinary::read(otherVersion).has_value());
        QByteArray hugeCount = good;
        hugeCount[8] = char(0x7f); // the first list's length
        QVERIFY(!CatalogBinary::read(hugeCount).has_value());
    }

    // The build's compiler: a broken YAML stops it with the file and line to fix.
    void compilerNamesTheBrokenLine()
    {
        QVERIFY(QFile::exists(compilerPath()));
        QTemporaryDir dir;
        const QString yaml = dir.filePath(QStringLiteral("catalog.yaml"));
        QFile f(yaml);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("packages:\n  - id: pytorch\n    nixAttribute: [unclosed\n");
        f.close();
        QProcess p;
        p.start(compilerPath(), { yaml, QStringLiteral(":/catalog.yaml"), dir.filePath(QStringLiteral("out.bin")) });
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 1);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(yaml + QStringLiteral(":")), qPrintable(err));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("out.bin"))));

        // And a good one gives what programs embed.
        p.start(compilerPath(),
            { QStringLiteral(VS_SOURCE_DIR "/resources/catalog.yaml"), QStringLiteral(":/catalog.yaml"),
                dir.filePath(QStringLiteral("out.bin")) });
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        QFile out(dir.filePath(QStringLiteral("out.bin")));
        QVERIFY(out.open(QIODevice::ReadOnly));
        const std::optional<Catalog> compiled = CatalogBinary::read(out.readAll());
        QVERIFY(compiled.has_value());
        QVERIFY(*compiled == Catalog::embedded());
    }
};

QTEST_GUILESS_MAIN(TestCatalogBinary)
#include "test_catalog_binary.moc"
