#include "catalog/Catalog.h"
#include "recipes/DeepCheck.h"
#include "recipes/RecipeGenerator.h"
#include "recipes/RecipeMetadata.h"
#include "support/GitFixture.h"
#include "variants/Compatibility.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace vs;

// Generated recipes read back as the cell they were generated for: by the
// text extractor (RecipeMetadata, every cell of the catalogue) and by a real
// nix evaluation against the stand-in nixpkgs (DeepCheck, one cell of every
// template × ISA × GPU family shape).
class TestRecipeGeneratorRoundTrip : public QObject {
    Q_OBJECT

    static QString expectedGpuArch(const VariantName &v)
    {
        switch (v.kind) {
        case VariantName::Kind::Cuda:
            return v.gpu;
        case VariantName::Kind::Darwin:
            return QStringLiteral("mps");
        case VariantName::Kind::Cpu:
            break;
        }
        return {};
    }

private slots:
    void metadataOfEveryCell()
    {
        const Catalog &catalog = Catalog::embedded();
        const RecipeGenerator generator(catalog);
        const BranchProfile &profile = catalog.profileForBranch("main");
        int checked = 0;
        for (const VariantName &v : Compatibility::allVariants(catalog)) {
            if (!Compatibility::of(catalog, v).ok())
                continue;
            const RecipeGenerator::Result r = generator.generate(v, profile);
            QVERIFY2(r.ok(), qPrintable(r.error));
            const RecipeMetadata m = RecipeMetadata::extract(r.text);
            const QString name = v.toString();
            QCOMPARE(m.pname, name);
            QVERIFY2(m.gpuArch == expectedGpuArch(v), qPrintable(name + ": " + m.gpuArch + " " + m.gpuArchConflict));
            QCOMPARE(m.nixpkgsRev, profile.nixpkgsRev);
            if (v.kind == VariantName::Kind::Darwin) {
                QVERIFY2(m.cpuFlags.isEmpty(), qPrintable(name));
                QCOMPARE(m.platforms, QStringList { catalog.darwin.platform });
            } else {
                QVERIFY2(m.cpuFlags == catalog.cpuIsa(v.isa)->compilerFlags, qPrintable(name + ": " + m.cpuFlags.join(' ')));
                QCOMPARE(m.platforms, QStringList { catalog.cpuIsa(v.isa)->platform });
            }
            QCOMPARE(m.cudaRelease(), v.cuda);
            QCOMPARE(m.cudaSupport, std::optional<bool>(v.kind == VariantName::Kind::Cuda));
            ++checked;
        }
        QVERIFY(checked > 2500);
    }

    void deepCheckEvaluatesThem()
    {
        const Catalog &catalog = Catalog::embedded();
        const RecipeGenerator generator(catalog);
        const BranchProfile &profile = catalog.profileForBranch("main");
        // Every template with every ISA, and the GPU generations' edges.
        QList<VariantName> cells;
        for (const VariantName &v : Compatibility::allVariants(catalog)) {
            if (v.python != QLatin1String("313") || !Compatibility::of(catalog, v).ok())
                continue;
            const bool edgeGpu = v.kind == VariantName::Kind::Cuda && v.isa == QLatin1String("avx2")
                && (v.gpu == QLatin1String("sm61") || v.gpu == QLatin1String("sm121"));
            const bool everyIsa = v.kind != VariantName::Kind::Cuda || (v.cuda == QLatin1String("12_9") && v.gpu == QLatin1String("sm90"));
            if (edgeGpu || everyIsa)
                cells.append(v);
        }
        QTemporaryDir dir;
        QStringList files;
        for (const VariantName &v : cells) {
            const RecipeGenerator::Result r = generator.generate(v, profile);
            QVERIFY2(r.ok(), qPrintable(r.error));
            QFile f(dir.filePath(v.fileName()));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(r.text.toUtf8());
            files << f.fileName();
        }
        DeepCheckOptions options;
        options.nixOptions = vs::test::offlineNixOptions();
        const QList<DeepCheck::Outcome> outcomes = DeepCheck::evaluate(files, options);
        QCOMPARE(outcomes.size(), cells.size());
        for (qsizetype i = 0; i < cells.size(); ++i) {
            const VariantName &v = cells.at(i);
            const DeepCheck::Outcome &o = outcomes.at(i);
            const QString name = v.toString();
            QVERIFY2(o.evaluated, qPrintable(name + ": " + o.error));
            QCOMPARE(o.pname, name);
            if (v.kind == VariantName::Kind::Cuda) {
                const QString cc = catalog.gpuArch(v.gpu)->computeCapability;
                QVERIFY2(o.gpuTargets == QStringList { cc }, qPrintable(name + ": " + o.gpuTargets.join(',')));
                QCOMPARE(o.cudaPackages, catalog.cudaRelease(v.cuda)->nixAttribute);
            } else {
                QVERIFY2(o.gpuTargets.isEmpty(), qPrintable(name));
            }
            if (o.cudaSupport)
                QCOMPARE(*o.cudaSupport, v.kind == VariantName::Kind::Cuda);
            if (v.kind != VariantName::Kind::Darwin) {
                const CpuIsa &isa = *catalog.cpuIsa(v.isa);
                QVERIFY2(o.cpuFlags == isa.compilerFlags, qPrintable(name + ": " + o.cpuFlags.join(' ')));
                // (a companion's custom torch carries them, not the companion itself)
                for (const QString &flag : v.package == QLatin1String("pytorch") ? isa.cmakeFlags : QStringList())
                    QVERIFY2(o.cmakeFlags.contains(flag), qPrintable(name + ": " + flag));
                QCOMPARE(o.platforms, QStringList { isa.platform });
            } else {
                QVERIFY2(o.cpuFlags.isEmpty(), qPrintable(name));
                QCOMPARE(o.platforms, QStringList { catalog.darwin.platform });
            }
            if (v.package != QLatin1String("pytorch"))
                QVERIFY2(!o.torch.isEmpty(), qPrintable(name + ": no custom torch"));
        }
    }
};

QTEST_GUILESS_MAIN(TestRecipeGeneratorRoundTrip)
#include "test_recipe_generator_roundtrip.moc"
