#include "catalog/Catalog.h"
#include "itemmodels/MatrixCell.h"
#include "support/MatrixRecipes.h"

#include <QtTest>

using namespace vs;

using vs::test::recipe;

namespace {
VariantName variant(const QString &name)
{
    return *VariantName::parse(name);
}

MatrixCell derive(const QString &cell, const QList<MatrixRecipe> &recipes, const QList<int> &at, const MachineFit &fit = {},
    std::optional<CellStatus> build = std::nullopt)
{
    return MatrixCell::derive(Catalog::embedded(), variant(cell), recipes, at, fit, build);
}
} // namespace

// The status rule of one matrix cell, without a model around it.
class TestMatrixCell : public QObject {
    Q_OBJECT
private slots:
    void withoutRecipeTheCatalogueDecides()
    {
        const MatrixCell open = derive("pytorch-python313-cuda12_9-sm90-avx512", {}, {});
        QCOMPARE(open.status, CellStatus::NotDefined);
        QVERIFY(open.reason.isEmpty());
        const MatrixCell impossible = derive("pytorch-python313-cuda12_8-sm110-avx2", {}, {});
        QCOMPARE(impossible.status, CellStatus::Incompatible);
        QVERIFY2(impossible.reason.contains(QLatin1String("needs CUDA 13.0")), qPrintable(impossible.reason));
    }

    void aRecipeIsDefinedOrNew()
    {
        const QList<MatrixRecipe> rs { recipe("pytorch-python313-cpu-avx2.nix"), recipe("pytorch-python313-cpu-avx512.nix", true) };
        const MatrixCell committed = derive("pytorch-python313-cpu-avx2", rs, { 0 });
        QCOMPARE(committed.status, CellStatus::Defined);
        QCOMPARE(committed.recipes, QList<int> { 0 });
        QVERIFY(committed.reason.isEmpty());
        QCOMPARE(derive("pytorch-python313-cpu-avx512", rs, { 1 }).status, CellStatus::New);
    }

    void problemsWinOverNew()
    {
        const QList<MatrixRecipe> rs { recipe("pytorch-python313-cpu-avx2.nix", true, { "line 3: cpu-flags-mismatch" }),
            recipe("pytorch-python313-cpu-armv8.2.nix"), recipe("pytorch-python313-cpu-armv8_2.nix"),
            recipe("pytorch-python313-cuda12_8-sm110-avx2.nix") };
        const MatrixCell lint = derive("pytorch-python313-cpu-avx2", rs, { 0 });
        QCOMPARE(lint.status, CellStatus::Problem);
        QCOMPARE(lint.reason, QStringLiteral("line 3: cpu-flags-mismatch"));
        // Two files for one cell, one spelled non-canonically: both said, one per line.
        const MatrixCell twice = derive("pytorch-python313-cpu-armv8_2", rs, { 1, 2 });
        QCOMPARE(twice.status, CellStatus::Problem);
        const QStringList lines = twice.reason.split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 2);
        QVERIFY2(
            lines[0].contains(QLatin1String(".flox/pkgs/pytorch-python313-cpu-armv8.2.nix, .flox/pkgs/pytorch-python313-cpu-armv8_2.nix")),
            qPrintable(lines[0]));
        QVERIFY2(lines[1].contains(QLatin1String("armv8.2")), qPrintable(lines[1]));
        // A recipe the catalogue says cannot be built.
        const MatrixCell impossible = derive("pytorch-python313-cuda12_8-sm110-avx2", rs, { 3 });
        QCOMPARE(impossible.status, CellStatus::Problem);
        QVERIFY2(impossible.reason.contains(QLatin1String("needs CUDA 13.0")), qPrintable(impossible.reason));
    }

    void aBuildStateWins()
    {
        const QList<MatrixRecipe> rs { recipe("pytorch-python313-cpu-avx2.nix", false, { "line 3: problem" }) };
        const MatrixCell built = derive("pytorch-python313-cpu-avx2", rs, { 0 }, {}, CellStatus::Built);
        QCOMPARE(built.status, CellStatus::Built);
        QCOMPARE(built.reason, QStringLiteral("line 3: problem")); // the problems are still told
        QCOMPARE(derive("pytorch-python313-cpu-avx512", {}, {}, {}, CellStatus::Failed).status, CellStatus::Failed);
    }

    void machineMarks()
    {
        MachineFit fit;
        fit.known = true;
        fit.isas = QStringList { "avx", "avx2" };
        fit.gpuArchs = QStringList { "sm89" };
        fit.maxCuda = QStringLiteral("12_9");
        fit.recommendedSuffix = QStringLiteral("cuda12_9-sm89-avx2");
        const MatrixCell mine = derive("pytorch-python313-cuda12_9-sm89-avx2", {}, {}, fit);
        QVERIFY(mine.runsHere);
        QVERIFY(mine.recommended);
        const MatrixCell older = derive("pytorch-python313-cuda12_8-sm89-avx", {}, {}, fit);
        QVERIFY(older.runsHere);
        QVERIFY(!older.recommended);
        QVERIFY(!derive("pytorch-python313-cuda13_0-sm89-avx2", {}, {}, fit).runsHere); // beyond the driver
        QVERIFY(!derive("pytorch-python313-cpu-avx512", {}, {}, fit).runsHere);
        fit.known = false;
        QVERIFY(!derive("pytorch-python313-cuda12_9-sm89-avx2", {}, {}, fit).recommended);
    }
};

QTEST_GUILESS_MAIN(TestMatrixCell)
#include "test_matrix_cell.moc"
