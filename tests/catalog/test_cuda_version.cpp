#include "catalog/Catalog.h"
#include "catalog/CudaVersion.h"

#include <QtTest>

using namespace vs;

// The one spelling rule of CUDA releases, checked against the catalogue's own entries.
class TestCudaVersion : public QObject {
    Q_OBJECT
private slots:
    void idsAndVersionsConvertBothWays()
    {
        QCOMPARE(CudaVersion::toVersion(QStringLiteral("12_9")), QStringLiteral("12.9"));
        QCOMPARE(CudaVersion::fromVersion(QStringLiteral("12.9")), QStringLiteral("12_9"));
        QCOMPARE(CudaVersion::toVersion(QStringLiteral("12.9")), QStringLiteral("12.9")); // already a version
        QCOMPARE(CudaVersion::fromVersion(QStringLiteral("13_0")), QStringLiteral("13_0")); // already an id
        QCOMPARE(CudaVersion::toVersion(QString()), QString());
    }

    void everyCatalogueReleaseFollowsTheRule()
    {
        const Catalog &c = Catalog::embedded();
        QVERIFY(!c.cudaReleases.isEmpty());
        for (const CudaRelease &r : c.cudaReleases) {
            QCOMPARE(CudaVersion::toVersion(r.id), r.version);
            QCOMPARE(CudaVersion::fromVersion(r.version), r.id);
            QCOMPARE(CudaVersion::attribute(r.id), r.nixAttribute);
            QCOMPARE(CudaVersion::attribute(r.version), r.nixAttribute);
            QCOMPARE(CudaVersion::fromAttribute(r.nixAttribute), r.id);
        }
    }

    void attributesOnlyWhenTheyAreOnes()
    {
        QCOMPARE(CudaVersion::fromAttribute(QStringLiteral("cudaPackages_12_9")), QStringLiteral("12_9"));
        QCOMPARE(CudaVersion::fromAttribute(QStringLiteral("cudaPackages")), QString());
        QCOMPARE(CudaVersion::fromAttribute(QStringLiteral("pkgs.cudaPackages_12_9")), QString());
    }

    void compareIsNumericAndMixesSpellings()
    {
        QVERIFY(CudaVersion::compare(QStringLiteral("12_10"), QStringLiteral("12.9")) > 0);
        QVERIFY(CudaVersion::compare(QStringLiteral("12.9"), QStringLiteral("13_0")) < 0);
        QCOMPARE(CudaVersion::compare(QStringLiteral("12_9"), QStringLiteral("12.9")), 0);
        QVERIFY(CudaVersion::compare(QStringLiteral("13_0"), QStringLiteral("12_9")) > 0);
        // The catalogue's version order goes through the same rule.
        QCOMPARE(Catalog::compareVersions(QStringLiteral("12_10"), QStringLiteral("12.9")),
            CudaVersion::compare(QStringLiteral("12_10"), QStringLiteral("12.9")));
    }
};

QTEST_GUILESS_MAIN(TestCudaVersion)
#include "test_cuda_version.moc"
