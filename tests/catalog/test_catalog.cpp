#include "catalog/Catalog.h"
#include "catalog/CatalogLoader.h"
#include "support/GitFixture.h"

#include <QtTest>

using namespace vs;

class TestCatalog : public QObject {
    Q_OBJECT
private slots:
    void embeddedCatalogueHasTheMatrix()
    {
        const Catalog &c = Catalog::embedded();
        QStringList archs;
        for (const GpuArch &g : c.gpuArchitectures)
            archs << g.id;
        QCOMPARE(archs, QStringList({"sm61", "sm70", "sm75", "sm80", "sm86", "sm89", "sm90", "sm100", "sm103", "sm110", "sm120", "sm121"}));
        QStringList isas;
        for (const CpuIsa &i : c.cpuIsas)
            isas << i.id;
        QCOMPARE(isas, QStringList({"avx", "avx2", "avx512", "avx512bf16", "avx512vnni", "armv8_2", "armv9"}));
        QCOMPARE(c.cudaReleases.size(), 4);
        QCOMPARE(c.cudaRelease("13_1")->nixAttribute, QStringLiteral("cudaPackages_13_1"));
        QCOMPARE(c.pythons.size(), 3);
        QCOMPARE(c.packages.size(), 3);
        QCOMPARE(c.darwin.id, QStringLiteral("mps"));
    }

    void productsAreRight()
    {
        const Catalog &c = Catalog::embedded();
        QVERIFY(c.gpuArch("sm89")->products.contains("L40S"));
        QCOMPARE(c.gpuArch("sm89")->computeCapability, QStringLiteral("8.9"));
        QVERIFY(c.gpuArch("sm90")->products.contains("H100"));
        QVERIFY(c.gpuArch("sm90")->products.contains("H200"));
        QCOMPARE(c.gpuArchForComputeCapability("9.0")->id, QStringLiteral("sm90"));
        QCOMPARE(c.gpuArchForComputeCapability("12.1")->id, QStringLiteral("sm121"));
        QVERIFY(!c.gpuArchForComputeCapability("5.2"));
    }

    void isaFlags()
    {
        const Catalog &c = Catalog::embedded();
        QCOMPARE(c.cpuIsa("avx2")->compilerFlags, QStringList({"-mavx2", "-mfma", "-mf16c"}));
        QCOMPARE(c.cpuIsa("avx512bf16")->compilerFlags.last(), QStringLiteral("-mavx512bf16"));
        QCOMPARE(c.cpuIsa("avx512vnni")->compilerFlags.last(), QStringLiteral("-mavx512vnni"));
        QVERIFY(c.cpuIsa("avx")->compilerFlags.contains("-mno-avx2"));
        QVERIFY(c.cpuIsa("avx")->compilerFlags.contains("-mno-bmi2"));
        QCOMPARE(c.cpuIsa("armv9")->compilerFlags, QStringList({"-march=armv9-a+sve+sve2"}));
        QVERIFY(c.cpuIsa("armv8_2")->isArm());
        QVERIFY(!c.cpuIsa("avx512")->isArm());
    }

    void cudaRanges_data()
    {
        QTest::addColumn<QString>("cuda");
        QTest::addColumn<QString>("arch");
        QTest::addColumn<bool>("supported");
        QTest::newRow("sm100 on 12.8") << "12_8" << "sm100" << true;
        QTest::newRow("sm120 on 12.8") << "12_8" << "sm120" << true;
        QTest::newRow("sm103 on 12.8") << "12_8" << "sm103" << false;
        QTest::newRow("sm103 on 12.9") << "12_9" << "sm103" << true;
        QTest::newRow("sm121 on 12.8") << "12_8" << "sm121" << false;
        QTest::newRow("sm110 on 12.9") << "12_9" << "sm110" << false;
        QTest::newRow("sm110 on 13.0") << "13_0" << "sm110" << true;
        QTest::newRow("sm61 on 12.9") << "12_9" << "sm61" << true;
        QTest::newRow("sm61 on 13.0") << "13_0" << "sm61" << false;
        QTest::newRow("sm70 on 13.1") << "13_1" << "sm70" << false;
        QTest::newRow("sm75 on 13.1") << "13_1" << "sm75" << true;
    }
    void cudaRanges()
    {
        QFETCH(QString, cuda);
        QFETCH(QString, arch);
        QFETCH(bool, supported);
        const Catalog &c = Catalog::embedded();
        QCOMPARE(c.cudaSupportsArch(*c.cudaRelease(cuda), *c.gpuArch(arch)), supported);
    }

    void branchProfiles()
    {
        const Catalog &c = Catalog::embedded();
        QCOMPARE(c.profileForBranch("pytorch-2.8-python311").nixpkgsRev, QStringLiteral("fe5e41d7ffc0421f0913e8472ce6238ed0daf8e3"));
        QCOMPARE(c.profileForBranch("pytorch-2.9-python313").nixpkgsRev, QStringLiteral("6a030d535719c5190187c4cec156f335e95e3211"));
        QCOMPARE(c.profileForBranch("pytorch-2.9-python313").versions.value("torchvision"), QStringLiteral("0.24.0"));
        QCOMPARE(c.profileForBranch("something-else").id, c.defaultBranchProfile);
    }

    void overlayAddsAndOverrides()
    {
        const QByteArray yaml = "gpuArchitectures:\n"
                                "  - id: sm90\n"
                                "    products: [H100 NVL]\n"
                                "  - id: sm87\n"
                                "    computeCapability: \"8.7\"\n"
                                "    family: Ampere\n"
                                "branchProfiles:\n"
                                "  - id: pytorch-2.10\n"
                                "    branches: [\"pytorch-2.10*\"]\n"
                                "    nixpkgsRev: 0123456789abcdef0123456789abcdef01234567\n"
                                "    gpuArchitectures: [sm87, sm90]\n";
        const CatalogLoad load = CatalogLoader::overlay(Catalog::embedded(), yaml, "/repo/.flox/variant-studio.yaml");
        QVERIFY2(load.ok(), qPrintable(load.errors.value(0).toString()));
        QCOMPARE(load.catalog.gpuArch("sm90")->products, QStringList({"H100 NVL"}));
        QCOMPARE(load.catalog.gpuArch("sm90")->computeCapability, QStringLiteral("9.0")); // kept
        QVERIFY(load.catalog.gpuArch("sm87"));
        QCOMPARE(load.catalog.gpuArchitectures.size(), Catalog::embedded().gpuArchitectures.size() + 1);
        QCOMPARE(load.catalog.profileForBranch("pytorch-2.10-python313").id, QStringLiteral("pytorch-2.10"));
    }

    // A companion repository states which PyTorch branch each of its branches builds against.
    void statedPairing()
    {
        const QByteArray yaml = "# TorchVision's release lines\n"
                                "pairing:\n"
                                "  main: pytorch-2.9-python313\n"
                                "  release/2.8: pytorch-2.8-python311\n";
        const QString file = "/repo/.flox/variant-studio.yaml";
        CatalogLoad load = CatalogLoader::overlay(Catalog::embedded(), yaml, file);
        QVERIFY2(load.ok(), qPrintable(load.errors.value(0).toString()));
        QCOMPARE(load.catalog.pairing.size(), 2);
        QCOMPARE(load.catalog.pairing.at(0).companionBranch, QStringLiteral("main"));
        QCOMPARE(load.catalog.pairing.at(0).pytorchBranch, QStringLiteral("pytorch-2.9-python313"));
        QCOMPARE(load.catalog.pairing.at(0).defined.file, file);
        QCOMPARE(load.catalog.pairing.at(0).defined.line, 3);
        QCOMPARE(load.catalog.pairing.at(1).companionBranch, QStringLiteral("release/2.8"));
        QCOMPARE(load.catalog.pairing.at(1).defined.line, 4);
        QVERIFY(Catalog::embedded().pairing.isEmpty());
        // A later overlay replaces a branch's pair and keeps the others.
        load = CatalogLoader::overlay(load.catalog, "pairing: {main: main}\n", file);
        QVERIFY(load.ok());
        QCOMPARE(load.catalog.pairing.size(), 2);
        QCOMPARE(load.catalog.pairing.at(0).pytorchBranch, QStringLiteral("main"));
    }

    void brokenYamlGivesLocatedErrors_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("syntax error") << QByteArray("gpuArchitectures:\n  - id: sm90\n    products: [H100\n") << 4 << 1 << "end of sequence flow";
        QTest::newRow("wrong type") << QByteArray("gpuArchitectures:\n  - id: sm90\n    products: H100\n") << 3 << 15 << "must be a list";
        QTest::newRow("section not a list") << QByteArray("cpuIsas: avx\n") << 1 << 10 << "must be a list";
        QTest::newRow("unknown arch referenced")
            << QByteArray("branchProfiles:\n  - id: x\n    nixpkgsRev: abc\n    gpuArchitectures: [sm999]\n") << 2 << 5 << "unknown GPU architecture 'sm999'";
        QTest::newRow("duplicate id") << QByteArray("pythons:\n  - id: \"314\"\n    version: \"3.14\"\n  - id: \"314\"\n    version: \"3.14\"\n")
                                      << 4 << 9 << "duplicate id '314'";
        QTest::newRow("unknown key") << QByteArray("cudaReleases:\n  - id: \"12_8\"\n    minDriver: \"1\"\n") << 3 << 5 << "unknown key 'minDriver'";
        QTest::newRow("missing field") << QByteArray("gpuArchitectures:\n  - id: sm200\n    family: Future\n") << 2 << 5 << "lacks 'computeCapability'";
        QTest::newRow("required flag not recommended")
            << QByteArray("cpuIsas:\n  - id: avx2\n    requiredFlags: [-mavx512f]\n") << 2 << 5 << "requires '-mavx512f'";
        QTest::newRow("cpuFeatures unknown key") << QByteArray("cpuFeatures:\n  impliez: {}\n") << 2 << 3 << "unknown key 'impliez'";
        QTest::newRow("pairing not a mapping") << QByteArray("pairing: [main]\n") << 1 << 10 << "'pairing' must be a mapping";
        QTest::newRow("pairing value a list") << QByteArray("pairing:\n  main: [a, b]\n") << 2 << 9 << "must be a text value, found a list";
        QTest::newRow("pairing empty name") << QByteArray("pairing:\n  main: \"\"\n") << 2 << 9 << "an empty branch name";
        QTest::newRow("pairing not a branch")
            << QByteArray("pairing:\n  \"my branch\": main\n") << 2 << 3 << "'my branch' in 'pairing' is not a branch name";
        QTest::newRow("pairing option-like") << QByteArray("pairing:\n  main: --force\n") << 2 << 9 << "'--force' in 'pairing' is not a branch name";
        QTest::newRow("pairing twice") << QByteArray("pairing:\n  main: a\n  main: b\n") << 3 << 3 << "'main' is paired twice";
        QTest::newRow("pairing misspelt") << QByteArray("pairings:\n  main: a\n") << 1 << 1 << "unknown section 'pairings'";
        QTest::newRow("cpuFeatures flag not a list") << QByteArray("cpuFeatures:\n  flags:\n    -mfoo: bar\n") << 3 << 12 << "must be a list";
    }
    void brokenYamlGivesLocatedErrors()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, messagePart);
        const QString file = "/repo/.flox/variant-studio.yaml";
        const CatalogLoad load = CatalogLoader::overlay(Catalog::embedded(), yaml, file);
        QVERIFY(!load.ok());
        const CatalogError &e = load.errors.first();
        QCOMPARE(e.where.file, file);
        QCOMPARE(e.where.line, line);
        QCOMPARE(e.where.column, column);
        QVERIFY2(e.message.contains(messagePart), qPrintable(e.toString()));
        QVERIFY(e.toString().startsWith(QStringLiteral("%1:%2:%3: ").arg(file).arg(line).arg(column)));
        // The default stays in force.
        QCOMPARE(load.catalog.gpuArchitectures.size(), Catalog::embedded().gpuArchitectures.size());
        QCOMPARE(load.catalog.pythons.size(), Catalog::embedded().pythons.size());
    }

    void repositoryOverlayFromDisk()
    {
        test::GitFixture repo;
        QCOMPARE(CatalogLoader::forRepository(repo.path()).catalog.gpuArchitectures.size(), 12);
        QVERIFY(repo.write(".flox/variant-studio.yaml", "pythons:\n  - id: \"314\"\n    version: \"3.14\"\n"));
        CatalogLoad load = CatalogLoader::forRepository(repo.path());
        QVERIFY(load.ok());
        QVERIFY(load.catalog.python("314"));
        QVERIFY(repo.write(".flox/variant-studio.yaml", "pythons: [\n"));
        load = CatalogLoader::forRepository(repo.path());
        QVERIFY(!load.ok());
        QVERIFY(load.errors.first().toString().contains(".flox/variant-studio.yaml:2:1"));
        QVERIFY(!load.catalog.python("314"));
    }

    // What flags imply is data: an overlay adds a flag without touching the rest.
    void cpuFeaturesAreDataAndOverlayable()
    {
        const Catalog &c = Catalog::embedded();
        QCOMPARE(c.cpuFeatures.implies.value("armv9-a"), QStringList({"armv8.5-a", "sve2"}));
        QCOMPARE(c.cpuFeatures.implies.value("sve2"), QStringList({"sve"}));
        QCOMPARE(c.cpuIsa("avx2")->requiredFlags, QStringList({"-mavx2"}));
        QCOMPARE(c.cpuIsa("avx2")->machineFlags, QStringList({"-march=haswell"}));
        for (const CpuIsa &isa : c.cpuIsas)
            for (const QString &flag : isa.compilerFlags + isa.machineFlags)
                QVERIFY2(c.cpuFeatures.flags.contains(flag.section('+', 0, 0)) || c.cpuFeatures.flags.contains("-m" + flag.mid(5)),
                         qPrintable(isa.id + ": " + flag));
        const CatalogLoad load = CatalogLoader::overlay(c, "cpuFeatures:\n  flags:\n    -mavx512fp16: [avx512fp16]\n", "overlay.yaml");
        QVERIFY2(load.ok(), qPrintable(load.errors.value(0).toString()));
        QCOMPARE(load.catalog.cpuFeatures.flags.value("-mavx512fp16"), QStringList({"avx512fp16"}));
        QCOMPARE(load.catalog.cpuFeatures.flags.value("-mavx2"), QStringList({"avx2"}));
    }

    void versionsCompareNumerically()
    {
        QVERIFY(Catalog::compareVersions("12.10", "12.9") > 0);
        QVERIFY(Catalog::compareVersions("12_8", "12.8") == 0);
        QVERIFY(Catalog::compareVersions("13.0", "12.9") > 0);
    }
};

QTEST_GUILESS_MAIN(TestCatalog)
#include "test_catalog.moc"
