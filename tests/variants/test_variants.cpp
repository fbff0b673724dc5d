#include "catalog/Catalog.h"
#include "variants/Compatibility.h"
#include "variants/VariantName.h"

#include <QtTest>

using namespace vs;

class TestVariants : public QObject {
    Q_OBJECT
private slots:
    void parsesTheThreeShapes()
    {
        auto v = VariantName::parse(".flox/pkgs/pytorch-python313-cuda12_9-sm90-avx512.nix");
        QVERIFY(v);
        QCOMPARE(v->package, QStringLiteral("pytorch"));
        QCOMPARE(v->python, QStringLiteral("313"));
        QCOMPARE(v->kind, VariantName::Kind::Cuda);
        QCOMPARE(v->cuda, QStringLiteral("12_9"));
        QCOMPARE(v->gpu, QStringLiteral("sm90"));
        QCOMPARE(v->isa, QStringLiteral("avx512"));
        QVERIFY(v->isCanonical());
        QCOMPARE(v->suffix(), QStringLiteral("cuda12_9-sm90-avx512"));

        v = VariantName::parse("torchvision-python311-cpu-armv9");
        QVERIFY(v);
        QCOMPARE(v->kind, VariantName::Kind::Cpu);
        QCOMPARE(v->isa, QStringLiteral("armv9"));
        QVERIFY(v->gpu.isEmpty());

        v = VariantName::parse("torchaudio-python312-darwin-mps.nix");
        QVERIFY(v);
        QCOMPARE(v->kind, VariantName::Kind::Darwin);
        QCOMPARE(v->toString(), QStringLiteral("torchaudio-python312-darwin-mps"));
    }

    void reportsNonCanonicalForms()
    {
        auto v = VariantName::parse("pytorch-python313-cuda12_9-sm90-armv8.2.nix");
        QVERIFY(v);
        QCOMPARE(v->isa, QStringLiteral("armv8_2"));
        QVERIFY(!v->isCanonical());
        QVERIFY(v->nonCanonical.first().contains("armv8.2"));
        QCOMPARE(v->toString(), QStringLiteral("pytorch-python313-cuda12_9-sm90-armv8_2"));

        v = VariantName::parse("pytorch210-python313-cuda13_0-sm120-avx2");
        QVERIFY(v);
        QCOMPARE(v->package, QStringLiteral("pytorch"));
        QCOMPARE(v->gluedVersion, QStringLiteral("210"));
        QVERIFY(!v->isCanonical());
        QCOMPARE(v->toString(), QStringLiteral("pytorch-python313-cuda13_0-sm120-avx2"));
    }

    void rejectsOtherNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("readme") << "README.md";
        QTest::newRow("no python") << "pytorch-cuda12_9-sm90-avx512.nix";
        QTest::newRow("no isa") << "pytorch-python313-cuda12_9-sm90.nix";
        QTest::newRow("bad cuda") << "pytorch-python313-cuda129-sm90-avx2.nix";
        QTest::newRow("default.nix") << "default.nix";
        QTest::newRow("empty") << "";
    }
    void rejectsOtherNames()
    {
        QFETCH(QString, name);
        QString why;
        QVERIFY(!VariantName::parse(name, &why));
        QVERIFY(why.contains("does not follow"));
    }

    void roundTripsEveryCatalogueCombination()
    {
        const Catalog &c = Catalog::embedded();
        const QList<VariantName> all = Compatibility::allVariants(c);
        // 3 packages × 3 pythons × (4 CUDA × 12 archs × 7 ISAs + 7 CPU + 1 darwin)
        QCOMPARE(all.size(), 3 * 3 * (4 * 12 * 7 + 7 + 1));
        QSet<QString> seen;
        for (const VariantName &v : all) {
            const QString text = v.toString();
            QVERIFY2(!seen.contains(text), qPrintable(text));
            seen.insert(text);
            const auto back = VariantName::parse(v.fileName());
            QVERIFY2(back, qPrintable(text));
            QVERIFY2(*back == v, qPrintable(text));
            QVERIFY(back->isCanonical());
            QCOMPARE(back->toString(), text);
            QString joined; // the pieces a writer copies on are the same name
            for (QStringView piece : v.pieces())
                joined += piece;
            QCOMPARE(joined, text);
        }
    }

    void compatibility_data()
    {
        QTest::addColumn<QString>("variant");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("reasonPart");
        QTest::newRow("fine") << "pytorch-python313-cuda12_9-sm90-avx512" << true << "";
        QTest::newRow("sm110 on 12.8") << "pytorch-python313-cuda12_8-sm110-avx512" << false << "needs CUDA 13.0 or newer";
        QTest::newRow("sm121 on 12.8") << "pytorch-python313-cuda12_8-sm121-armv9" << false << "needs CUDA 12.9 or newer";
        QTest::newRow("sm61 on 13.0") << "pytorch-python313-cuda13_0-sm61-avx2" << false << "not supported after CUDA 12.9";
        QTest::newRow("unknown arch") << "pytorch-python313-cuda12_9-sm42-avx2" << false << "unknown GPU architecture 'sm42'";
        QTest::newRow("unknown isa") << "pytorch-python313-cpu-sse4" << false << "unknown CPU ISA 'sse4'";
        QTest::newRow("unknown python") << "pytorch-python310-cpu-avx2" << false << "unknown Python";
        QTest::newRow("unknown cuda") << "pytorch-python313-cuda11_8-sm80-avx2" << false << "unknown CUDA release '11.8'";
        QTest::newRow("darwin") << "torchaudio-python312-darwin-mps" << true << "";
        QTest::newRow("darwin not mps") << "torchaudio-python312-darwin-avx2" << false << "darwin";
    }
    void compatibility()
    {
        QFETCH(QString, variant);
        QFETCH(bool, ok);
        QFETCH(QString, reasonPart);
        const auto v = VariantName::parse(variant);
        QVERIFY(v);
        const Compatibility c = Compatibility::of(Catalog::embedded(), *v);
        QCOMPARE(c.ok(), ok);
        QVERIFY2(c.reason.contains(reasonPart), qPrintable(c.reason));
    }
};

QTEST_GUILESS_MAIN(TestVariants)
#include "test_variants.moc"
