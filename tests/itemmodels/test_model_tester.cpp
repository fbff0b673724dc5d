// Every item model of models/itemmodels under QAbstractItemModelTester, driven
// through the changes the app makes to it: the tester checks each signal against
// the model's state before and after, and fails the test on the first breach.
#include "builds/BuildQueue.h"
#include "builds/BuildTestSupport.h"
#include "itemmodels/BranchListModel.h"
#include "itemmodels/BuildQueueModel.h"
#include "itemmodels/LogModel.h"
#include "itemmodels/MatrixFilterProxy.h"
#include "itemmodels/MatrixModel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace vs;
using namespace vs::test;

namespace {

constexpr auto kReport = QAbstractItemModelTester::FailureReportingMode::QtTest;

MatrixRecipe matrixRecipe(const QString &name, bool changed = false)
{
    MatrixRecipe r;
    r.variant = *VariantName::parse(name);
    r.path = QStringLiteral(".flox/pkgs/%1.nix").arg(name);
    r.pname = name;
    r.changedInWorkingTree = changed;
    r.text = QStringLiteral("{ }\n");
    return r;
}

QList<MatrixRecipe> mainBranch()
{
    return { matrixRecipe(QStringLiteral("pytorch-python313-cuda12_9-sm90-avx2")),
        matrixRecipe(QStringLiteral("pytorch-python313-cuda12_9-sm90-avx512"), true),
        matrixRecipe(QStringLiteral("pytorch-python313-cpu-avx2")), matrixRecipe(QStringLiteral("torchvision-python312-darwin-mps")),
        // An architecture and an ISA the catalogue does not know: a row and a column more.
        matrixRecipe(QStringLiteral("pytorch-python313-cuda12_9-sm37-avx2")), matrixRecipe(QStringLiteral("pytorch-python313-cpu-avx9")) };
}

LogLines logLines(int first, int count)
{
    LogLines lines;
    for (int i = first; i < first + count; ++i)
        lines.append(LogLine { QStringLiteral("line %1").arg(i), {} });
    return lines;
}

QStringList displayed(const QAbstractItemModel &model)
{
    QStringList rows;
    for (int r = 0; r < model.rowCount(); ++r)
        rows.append(model.index(r, 0).data().toString());
    return rows;
}

} // namespace

class TestModelTester : public QObject {
    Q_OBJECT
private slots:
    void matrixModel()
    {
        MatrixModel model;
        QAbstractItemModelTester tester(&model, kReport);
        const Catalog &catalog = Catalog::embedded();
        const int planRows = model.rowCount();
        QCOMPARE(planRows, int(catalog.gpuArchitectures.size()) + 2);

        model.setBranch(QStringLiteral("main"), mainBranch());
        QCOMPARE(model.rowCount(), planRows + 1); // sm37
        QCOMPARE(model.columnCount(), int(catalog.cpuIsas.size()) + 1); // avx9
        QCOMPARE(model.headerData(model.columnCount() - 1, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("avx9"));

        model.setSlice(QStringLiteral("pytorch"), QStringLiteral("313"), QStringLiteral("12_8"));
        model.setSlice(QStringLiteral("torchvision"), QStringLiteral("312"), QStringLiteral("12_9"));
        QCOMPARE(model.statusAt(model.index(model.darwinRow(), 0)), CellStatus::Defined);

        MachineFit fit;
        fit.known = true;
        fit.gpuArchs = { QStringLiteral("sm90") };
        fit.maxCuda = QStringLiteral("12_9");
        fit.isas = { QStringLiteral("avx"), QStringLiteral("avx2") };
        fit.recommendedSuffix = QStringLiteral("cuda12_9-sm90-avx2");
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setMachine(fit);
        QCOMPARE(changed.size(), 1);
        QVERIFY(model.recommendedIndex().isValid());

        const QString key = MatrixModel::buildKey(QStringLiteral("main"), QStringLiteral("torchvision-python312-darwin-mps"));
        model.setBuildStates({ { key, CellStatus::Building } });
        QCOMPARE(model.statusAt(model.index(model.darwinRow(), 0)), CellStatus::Building);

        // Another branch with fewer rows and columns, then the plan again.
        model.setBranch(QStringLiteral("pytorch-2.8"), { matrixRecipe(QStringLiteral("pytorch-python311-cuda12_8-sm86-avx2")) });
        QCOMPARE(model.rowCount(), planRows);
        model.setCatalog(catalog);
        model.setBranch({}, {});
        QVERIFY(model.isPlan());
    }

    // A catalogue without CPU ISAs leaves the grid without columns: a machine or
    // build states arriving then must not announce cells that do not exist.
    void matrixModelWithoutColumns()
    {
        MatrixModel model;
        QAbstractItemModelTester tester(&model, kReport);
        Catalog catalog = Catalog::embedded();
        catalog.cpuIsas.clear();
        model.setCatalog(catalog);
        QCOMPARE(model.columnCount(), 0);
        QVERIFY(model.rowCount() > 0);
        MachineFit fit;
        fit.known = true;
        model.setMachine(fit);
        model.setBuildStates({});
    }

    void matrixFilterProxy()
    {
        MatrixModel model;
        MatrixFilterProxy proxy;
        QAbstractItemModelTester tester(&proxy, kReport);
        proxy.setSourceModel(&model);
        model.setBranch(QStringLiteral("main"), mainBranch());
        const QModelIndex sm90
            = proxy.mapFromSource(model.indexOf(*VariantName::parse(QStringLiteral("pytorch-python313-cuda12_9-sm90-avx2"))));
        QVERIFY(sm90.isValid());

        QSignalSpy changed(&proxy, &QAbstractItemModel::dataChanged);
        for (MatrixFilterProxy::Filter filter : { MatrixFilterProxy::OnlyProblems, MatrixFilterProxy::OnlyDefined,
                 MatrixFilterProxy::OnlyNotDefined, MatrixFilterProxy::All }) {
            proxy.setFilter(filter);
            QCOMPARE(sm90.data(MatrixFilterProxy::DimmedRole).toBool(),
                filter == MatrixFilterProxy::OnlyProblems || filter == MatrixFilterProxy::OnlyNotDefined);
        }
        QCOMPARE(changed.size(), 4);
        proxy.setFilter(MatrixFilterProxy::All); // no change, no signal
        QCOMPARE(changed.size(), 4);

        // The source changes under a filter; then the proxy follows another source.
        proxy.setFilter(MatrixFilterProxy::OnlyDefined);
        model.setSlice(QStringLiteral("torchvision"), QStringLiteral("312"), QStringLiteral("12_9"));
        QCOMPARE(proxy.rowCount(), model.rowCount());
        MatrixModel plan;
        proxy.setSourceModel(&plan);
        QCOMPARE(proxy.rowCount(), plan.rowCount());
        proxy.setFilter(MatrixFilterProxy::OnlyProblems);
    }

    void branchListModel()
    {
        BranchListModel model;
        QAbstractItemModelTester tester(&model, kReport);
        model.setBranches({ { QStringLiteral("main"), 12, 1, true, false }, { QStringLiteral("pytorch-2.8"), 40, 0, false, false },
            { QStringLiteral("origin/main"), 11, 0, false, true } });
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowOf(QStringLiteral("pytorch-2.8")), 1);
        QCOMPARE(model.index(0).data(BranchListModel::CurrentRole).toBool(), true);
        model.setBranches({ { QStringLiteral("pytorch-2.9"), 3, 2, true, false } });
        QCOMPARE(model.rowOf(QStringLiteral("main")), -1);
        QCOMPARE(model.index(0).data(BranchListModel::ProblemCountRole).toInt(), 2);
        model.setBranches({});
        QCOMPARE(model.rowCount(), 0);
    }

    // The queue's real changes: jobs added (one runs, the others wait), reordered,
    // removed, and the running one cancelled, all with the flox stand-in.
    void buildQueueModel()
    {
        QTemporaryDir dir;
        GitFixture repo;
        for (const char *n : { "slow-one", "a", "b", "c" })
            QVERIFY(repo.write(QStringLiteral(".flox/pkgs/%1.nix").arg(QLatin1String(n)), "{ }: null\n"));
        QVERIFY(repo.commitAll(QStringLiteral("recipes")));
        BuildQueue queue(testSettings(dir));
        BuildQueueModel model(&queue);
        QAbstractItemModelTester tester(&model, kReport);

        const quint64 slow = queue.enqueue(makeJob(repo.path(), QStringLiteral("slow-one"), BuildBackend::Flox));
        const quint64 a = queue.enqueue(makeJob(repo.path(), QStringLiteral("a"), BuildBackend::Flox));
        const quint64 b = queue.enqueue(makeJob(repo.path(), QStringLiteral("b"), BuildBackend::Flox));
        const quint64 c = queue.enqueue(makeJob(repo.path(), QStringLiteral("c"), BuildBackend::Flox));
        QTRY_VERIFY_WITH_TIMEOUT(queue.job(slow) && queue.job(slow)->state == BuildState::Running, 30000);
        QTRY_COMPARE(model.index(0).data(BuildQueueModel::StateRole).toString(), QStringLiteral("running"));
        QCOMPARE(model.rowCount(), 4);

        QVERIFY(queue.moveUp(c));
        QCOMPARE(model.idAt(2), c);
        QVERIFY(queue.moveTo(a, 2));
        QCOMPARE(model.idAt(3), a);
        QVERIFY(queue.moveDown(c));
        QCOMPARE(model.idAt(2), c);
        QVERIFY(queue.remove(b));
        QCOMPARE(model.rowOf(b), -1);
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(!model.index(0).data(BuildQueueModel::IsWaitingRole).toBool());
        QVERIFY(model.index(1).data(BuildQueueModel::IsWaitingRole).toBool());

        // Cancelling the slow build lets the waiting ones run to their end.
        QSignalSpy idle(&queue, &BuildQueue::idle);
        QVERIFY(queue.cancel(slow));
        QTRY_VERIFY_WITH_TIMEOUT(!idle.isEmpty(), 60000);
        QCOMPARE(model.rowCount(), 0);
    }

    // Lines appended in batches, the oldest trimmed off the top, a batch larger than
    // the capacity, and a clear.
    void logModel()
    {
        LogModel model(nullptr, 10);
        QAbstractItemModelTester tester(&model, kReport);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.appendLines(logLines(1, 4));
        model.appendText(QStringLiteral("a message of the app"));
        model.appendLines({});
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(inserted.size(), 2);

        model.appendLines(logLines(6, 8)); // 13 lines seen: the first 3 fall off
        QCOMPARE(removed.size(), 1);
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(model.totalLines(), 13);
        QCOMPARE(model.index(0).data().toString(), QStringLiteral("line 4"));
        QCOMPARE(model.index(0).data(LogModel::LineNumberRole).toLongLong(), 4);

        model.appendLines(logLines(14, 25)); // alone more than the capacity
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(displayed(model).first(), QStringLiteral("line 29"));
        QCOMPARE(model.index(9).data(LogModel::LineNumberRole).toLongLong(), 38);

        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.totalLines(), 0);
        model.appendLines(logLines(1, 10)); // exactly the capacity
        QCOMPARE(displayed(model).first(), QStringLiteral("line 1"));
        QCOMPARE(displayed(model).last(), QStringLiteral("line 10"));
    }
};

QTEST_MAIN(TestModelTester)
#include "test_model_tester.moc"
