#include "variants/VariantName.h"

#include <QtTest>

using namespace vs;

// The suffix a machine needs has one format: parsed names and suffixes built from parts agree.
class TestVariantSuffix : public QObject {
    Q_OBJECT
private slots:
    void partsMakeTheSuffixOfTheParsedName_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("fromParts");
        QTest::newRow("cuda") << "pytorch-python313-cuda12_9-sm90-avx512.nix" << VariantName::cudaSuffix("12_9", "sm90", "avx512");
        QTest::newRow("cpu") << "torchvision-python312-cpu-avx2.nix" << VariantName::cpuSuffix("avx2");
        QTest::newRow("darwin") << "torchaudio-python313-darwin-mps" << VariantName::darwinSuffix("mps");
        QTest::newRow("arm, dotted ISA") << "pytorch-python313-cpu-armv8.2.nix" << VariantName::cpuSuffix("armv8_2");
    }
    void partsMakeTheSuffixOfTheParsedName()
    {
        QFETCH(QString, file);
        QFETCH(QString, fromParts);
        const auto v = VariantName::parse(file);
        QVERIFY(v);
        QCOMPARE(v->suffix(), fromParts);
        QVERIFY(v->toString().endsWith(QLatin1Char('-') + fromParts));
    }

    void suffixesReadBackAsVariants()
    {
        const auto v = VariantName::parse(QStringLiteral("pytorch-python313-") + VariantName::cudaSuffix("13_0", "sm100", "armv9"));
        QVERIFY(v);
        QCOMPARE(v->kind, VariantName::Kind::Cuda);
        QCOMPARE(v->cuda, QStringLiteral("13_0"));
        QCOMPARE(v->gpu, QStringLiteral("sm100"));
        QCOMPARE(v->isa, QStringLiteral("armv9"));
    }

    void darwinSuffixIsRecognised()
    {
        QVERIFY(VariantName::isDarwinSuffix(VariantName::darwinSuffix("mps")));
        QVERIFY(!VariantName::isDarwinSuffix(VariantName::cpuSuffix("avx2")));
        QVERIFY(!VariantName::isDarwinSuffix(VariantName::cudaSuffix("12_9", "sm90", "avx512")));
        QVERIFY(!VariantName::isDarwinSuffix(QString()));
    }
};

QTEST_GUILESS_MAIN(TestVariantSuffix)
#include "test_variant_suffix.moc"
