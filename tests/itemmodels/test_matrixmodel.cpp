#include "catalog/Catalog.h"
#include "itemmodels/MatrixFilterProxy.h"
#include "itemmodels/MatrixModel.h"
#include "support/MatrixRecipes.h"

#include <QtTest>

using namespace vs;

using vs::test::recipe;

class TestMatrixModel : public QObject {
    Q_OBJECT
private slots:
    void planShowsTheCatalogue()
    {
        MatrixModel m;
        QVERIFY(m.isPlan());
        const Catalog &c = Catalog::embedded();
        QCOMPARE(m.rowCount(), int(c.gpuArchitectures.size()) + 2);
        QCOMPARE(m.columnCount(), int(c.cpuIsas.size()));
        // The default profile's release line comes first.
        QCOMPARE(m.cuda(), QStringLiteral("12_9"));
        QCOMPARE(m.python(), QStringLiteral("313"));
        QCOMPARE(m.package(), QStringLiteral("pytorch"));

        m.setSlice(QStringLiteral("pytorch"), QStringLiteral("313"), QStringLiteral("12_8"));
        auto counts = m.statusCounts();
        // sm103, sm110, sm121 need CUDA 12.9 or 13.0: 3 rows × 7 ISAs.
        QCOMPARE(counts.value(CellStatus::Incompatible), 21);
        QCOMPARE(counts.value(CellStatus::NotDefined), 12 * 7 - 21 + 7 + 1);
        VariantName sm110 = *VariantName::parse(QStringLiteral("pytorch-python313-cuda12_8-sm110-avx2"));
        const QModelIndex i = m.indexOf(sm110);
        QVERIFY(i.isValid());
        QCOMPARE(m.statusAt(i), CellStatus::Incompatible);
        QVERIFY(i.data(MatrixModel::ReasonRole).toString().contains(QStringLiteral("needs CUDA 13.0")));
        QVERIFY(i.data(Qt::ToolTipRole).toString().contains(QStringLiteral("pytorch-python313-cuda12_8-sm110-avx2")));
        QCOMPARE(i.data(MatrixModel::StatusTextRole).toString(), QStringLiteral("incompatible"));

        m.setSlice(QStringLiteral("pytorch"), QStringLiteral("313"), QStringLiteral("13_0"));
        QCOMPARE(m.statusCounts().value(CellStatus::Incompatible), 14); // sm61 and sm70 end with 12.9
    }

    void darwinRowHasOneCell()
    {
        MatrixModel m;
        QVERIFY(m.isCell(m.index(m.darwinRow(), 0)));
        QVERIFY(!m.isCell(m.index(m.darwinRow(), 1)));
        QCOMPARE(m.flags(m.index(m.darwinRow(), 1)), Qt::NoItemFlags);
        QCOMPARE(m.variantAt(m.index(m.darwinRow(), 0)).toString(), QStringLiteral("pytorch-python313-darwin-mps"));
        QCOMPARE(m.variantAt(m.index(m.cpuRow(), 1)).toString(), QStringLiteral("pytorch-python313-cpu-avx2"));
    }

    void recipesGiveStatuses()
    {
        MatrixModel m;
        QList<MatrixRecipe> recipes {
            recipe(QStringLiteral("pytorch-python312-cuda12_8-sm90-avx2.nix")),
            recipe(QStringLiteral("pytorch-python312-cuda12_8-sm90-avx512.nix"), true),
            recipe(QStringLiteral("pytorch-python312-cuda12_8-sm80-avx2.nix"), false, { QStringLiteral("line 3: pname mismatch") }),
            recipe(QStringLiteral("pytorch-python312-cuda12_8-sm110-avx2.nix")), // incompatible, yet there
            recipe(QStringLiteral("pytorch-python312-cuda12_8-sm90-armv8.2.nix")), // non-canonical name
            recipe(QStringLiteral("pytorch-python312-cpu-avx2.nix")),
            recipe(QStringLiteral("torchvision-python312-cpu-avx2.nix")),
            recipe(QStringLiteral("pytorch-python311-cuda12_9-sm90-avx2.nix")),
        };
        m.setBranch(QStringLiteral("pytorch-2.8"), recipes);
        // The slice the branch holds most.
        QCOMPARE(m.package(), QStringLiteral("pytorch"));
        QCOMPARE(m.python(), QStringLiteral("312"));
        QCOMPARE(m.cuda(), QStringLiteral("12_8"));
        QCOMPARE(m.cudaChoices().first(), QStringLiteral("12_8"));
        QVERIFY(m.cudaChoices().contains(QStringLiteral("13_1")));
        QCOMPARE(m.pythonChoices().first(), QStringLiteral("312"));

        auto counts = m.statusCounts();
        QCOMPARE(counts.value(CellStatus::Defined), 2); // sm90-avx2, cpu-avx2
        QCOMPARE(counts.value(CellStatus::New), 1);
        QCOMPARE(counts.value(CellStatus::Problem), 3); // lint, incompatible, armv8.2
        QCOMPARE(counts.value(CellStatus::Incompatible), 21 - 1);

        auto at = [&](const QString &name) { return m.indexOf(*VariantName::parse(name)); };
        QModelIndex sm110 = at(QStringLiteral("pytorch-python312-cuda12_8-sm110-avx2"));
        QCOMPARE(m.statusAt(sm110), CellStatus::Problem);
        QVERIFY(sm110.data(MatrixModel::ReasonRole).toString().contains(QStringLiteral("cannot compile")));
        QModelIndex lint = at(QStringLiteral("pytorch-python312-cuda12_8-sm80-avx2"));
        QVERIFY(lint.data(Qt::ToolTipRole).toString().contains(QStringLiteral("pname mismatch")));
        QVERIFY(lint.data(Qt::ToolTipRole).toString().contains(QStringLiteral(".flox/pkgs/pytorch-python312-cuda12_8-sm80-avx2.nix")));
        QModelIndex arm = at(QStringLiteral("pytorch-python312-cuda12_8-sm90-armv8_2"));
        QCOMPARE(m.statusAt(arm), CellStatus::Problem);
        QVERIFY(arm.data(MatrixModel::ReasonRole).toString().contains(QStringLiteral("armv8.2")));
        QCOMPARE(m.recipeAt(at(QStringLiteral("pytorch-python312-cuda12_8-sm90-avx512")))->path,
            QStringLiteral(".flox/pkgs/pytorch-python312-cuda12_8-sm90-avx512.nix"));

        // Build states take over the colour.
        const QString key = MatrixModel::buildKey(QStringLiteral("pytorch-2.8"), QStringLiteral("pytorch-python312-cuda12_8-sm90-avx2"));
        m.setBuildStates({ { key, CellStatus::Building } });
        QCOMPARE(m.statusAt(at(QStringLiteral("pytorch-python312-cuda12_8-sm90-avx2"))), CellStatus::Building);
        QCOMPARE(m.statusCounts().value(CellStatus::Defined), 1);

        // Another slice of the same branch.
        m.setSlice(QStringLiteral("torchvision"), QStringLiteral("312"), QStringLiteral("12_8"));
        QCOMPARE(m.statusCounts().value(CellStatus::Defined), 1);
        QVERIFY(!at(QStringLiteral("pytorch-python312-cpu-avx2")).isValid());
    }

    void machineMarksCells()
    {
        MatrixModel m;
        m.setSlice(QStringLiteral("pytorch"), QStringLiteral("313"), QStringLiteral("12_9"));
        MachineFit fit;
        fit.known = true;
        fit.gpuArchs = { QStringLiteral("sm90") };
        fit.maxCuda = QStringLiteral("12_9");
        fit.isas = { QStringLiteral("avx"), QStringLiteral("avx2"), QStringLiteral("avx512") };
        fit.recommendedSuffix = QStringLiteral("cuda12_9-sm90-avx512");
        m.setMachine(fit);
        auto at = [&](const QString &name) { return m.indexOf(*VariantName::parse(name)); };
        QVERIFY(at(QStringLiteral("pytorch-python313-cuda12_9-sm90-avx2")).data(MatrixModel::RunsHereRole).toBool());
        QVERIFY(!at(QStringLiteral("pytorch-python313-cuda12_9-sm80-avx2")).data(MatrixModel::RunsHereRole).toBool());
        QVERIFY(!at(QStringLiteral("pytorch-python313-cuda12_9-sm90-armv9")).data(MatrixModel::RunsHereRole).toBool());
        QVERIFY(at(QStringLiteral("pytorch-python313-cpu-avx")).data(MatrixModel::RunsHereRole).toBool());
        QCOMPARE(m.recommendedIndex(), at(QStringLiteral("pytorch-python313-cuda12_9-sm90-avx512")));
        // A driver too old for the slice's CUDA: nothing GPU-side runs.
        fit.maxCuda = QStringLiteral("12_8");
        m.setMachine(fit);
        QVERIFY(!at(QStringLiteral("pytorch-python313-cuda12_9-sm90-avx2")).data(MatrixModel::RunsHereRole).toBool());
    }

    void filterDims()
    {
        MatrixModel m;
        m.setBranch(QStringLiteral("main"), { recipe(QStringLiteral("pytorch-python313-cuda12_9-sm90-avx2.nix")) });
        MatrixFilterProxy proxy;
        proxy.setSourceModel(&m);
        const QModelIndex defined
            = proxy.mapFromSource(m.indexOf(*VariantName::parse(QStringLiteral("pytorch-python313-cuda12_9-sm90-avx2"))));
        const QModelIndex empty
            = proxy.mapFromSource(m.indexOf(*VariantName::parse(QStringLiteral("pytorch-python313-cuda12_9-sm80-avx2"))));
        QVERIFY(!defined.data(MatrixFilterProxy::DimmedRole).toBool());
        QVERIFY(!empty.data(MatrixFilterProxy::DimmedRole).toBool());
        proxy.setFilter(MatrixFilterProxy::OnlyDefined);
        QVERIFY(!defined.data(MatrixFilterProxy::DimmedRole).toBool());
        QVERIFY(empty.data(MatrixFilterProxy::DimmedRole).toBool());
        proxy.setFilter(MatrixFilterProxy::OnlyNotDefined);
        QVERIFY(defined.data(MatrixFilterProxy::DimmedRole).toBool());
        QVERIFY(!empty.data(MatrixFilterProxy::DimmedRole).toBool());
        proxy.setFilter(MatrixFilterProxy::OnlyProblems);
        QVERIFY(defined.data(MatrixFilterProxy::DimmedRole).toBool());
    }
};

QTEST_MAIN(TestMatrixModel)
#include "test_matrixmodel.moc"
