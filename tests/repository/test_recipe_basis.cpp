#include "repository/RealisticRecipe.h"
#include "repository/RecipeBasis.h"
#include "repository/RepositoryScanner.h"
#include "support/GitFixture.h"

#include <QtTest>

using namespace vs;
using namespace vs::test;

namespace {
const QString kMainRev = QStringLiteral("1111111111111111111111111111111111111111");
const QString kOtherRev = QStringLiteral("2222222222222222222222222222222222222222");

QByteArray recipe(const QString &variant, const QString &rev)
{
    return realisticRecipe(Catalog::embedded(), variant, rev).toUtf8();
}
} // namespace

// What the window generates with, per branch, from a real scanned repository.
class TestRecipeBasis : public QObject {
    Q_OBJECT

    GitFixture m_repo;
    RepositoryScan m_scan;

private slots:
    void initTestCase()
    {
        // main: two recipes pin kMainRev, one kOtherRev. pytorch-2.8: no recipe.
        QVERIFY(m_repo.write(
            ".flox/pkgs/pytorch-python313-cuda12_9-sm90-avx512.nix", recipe("pytorch-python313-cuda12_9-sm90-avx512", kMainRev)));
        QVERIFY(m_repo.write(".flox/pkgs/pytorch-python313-cpu-avx2.nix", recipe("pytorch-python313-cpu-avx2", kMainRev)));
        QVERIFY(m_repo.write(".flox/pkgs/pytorch-python313-cpu-avx512.nix", recipe("pytorch-python313-cpu-avx512", kOtherRev)));
        QVERIFY2(m_repo.commitAll("recipes"), qPrintable(m_repo.lastError()));
        QVERIFY2(m_repo.git({ "branch", "pytorch-2.8" }), qPrintable(m_repo.lastError()));
        QVERIFY2(m_repo.git({ "switch", "pytorch-2.8" }), qPrintable(m_repo.lastError()));
        QVERIFY2(m_repo.git({ "rm", "-q", "-r", ".flox" }), qPrintable(m_repo.lastError()));
        QVERIFY(m_repo.write("README.md", "2.8 line\n"));
        QVERIFY2(m_repo.commitAll("no recipes yet"), qPrintable(m_repo.lastError()));
        QVERIFY2(m_repo.git({ "switch", "main" }), qPrintable(m_repo.lastError()));
        m_scan = RepositoryScanner::scan(m_repo.path(), {});
        QVERIFY2(m_scan.ok(), qPrintable(m_scan.error));
    }

    void aBranchGeneratesWithItsProfileAndMostCommonPin()
    {
        const Catalog &c = Catalog::embedded();
        const RecipeBasis main = RecipeBasis::forBranch(c, m_scan, QStringLiteral("main"));
        QCOMPARE(main.profile.id, c.profileForBranch(QStringLiteral("main")).id);
        QCOMPARE(main.nixpkgsRev, kMainRev);
        // An existing recipe keeps its own pin; one without a pin takes the branch's.
        QCOMPARE(main.nixpkgsRevFor(kOtherRev), kOtherRev);
        QCOMPARE(main.nixpkgsRevFor(QString()), kMainRev);
    }

    void aBranchWithoutRecipesLeavesThePinToTheProfile()
    {
        const Catalog &c = Catalog::embedded();
        const RecipeBasis old = RecipeBasis::forBranch(c, m_scan, QStringLiteral("pytorch-2.8"));
        QCOMPARE(old.profile.id, c.profileForBranch(QStringLiteral("pytorch-2.8")).id);
        QVERIFY(old.profile.id != c.profileForBranch(QStringLiteral("main")).id);
        QVERIFY(old.nixpkgsRev.isEmpty());
    }

    void noRepositoryMeansThePlan()
    {
        const Catalog &c = Catalog::embedded();
        const RecipeBasis plan = RecipeBasis::forBranch(c, RepositoryScan {}, QString());
        QCOMPARE(plan.profile.id, c.profileForBranch(QString()).id);
        QVERIFY(plan.nixpkgsRev.isEmpty());
        // A branch the scan does not know: its profile, no pin.
        QVERIFY(RecipeBasis::forBranch(c, m_scan, QStringLiteral("nowhere")).nixpkgsRev.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRecipeBasis)
#include "test_recipe_basis.moc"
