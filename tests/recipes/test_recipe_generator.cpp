#include "catalog/Catalog.h"
#include "catalog/CatalogLoader.h"
#include "recipes/RecipeGenerator.h"
#include "support/GitFixture.h"
#include "variants/Compatibility.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace vs;
using namespace vs::test;

namespace {

VariantName variant(const QString &name)
{
    QString why;
    const std::optional<VariantName> v = VariantName::parse(name, &why);
    if (!v)
        qFatal("test data: %s", qPrintable(why));
    return *v;
}

bool writeFile(const QString &path, const QString &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text.toUtf8()) == text.toUtf8().size();
}

// Parses every file with ONE real `nix-instantiate --parse a.nix b.nix …`:
// nix parses the files in order, prints one line per parsed file and stops
// with a located error at the first file that does not parse. Returns an
// empty string when all parsed, else what went wrong.
QString parseWithNix(const QString &dir, const QStringList &files)
{
    QProcess nix;
    nix.setWorkingDirectory(dir);
    nix.start(QStringLiteral("nix-instantiate"), QStringList { QStringLiteral("--parse") } + offlineNixOptions() + files);
    if (!nix.waitForStarted(10000))
        return QStringLiteral("nix-instantiate did not start: %1").arg(nix.errorString());
    nix.closeWriteChannel();
    QByteArray out;
    // Read while it runs: the parsed expressions are megabytes.
    while (!nix.waitForFinished(200))
        out += nix.readAllStandardOutput();
    out += nix.readAllStandardOutput();
    const QString err = QString::fromUtf8(nix.readAllStandardError());
    if (nix.exitStatus() != QProcess::NormalExit || nix.exitCode() != 0)
        return QStringLiteral("nix-instantiate --parse failed (%1): %2").arg(nix.exitCode()).arg(err);
    const qsizetype parsed = out.count('\n');
    if (parsed != files.size())
        return QStringLiteral("nix printed %1 parsed expressions for %2 files").arg(parsed).arg(files.size());
    return {};
}

} // namespace

class TestRecipeGenerator : public QObject {
    Q_OBJECT
private slots:
    // Every compatible cell of the full catalogue (all packages × pythons)
    // generates, and the real Nix parser accepts every recipe.
    void wholeCatalogueParses()
    {
        const Catalog &catalog = Catalog::embedded();
        const RecipeGenerator generator(catalog);
        const BranchProfile &profile = catalog.profileForBranch(QStringLiteral("main"));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QStringList files;
        int incompatible = 0;
        QSet<VariantName::Kind> kinds;
        QSet<QString> packages;
        for (const VariantName &v : Compatibility::allVariants(catalog)) {
            if (!Compatibility::of(catalog, v).ok()) {
                ++incompatible;
                QVERIFY2(!generator.generate(v, profile).ok(), qPrintable(v.toString()));
                continue;
            }
            const RecipeGenerator::Result r = generator.generate(v, profile);
            QVERIFY2(r.ok(), qPrintable(r.error));
            QVERIFY2(r.text.contains(QStringLiteral("pname = \"%1\";").arg(v.toString())), qPrintable(v.toString()));
            QVERIFY(writeFile(dir.filePath(v.fileName()), r.text));
            files.append(v.fileName());
            kinds.insert(v.kind);
            packages.insert(v.package);
        }
        // 3 packages × 3 pythons × (CUDA cells + 7 CPU + darwin), minus the
        // cells CUDA cannot compile: the whole matrix, not a sample.
        QVERIFY2(files.size() > 2500, qPrintable(QString::number(files.size())));
        QVERIFY(incompatible > 0);
        QCOMPARE(kinds.size(), 3);
        QCOMPARE(packages.size(), 3);

        QElapsedTimer timer;
        timer.start();
        const QString error = parseWithNix(dir.path(), files);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        qInfo("nix-instantiate --parse of %lld recipes in one process: %lld ms", qlonglong(files.size()), qlonglong(timer.elapsed()));
    }

    // The batch parse is honest: one broken file among good ones fails it and is named.
    void batchParseNamesABrokenFile()
    {
        QTemporaryDir dir;
        const RecipeGenerator generator(Catalog::embedded());
        const RecipeGenerator::Result r
            = generator.generate(variant("pytorch-python313-cpu-avx2"), Catalog::embedded().profileForBranch("main"));
        QVERIFY(r.ok());
        QVERIFY(writeFile(dir.filePath("a.nix"), r.text));
        QString broken = r.text;
        broken.remove(broken.lastIndexOf(QLatin1Char(')')), 1);
        QVERIFY(writeFile(dir.filePath("b.nix"), broken));
        QVERIFY(writeFile(dir.filePath("c.nix"), r.text));
        QVERIFY(parseWithNix(dir.path(), { "a.nix", "c.nix" }).isEmpty());
        const QString error = parseWithNix(dir.path(), { "a.nix", "b.nix", "c.nix" });
        QVERIFY2(error.contains("b.nix"), qPrintable(error));
    }

    // Byte-for-byte comparison with reviewed recipes in tests/recipes/reference/.
    // After an intended template change, regenerate them with
    // VS_UPDATE_REFERENCES=1 and review the diff before committing.
    void referenceRecipes_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("branch");
        QTest::newRow("pytorch CUDA sm90 avx512") << "pytorch-python313-cuda12_9-sm90-avx512"
                                                  << "main";
        QTest::newRow("pytorch CUDA avx (cmake flags)") << "pytorch-python313-cuda12_9-sm120-avx"
                                                        << "pytorch-2.9-python313";
        QTest::newRow("pytorch CUDA on ARM") << "pytorch-python313-cuda13_0-sm110-armv9"
                                             << "main";
        QTest::newRow("pytorch 2.8 line") << "pytorch-python311-cuda12_8-sm86-avx2"
                                          << "pytorch-2.8-python311";
        QTest::newRow("pytorch CPU armv9") << "pytorch-python313-cpu-armv9"
                                           << "main";
        QTest::newRow("pytorch CPU avx") << "pytorch-python312-cpu-avx"
                                         << "main";
        QTest::newRow("pytorch darwin mps") << "pytorch-python313-darwin-mps"
                                            << "main";
        QTest::newRow("torchvision CUDA") << "torchvision-python313-cuda12_9-sm90-avx2"
                                          << "main";
        QTest::newRow("torchvision darwin") << "torchvision-python313-darwin-mps"
                                            << "main";
        QTest::newRow("torchaudio CPU") << "torchaudio-python312-cpu-avx512"
                                        << "main";
    }
    void referenceRecipes()
    {
        QFETCH(QString, name);
        QFETCH(QString, branch);
        const Catalog &catalog = Catalog::embedded();
        const RecipeGenerator::Result r = RecipeGenerator(catalog).generate(variant(name), catalog.profileForBranch(branch));
        QVERIFY2(r.ok(), qPrintable(r.error));
        const QString path = QStringLiteral(VS_SOURCE_DIR "/tests/recipes/reference/%1.nix").arg(name);
        if (qEnvironmentVariableIsSet("VS_UPDATE_REFERENCES"))
            QVERIFY(writeFile(path, r.text));
        QFile f(path);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
        const QByteArray expected = f.readAll();
        if (r.text.toUtf8() != expected) {
            const QStringList got = r.text.split('\n');
            const QStringList want = QString::fromUtf8(expected).split('\n');
            for (qsizetype i = 0; i < std::max(got.size(), want.size()); ++i)
                if (got.value(i) != want.value(i))
                    QFAIL(qPrintable(
                        QStringLiteral("%1:%2: expected '%3', generated '%4'").arg(path).arg(i + 1).arg(want.value(i), got.value(i))));
        }
    }

    void referenceRecipesParse()
    {
        const QDir dir(QStringLiteral(VS_SOURCE_DIR "/tests/recipes/reference"));
        const QStringList files = dir.entryList({ "*.nix" }, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 6);
        const QString error = parseWithNix(dir.path(), files);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void incompatibleVariantSaysWhy()
    {
        const Catalog &catalog = Catalog::embedded();
        const RecipeGenerator::Result r
            = RecipeGenerator(catalog).generate(variant("pytorch-python313-cuda12_8-sm110-avx512"), catalog.profileForBranch("main"));
        QVERIFY(!r.ok());
        QVERIFY(r.text.isEmpty());
        QVERIFY2(r.error.contains("CUDA 12.8 cannot compile for sm110"), qPrintable(r.error));
        QVERIFY2(r.error.contains("pytorch-python313-cuda12_8-sm110-avx512"), qPrintable(r.error));
    }

    void unknownPartsSayWhich_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("package") << "tensorflow-python313-cpu-avx2"
                                 << "unknown package 'tensorflow'";
        QTest::newRow("python") << "pytorch-python399-cpu-avx2"
                                << "unknown Python 'python399'";
        QTest::newRow("cuda") << "pytorch-python313-cuda11_0-sm90-avx2"
                              << "unknown CUDA release '11.0'";
        QTest::newRow("gpu") << "pytorch-python313-cuda12_9-sm999-avx2"
                             << "unknown GPU architecture 'sm999'";
        QTest::newRow("isa") << "pytorch-python313-cpu-avx9"
                             << "unknown CPU ISA 'avx9'";
        QTest::newRow("darwin") << "pytorch-python313-darwin-metal"
                                << "the darwin variant is 'mps'";
    }
    void unknownPartsSayWhich()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        const Catalog &catalog = Catalog::embedded();
        const RecipeGenerator::Result r = RecipeGenerator(catalog).generate(variant(name), catalog.profileForBranch("main"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(expected), qPrintable(r.error));
    }

    void textCarriesTheCell()
    {
        const Catalog &catalog = Catalog::embedded();
        const RecipeGenerator generator(catalog);
        const BranchProfile &profile = catalog.profileForBranch("main");
        const RecipeGenerator::Result gpu = generator.generate(variant("pytorch-python313-cuda12_9-sm90-avx512"), profile);
        QVERIFY2(gpu.ok(), qPrintable(gpu.error));
        QVERIFY(gpu.text.contains(QStringLiteral("pname = \"pytorch-python313-cuda12_9-sm90-avx512\";")));
        for (const QString &flag : catalog.cpuIsa("avx512")->compilerFlags)
            QVERIFY2(gpu.text.contains(QStringLiteral("\"%1\"").arg(flag)), qPrintable(flag));
        QVERIFY(gpu.text.contains("cudaPackages = final.cudaPackages_12_9;"));
        QVERIFY(gpu.text.contains(QStringLiteral("archive/%1.tar.gz").arg(profile.nixpkgsRev)));
        QVERIFY(gpu.text.contains("gpuArchNum = \"90\";"));
        QVERIFY(gpu.text.contains("gpuArchSM = \"9.0\";"));
        QVERIFY(gpu.text.contains("gpuTargets = [ gpuArchSM ];"));
        QVERIFY(gpu.text.contains("nixpkgs_pinned.python313Packages.torch.override"));
        QVERIFY(gpu.text.contains("description = \"PyTorch 2.9.1 for NVIDIA H100/H200/GH200 (sm90, CUDA 12.9) + AVX-512 F/DQ/VL/BW\";"));
        QVERIFY(gpu.text.contains("platforms = [ \"x86_64-linux\" ];"));
        QVERIFY(!gpu.text.contains("isaCmakeFlags"));
        QVERIFY(!gpu.text.contains("@"));

        // An explicit revision replaces the profile's.
        const QString rev = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
        const RecipeGenerator::Result pinned = generator.generate(variant("pytorch-python313-cuda12_9-sm90-avx512"), profile, rev);
        QVERIFY(pinned.text.contains(QStringLiteral("archive/%1.tar.gz").arg(rev)));
        QVERIFY(!pinned.text.contains(profile.nixpkgsRev));

        // avx: the catalogue's cmake flags, in the recipe and the companion's torch.
        for (const QString &name :
            { QStringLiteral("pytorch-python313-cpu-avx"), QStringLiteral("torchvision-python313-cuda12_9-sm89-avx") }) {
            const RecipeGenerator::Result avx = generator.generate(variant(name), profile);
            QVERIFY2(avx.ok(), qPrintable(avx.error));
            for (const QString &flag : catalog.cpuIsa("avx")->cmakeFlags + catalog.cpuIsa("avx")->compilerFlags)
                QVERIFY2(avx.text.contains(QStringLiteral("\"%1\"").arg(flag)), qPrintable(name + flag));
            QVERIFY(avx.text.contains("cmakeFlags = (oldAttrs.cmakeFlags or [ ]) ++ isaCmakeFlags;"));
        }

        const RecipeGenerator::Result arm = generator.generate(variant("pytorch-python312-cpu-armv8_2"), profile);
        QVERIFY(arm.text.contains("cudaSupport = false;"));
        QVERIFY(!arm.text.contains("cudaPackages"));
        QVERIFY(arm.text.contains("\"-march=armv8.2-a+fp16+dotprod\""));
        QVERIFY(arm.text.contains("platforms = [ \"aarch64-linux\" ];"));
        QVERIFY(arm.text.contains("blasProvider = nixpkgs_pinned.openblas"));
        QVERIFY(arm.text.contains("nixpkgs_pinned.python312Packages.torch.override"));

        const RecipeGenerator::Result mps = generator.generate(variant("torchaudio-python313-darwin-mps"), profile);
        QVERIFY(mps.text.contains("platforms = [ \"aarch64-darwin\" ];"));
        QVERIFY(mps.text.contains("gpuArch = \"mps\";"));
        QVERIFY(!mps.text.contains("cudaPackages"));
        QVERIFY(!mps.text.contains("\"-m"));
        QVERIFY(!mps.text.contains("cpuFlags"));
        QVERIFY(mps.text.contains("python313Packages.torchaudio.override {\n    torch = customTorch;"));

        const RecipeGenerator::Result vision = generator.generate(variant("torchvision-python311-cuda13_0-sm100-avx512bf16"), profile);
        QVERIFY(vision.text.contains("customTorch = (nixpkgs_pinned.python311Packages.torch.override {"));
        QVERIFY(vision.text.contains("python311Packages.torchvision.override {\n    torch = customTorch;"));
        QVERIFY(vision.text.contains("cudaPackages = final.cudaPackages_13_0;"));
        QVERIFY(vision.text.contains("description = \"TorchVision 0.24.0 for NVIDIA B200/GB200 (sm100, CUDA 13.0)"));
    }

    // Catalogue text a repository overrides can hold Nix syntax; it is escaped,
    // the recipe still parses, and code-position values are refused.
    void overlayTextIsEscaped()
    {
        const QByteArray yaml = "cpuIsas:\n"
                                "  - id: avx2\n"
                                "    description: 'Haswell \"quoted\" ${builtins.abort 1} and '''''' two quotes \\ backslash'\n"
                                "packages:\n"
                                "  - id: pytorch\n"
                                "    description: 'PyTorch ${x}'\n";
        const CatalogLoad load = CatalogLoader::overlay(Catalog::embedded(), yaml, "overlay.yaml");
        QVERIFY2(load.ok(), load.errors.isEmpty() ? "" : qPrintable(load.errors.first().toString()));
        const RecipeGenerator generator(load.catalog);
        const BranchProfile &profile = load.catalog.profileForBranch("main");
        QTemporaryDir dir;
        QStringList files;
        for (const QString &name : { QStringLiteral("pytorch-python313-cpu-avx2"), QStringLiteral("pytorch-python313-cuda12_9-sm90-avx2"),
                 QStringLiteral("torchvision-python313-cpu-avx2"), QStringLiteral("pytorch-python313-darwin-mps") }) {
            const RecipeGenerator::Result r = generator.generate(variant(name), profile);
            QVERIFY2(r.ok(), qPrintable(r.error));
            QVERIFY(writeFile(dir.filePath(name + ".nix"), r.text));
            files << name + ".nix";
        }
        const QString error = parseWithNix(dir.path(), files);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        const QByteArray bad = "cudaReleases:\n  - id: \"12_9\"\n    nixAttribute: 'cudaPackages_12_9; evil = 1'\n";
        const CatalogLoad badLoad = CatalogLoader::overlay(Catalog::embedded(), bad, "overlay.yaml");
        QVERIFY(badLoad.ok());
        const RecipeGenerator::Result r
            = RecipeGenerator(badLoad.catalog).generate(variant("pytorch-python313-cuda12_9-sm90-avx2"), profile);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains("nixAttribute"), qPrintable(r.error));

        const RecipeGenerator::Result badRev
            = RecipeGenerator(Catalog::embedded()).generate(variant("pytorch-python313-cpu-avx2"), profile, "abc\"; x = 1");
        QVERIFY(!badRev.ok());
        QVERIFY2(badRev.error.contains("nixpkgs revision"), qPrintable(badRev.error));
    }
};

QTEST_GUILESS_MAIN(TestRecipeGenerator)
#include "test_recipe_generator.moc"
