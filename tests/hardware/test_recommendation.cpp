#include "catalog/Catalog.h"
#include "hardware/HardwareProbe.h"
#include "hardware/Recommendation.h"

#include <QtTest>

using namespace vs;

namespace {

HostProfile fromFixture(const QString &name)
{
    return HardwareProbe::fromDirectory(Catalog::embedded(), QStringLiteral(VS_SOURCE_DIR "/tests/fixtures/hardware/") + name);
}

Recommendation recommendationFor(const QString &fixture)
{
    return Recommendation(Catalog::embedded(), fromFixture(fixture));
}

VariantName variant(const QString &name)
{
    return VariantName::parse(name).value_or(VariantName {});
}

// The CUDA releases a branch offers, as the window lists them: its line first.
QStringList releasesOf(const QString &branch)
{
    QStringList out = Catalog::embedded().profileForBranch(branch).cudaReleases;
    for (const CudaRelease &c : Catalog::embedded().cudaReleases)
        if (!out.contains(c.id))
            out.append(c.id);
    return out;
}

} // namespace

// The recommendation on real captured machines (tests/fixtures/hardware).
class TestRecommendation : public QObject {
    Q_OBJECT
private slots:
    void bestCudaIsTheBranchsFirstThatFits()
    {
        const Recommendation h100 = recommendationFor(QStringLiteral("h100-xeon")); // driver 580.159.04: up to 13.0
        QCOMPARE(h100.bestCuda(releasesOf(QStringLiteral("main"))), QStringLiteral("12_9"));
        QCOMPARE(h100.bestCuda(releasesOf(QStringLiteral("pytorch-2.8"))), QStringLiteral("12_8"));
        QCOMPARE(h100.bestCuda({ QStringLiteral("13_1"), QStringLiteral("13_0") }), QStringLiteral("13_0")); // 13.1 needs driver 590
        // Nothing of the branch fits: the profile's own release.
        QCOMPARE(h100.bestCuda({ QStringLiteral("13_1") }), QStringLiteral("13_0"));
        QCOMPARE(h100.bestCuda({}), QStringLiteral("13_0"));
    }

    void bestCudaMustCompileForTheGpuAndRunOnTheDriver()
    {
        // GH200 with driver 570.124.06: 12.9 needs 575.51.03, so main falls back to 12.8.
        QCOMPARE(recommendationFor(QStringLiteral("arm-grace-sve2")).bestCuda(releasesOf(QStringLiteral("main"))), QStringLiteral("12_8"));
        // sm89 is recommended among mixed GPUs; 13.1 is beyond the driver.
        QCOMPARE(recommendationFor(QStringLiteral("mixed-gpus")).bestCuda({ QStringLiteral("13_1"), QStringLiteral("13_0") }),
            QStringLiteral("13_0"));
    }

    void noGpuNoCuda()
    {
        QCOMPARE(recommendationFor(QStringLiteral("no-gpu-x86")).bestCuda(releasesOf(QStringLiteral("main"))), QString());
        QCOMPARE(recommendationFor(QStringLiteral("driver-failure")).bestCuda(releasesOf(QStringLiteral("main"))), QString());
    }

    void suffixUsesTheChosenRelease()
    {
        const Recommendation h100 = recommendationFor(QStringLiteral("h100-xeon"));
        QCOMPARE(h100.suffix(QStringLiteral("12_9")), QStringLiteral("cuda12_9-sm90-avx512"));
        QCOMPARE(h100.suffix(QString()), QStringLiteral("cuda13_0-sm90-avx512")); // the profile's
        QCOMPARE(recommendationFor(QStringLiteral("mixed-gpus")).suffix(QStringLiteral("12_8")), QStringLiteral("cuda12_8-sm89-avx2"));
        // Without a GPU the release does not matter.
        QCOMPARE(recommendationFor(QStringLiteral("no-gpu-x86")).suffix(QStringLiteral("12_9")), QStringLiteral("cpu-avx512"));
        QCOMPARE(recommendationFor(QStringLiteral("arm-graviton2")).suffix(QString()), QStringLiteral("cpu-armv8_2"));
    }

    void profileSuffixIsWhatDetectRecommends_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("suffix");
        const std::pair<const char *, const char *> rows[]
            = { { "h100-xeon", "cuda13_0-sm90-avx512" }, { "arm-grace-sve2", "cuda12_8-sm90-armv9" },
                  { "mixed-gpus", "cuda13_0-sm89-avx2" }, { "no-gpu-x86", "cpu-avx512" }, { "avx-only", "cpu-avx" } };
        for (const auto &[fixture, suffix] : rows)
            QTest::newRow(fixture) << QString::fromLatin1(fixture) << QString::fromLatin1(suffix);
    }
    void profileSuffixIsWhatDetectRecommends()
    {
        QFETCH(QString, fixture);
        QFETCH(QString, suffix);
        const HostProfile p = fromFixture(fixture);
        QCOMPARE(Recommendation::profileSuffix(p), suffix);
        QCOMPARE(p.recommendedSuffix, suffix);
        QCOMPARE(Recommendation(Catalog::embedded(), p).suffix(p.recommendedCuda), suffix);
    }

    void profileSuffixIsEmptyWithoutAnIsa()
    {
        HostProfile p = fromFixture(QStringLiteral("h100-xeon"));
        p.recommendedIsa.clear();
        QCOMPARE(Recommendation::profileSuffix(p), QString());
    }

    void fitMarksWhatRunsHere()
    {
        const MachineFit fit = recommendationFor(QStringLiteral("h100-xeon")).fit(releasesOf(QStringLiteral("main")));
        QVERIFY(fit.known);
        QCOMPARE(fit.recommendedSuffix, QStringLiteral("cuda12_9-sm90-avx512"));
        QVERIFY(fit.runs(variant("pytorch-python313-cuda12_9-sm90-avx512")));
        QVERIFY(fit.runs(variant("pytorch-python313-cuda13_0-sm90-avx2")));
        QVERIFY(!fit.runs(variant("pytorch-python313-cuda13_1-sm90-avx512"))); // beyond the driver
        QVERIFY(!fit.runs(variant("pytorch-python313-cuda12_9-sm89-avx512"))); // another GPU
        QVERIFY(!fit.runs(variant("pytorch-python313-cpu-armv9"))); // another CPU
        QVERIFY(fit.runs(variant("pytorch-python313-cpu-avx512bf16")));
        QVERIFY(!fit.runs(variant("pytorch-python313-darwin-mps")));
        QVERIFY(fit.recommends(variant("torchvision-python312-cuda12_9-sm90-avx512")));
        QVERIFY(!fit.recommends(variant("pytorch-python313-cuda13_0-sm90-avx512")));
        QVERIFY(!MachineFit {}.runs(variant("pytorch-python313-cpu-avx"))); // nothing known, nothing runs
    }

    void fitWithoutGpuRunsOnlyCpuVariants()
    {
        const MachineFit fit = recommendationFor(QStringLiteral("no-gpu-x86")).fit(releasesOf(QStringLiteral("main")));
        QCOMPARE(fit.recommendedSuffix, QStringLiteral("cpu-avx512"));
        QVERIFY(fit.gpuArchs.isEmpty());
        QVERIFY(!fit.runs(variant("pytorch-python313-cuda12_9-sm90-avx512")));
        QVERIFY(fit.runs(variant("pytorch-python313-cpu-avx512")));
        QVERIFY(fit.recommends(variant("pytorch-python313-cpu-avx512")));
    }

    void warningsForABranch()
    {
        // GH200, driver 570.124.06, against main (CUDA 12.9 needs 575.51.03).
        const Recommendation grace = recommendationFor(QStringLiteral("arm-grace-sve2"));
        const QStringList main = grace.warnings({ QStringLiteral("main"), releasesOf(QStringLiteral("main")), 0 });
        QCOMPARE(main,
            (QStringList {
                QStringLiteral("Branch 'main' builds CUDA 12.9, which needs driver 575.51.03 or newer; this machine has 570.124.06."),
                QStringLiteral("No recipe on branch 'main' runs on this machine.") }));
        // The 2.8 line builds 12.8, which this driver runs; some recipe runs here.
        QVERIFY(grace.warnings({ QStringLiteral("pytorch-2.8"), releasesOf(QStringLiteral("pytorch-2.8")), 3 }).isEmpty());
        // The plan (no branch) warns of nothing about branches.
        QVERIFY(grace.warnings({ QString(), releasesOf(QString()), 0 }).isEmpty());
    }

    void driverWarningNeedsAGpu()
    {
        // No GPU: an old or absent driver is no reason to warn; no recipe running still is.
        const QStringList w
            = recommendationFor(QStringLiteral("no-gpu-x86")).warnings({ QStringLiteral("main"), { QStringLiteral("13_1") }, 0 });
        QCOMPARE(w, QStringList { QStringLiteral("No recipe on branch 'main' runs on this machine.") });
    }

    void probeProblemsComeFirst()
    {
        const HostProfile p = fromFixture(QStringLiteral("driver-failure"));
        QVERIFY(!p.gpuError.isEmpty());
        const QStringList w
            = Recommendation(Catalog::embedded(), p).warnings({ QStringLiteral("main"), releasesOf(QStringLiteral("main")), 1 });
        QCOMPARE(w, QStringList { p.gpuError });
        QCOMPARE(Recommendation(Catalog::embedded(), p).warnings({}), QStringList { p.gpuError });
    }
};

QTEST_GUILESS_MAIN(TestRecommendation)
#include "test_recommendation.moc"
