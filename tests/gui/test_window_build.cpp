#include "BuildController.h"
#include "MainWindow.h"
#include "MatrixView.h"
#include "RepositoryController.h"
#include "builds/BuildHistory.h"
#include "builds/BuildQueue.h"
#include "itemmodels/LogModel.h"
#include "itemmodels/MatrixModel.h"
#include "settings/AppSettings.h"
#include "support/GitFixture.h"

#include <QAbstractProxyModel>
#include <QtTest>

using namespace vs;

// One click builds from the window: the real nix-build builds a toy recipe of a cell,
// the grid colours follow (queued/building → built) and the run lands in the history.
class TestWindowBuild : public QObject {
    Q_OBJECT

    test::GitFixture repo;

    QModelIndex cellOf(MainWindow &w, const QString &variant)
    {
        MatrixModel *m = w.matrixModel();
        for (int r = 0; r < m->rowCount(); ++r)
            for (int c = 0; c < m->columnCount(); ++c)
                if (m->index(r, c).data(MatrixModel::VariantNameRole).toString() == variant)
                    return m->index(r, c);
        return {};
    }
    void select(MainWindow &w, const QModelIndex &source)
    {
        QAbstractItemModel *shown = w.matrixView()->model();
        QModelIndex index = source;
        if (auto *proxy = qobject_cast<QAbstractProxyModel *>(shown))
            index = proxy->mapFromSource(source);
        w.matrixView()->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("VariantStudioBuildTest"));
        AppSettings settings;
        settings.setBuildBackend(QStringLiteral("nix"));
        settings.setNixExtraOptions(test::offlineNixOptions());
        // A toy derivation under a variant's name: builds offline in a second.
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/pytorch-python313-cpu-avx2.nix"),
            "derivation { name = \"toy\"; system = builtins.currentSystem; builder = \"/bin/sh\";\n"
            "  PATH = \"/usr/bin:/bin\"; args = [ \"-c\" \"echo hello from the toy build; mkdir $out\" ]; }\n"));
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/pytorch-python313-cpu-avx512.nix"),
            "derivation { name = \"broken\"; system = builtins.currentSystem; builder = \"/bin/sh\";\n"
            "  args = [ \"-c\" \"echo about to fail; exit 3\" ]; }\n"));
        // Another slice (Python 3.12): only Build Whole Branch reaches it from the 3.13 grid.
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/pytorch-python312-cpu-avx2.nix"),
            "derivation { name = \"toy312\"; system = builtins.currentSystem; builder = \"/bin/sh\";\n"
            "  PATH = \"/usr/bin:/bin\"; args = [ \"-c\" \"mkdir $out\" ]; }\n"));
        QVERIFY2(repo.commitAll(QStringLiteral("toy recipes")), qPrintable(repo.lastError()));
    }

    void doubleClickBuildsAndColoursFollow()
    {
        MainWindow w;
        QSignalSpy done(w.repository(), &RepositoryController::scanFinished);
        w.openRepository(repo.path());
        QVERIFY(done.wait(60000));
        const QModelIndex good = cellOf(w, QStringLiteral("pytorch-python313-cpu-avx2"));
        QVERIFY(good.isValid());
        select(w, good);
        QCOMPARE(w.builds()->buildSelected(), 1);
        // Queued or building at once: the grid shows it before any output.
        const auto early = CellStatus(good.data(MatrixModel::StatusRole).toInt());
        QVERIFY(early == CellStatus::Queued || early == CellStatus::Building);
        QTRY_COMPARE_WITH_TIMEOUT(CellStatus(good.data(MatrixModel::StatusRole).toInt()), CellStatus::Built, 120000);
        QVERIFY(QFileInfo(repo.filePath(QStringLiteral("result-pytorch-python313-cpu-avx2"))).isSymLink());
        bool recorded = false;
        for (const HistoryEntry &e : w.builds()->history()->entries())
            recorded |= e.variant == QLatin1String("pytorch-python313-cpu-avx2") && e.exitCode == 0;
        QVERIFY(recorded);

        // A failing recipe turns the cell "failed" and keeps its output.
        const QModelIndex bad = cellOf(w, QStringLiteral("pytorch-python313-cpu-avx512"));
        select(w, bad);
        emit w.matrixView()->cellActivated(w.matrixView()->currentIndex()); // double-click / Enter
        QTRY_COMPARE_WITH_TIMEOUT(CellStatus(bad.data(MatrixModel::StatusRole).toInt()), CellStatus::Failed, 120000);
        QVERIFY(w.builds()->queue()->isIdle());
    }

    void historyColoursSurviveARestart()
    {
        MainWindow w;
        QSignalSpy done(w.repository(), &RepositoryController::scanFinished);
        w.openRepository(repo.path());
        QVERIFY(done.wait(60000));
        QTRY_COMPARE(
            CellStatus(cellOf(w, QStringLiteral("pytorch-python313-cpu-avx2")).data(MatrixModel::StatusRole).toInt()), CellStatus::Built);
        QCOMPARE(CellStatus(cellOf(w, QStringLiteral("pytorch-python313-cpu-avx512")).data(MatrixModel::StatusRole).toInt()),
            CellStatus::Failed);
    }

    void buildWholeBranchQueuesEveryRecipe()
    {
        MainWindow w;
        QSignalSpy done(w.repository(), &RepositoryController::scanFinished);
        w.openRepository(repo.path());
        QVERIFY(done.wait(60000));
        QStringList queued;
        connect(w.builds()->queue(), &BuildQueue::jobAdded, this, [&](const BuildJob &j) { queued << j.variant; });
        QAction *action = w.findChild<QAction *>(QStringLiteral("buildBranchAction"));
        QVERIFY(action);
        action->trigger(); // every cell with a recipe, selected or not
        queued.sort();
        QCOMPARE(queued,
            QStringList({ QStringLiteral("pytorch-python312-cpu-avx2"), QStringLiteral("pytorch-python313-cpu-avx2"),
                QStringLiteral("pytorch-python313-cpu-avx512") }));
        QVERIFY(w.bannerText().contains(QStringLiteral("Queued 3 build")));
        QTRY_VERIFY_WITH_TIMEOUT(w.builds()->queue()->isIdle(), 120000);
    }

    // Build Row / Build Column: the current cell's row (GPU) or column (ISA) of the shown slice.
    void buildRowAndColumn()
    {
        MainWindow w;
        QSignalSpy done(w.repository(), &RepositoryController::scanFinished);
        w.openRepository(repo.path());
        QVERIFY(done.wait(60000));
        QStringList queued;
        connect(w.builds()->queue(), &BuildQueue::jobAdded, this, [&](const BuildJob &j) { queued << j.variant; });
        select(w, cellOf(w, QStringLiteral("pytorch-python313-cpu-avx2")));
        w.findChild<QAction *>(QStringLiteral("buildColumnAction"))->trigger();
        QCOMPARE(queued, QStringList({ QStringLiteral("pytorch-python313-cpu-avx2") }));
        QTRY_VERIFY_WITH_TIMEOUT(w.builds()->queue()->isIdle(), 120000);
        queued.clear();
        w.findChild<QAction *>(QStringLiteral("buildRowAction"))->trigger();
        queued.sort();
        QCOMPARE(queued, QStringList({ QStringLiteral("pytorch-python313-cpu-avx2"), QStringLiteral("pytorch-python313-cpu-avx512") }));
        QTRY_VERIFY_WITH_TIMEOUT(w.builds()->queue()->isIdle(), 120000);
    }

    void undefinedCellIsNotBuilt()
    {
        MainWindow w;
        QSignalSpy done(w.repository(), &RepositoryController::scanFinished);
        w.openRepository(repo.path());
        QVERIFY(done.wait(60000));
        select(w, cellOf(w, QStringLiteral("pytorch-python313-cpu-avx")));
        QCOMPARE(w.builds()->buildSelected(), 0);
        QVERIFY(w.bannerText().contains(QStringLiteral("no recipe")));
    }

    // A run the history cannot record (a file where its folder should be) shows in the banner.
    void unrecordedRunShowsABanner()
    {
        MainWindow w;
        QSignalSpy done(w.repository(), &RepositoryController::scanFinished);
        w.openRepository(repo.path());
        QVERIFY(done.wait(60000));
        QVERIFY(w.builds()->history());
        const QString folder = QFileInfo(w.builds()->history()->filePath()).absolutePath();
        QVERIFY(QDir(folder).removeRecursively());
        QFile blocker(folder);
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QVERIFY(!w.bannerText().contains(folder));
        select(w, cellOf(w, QStringLiteral("pytorch-python313-cpu-avx2")));
        QCOMPARE(w.builds()->buildSelected(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(w.bannerText().contains(folder), 120000);
        QVERIFY2(w.bannerText().contains(QStringLiteral("not be recorded")), qPrintable(w.bannerText()));
        QTRY_VERIFY_WITH_TIMEOUT(w.builds()->queue()->isIdle(), 120000);
        QVERIFY(QFile::remove(folder));
    }
};

QTEST_MAIN(TestWindowBuild)
#include "test_window_build.moc"
