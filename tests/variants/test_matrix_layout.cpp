#include "catalog/Catalog.h"
#include "variants/MatrixLayout.h"

#include <QtTest>

using namespace vs;

namespace {
QList<VariantName> parsed(const QStringList &files)
{
    QList<VariantName> out;
    for (const QString &f : files) {
        const auto v = VariantName::parse(f);
        if (v)
            out.append(*v);
    }
    return out;
}

// The catalogue's ids, in its order.
template <typename Entry> QStringList ids(const QList<Entry> &entries)
{
    QStringList out;
    for (const Entry &e : entries)
        out.append(e.id);
    return out;
}

// A branch with two GPUs (listed out of catalogue order), CPU, darwin, two recipes in
// one cell and a GPU and an ISA the catalogue does not know.
const QStringList kBranch {
    "pytorch-python313-cuda12_9-sm90-avx512.nix",
    "pytorch-python313-cuda12_9-sm80-avx2.nix",
    "torchvision-python313-cuda12_9-sm90-avx512.nix",
    "pytorch-python313-cpu-avx2.nix",
    "pytorch-python313-darwin-mps.nix",
    "pytorch-python313-cuda12_9-sm999-avx2.nix",
    "pytorch-python313-cpu-zzisa.nix",
    "pytorch-python313-cpu-aaisa.nix",
};
} // namespace

class TestMatrixLayout : public QObject {
    Q_OBJECT
private slots:
    void rowsFollowTheKind()
    {
        const QList<VariantName> v = parsed(kBranch);
        QCOMPARE(MatrixLayout::rowOf(v[0]), QStringLiteral("sm90"));
        QCOMPARE(MatrixLayout::rowOf(v[3]), MatrixLayout::cpuRow());
        QCOMPARE(MatrixLayout::rowOf(v[4]), MatrixLayout::darwinRow());
    }

    void branchSpanHasOnlyWhatTheBranchHas()
    {
        const MatrixLayout m(Catalog::embedded(), parsed(kBranch), MatrixLayout::Span::Branch);
        // Catalogue order, then the unknown ones sorted.
        QCOMPARE(m.gpuRows(), (QStringList { "sm80", "sm90", "sm999" }));
        QCOMPARE(m.rows(), (QStringList { "sm80", "sm90", "sm999", "cpu", "darwin" }));
        QCOMPARE(m.columns(), (QStringList { "avx2", "avx512", "aaisa", "zzisa", "mps" }));
    }

    void branchSpanLeavesOutCpuAndDarwinItLacks()
    {
        const MatrixLayout m(Catalog::embedded(), parsed({ "pytorch-python313-cuda12_9-sm90-avx512.nix" }), MatrixLayout::Span::Branch);
        QCOMPARE(m.rows(), QStringList { "sm90" });
        QCOMPARE(m.columns(), QStringList { "avx512" });
        const MatrixLayout empty(Catalog::embedded(), {}, MatrixLayout::Span::Branch);
        QVERIFY(empty.rows().isEmpty());
        QVERIFY(empty.columns().isEmpty());
    }

    void catalogueSpanShowsEverythingThenTheUnknownInTheOrderMet()
    {
        const QStringList gpus = ids(Catalog::embedded().gpuArchitectures);
        const QStringList isas = ids(Catalog::embedded().cpuIsas);
        const MatrixLayout m(Catalog::embedded(), parsed(kBranch), MatrixLayout::Span::Catalogue);
        QCOMPARE(m.gpuRows(), (gpus + QStringList { "sm999" }));
        QCOMPARE(m.rows(), (gpus + QStringList { "sm999", "cpu", "darwin" }));
        QCOMPARE(m.columns(), (isas + QStringList { "zzisa", "aaisa" })); // darwin sits in no column
        const MatrixLayout plan(Catalog::embedded(), {}, MatrixLayout::Span::Catalogue);
        QCOMPARE(plan.rows(), (gpus + QStringList { "cpu", "darwin" }));
        QCOMPARE(plan.columns(), isas);
    }

    void cellsHoldTheirVariantsInListOrder()
    {
        for (const auto span : { MatrixLayout::Span::Branch, MatrixLayout::Span::Catalogue }) {
            const MatrixLayout m(Catalog::embedded(), parsed(kBranch), span);
            QCOMPARE(m.at("sm90", "avx512"), (QList<int> { 0, 2 })); // pytorch and torchvision
            QCOMPARE(m.at("sm80", "avx2"), QList<int> { 1 });
            QCOMPARE(m.at("cpu", "avx2"), QList<int> { 3 });
            QCOMPARE(m.at("darwin", "mps"), QList<int> { 4 });
            QCOMPARE(m.at("sm999", "avx2"), QList<int> { 5 });
            QVERIFY(m.at("sm90", "avx2").isEmpty());
            QVERIFY(m.at("cpu", "avx512").isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestMatrixLayout)
#include "test_matrix_layout.moc"
