#include "BuildController.h"
#include "CompanionsController.h"
#include "Legend.h"
#include "MainWindow.h"
#include "MatrixView.h"
#include "RecipePreview.h"
#include "Workspace.h"
#include "builds/BuildHistory.h"
#include "builds/BuildQueue.h"
#include "builds/BuildSettings.h"
#include "itemmodels/BranchListModel.h"
#include "itemmodels/BuildQueueModel.h"
#include "itemmodels/MatrixModel.h"
#include "repository/RealisticRecipe.h"
#include "settings/AppSettings.h"
#include "support/CompanionRecipes.h"
#include "support/GitFixture.h"

#include <QAbstractItemModelTester>
#include <QAbstractProxyModel>
#include <QComboBox>
#include <QLabel>
#include <QUuid>
#include <QtTest>

using namespace vs;
using namespace vs::test;

// The grid spans the workspace (issue 9): choosing TorchVision shows the cells of
// the TorchVision repository (its branches, recipes, preview), each companion cell
// carries its PyTorch partner's status ("needs PyTorch" when its recipe is missing)
// and the shared-build verdict; building a companion cell queues its PyTorch first
// in the PyTorch repository (real nix-build of toy recipes), and a failing PyTorch
// build leaves the companion "dependency failed", never run, with that build's log.
class TestWindowWorkspaceGrid : public QObject {
    Q_OBJECT

    GitFixture m_pytorch, m_vision;
    QString m_pytorchRoot, m_visionRoot;

    static QString pkg(const QString &v) { return QStringLiteral(".flox/pkgs/%1.nix").arg(v); }
    static QString realistic(const char *v) { return realisticRecipe(Catalog::embedded(), QLatin1String(v)); }
    static QByteArray toy(const QString &script)
    {
        return QStringLiteral("derivation { name = \"toy\"; system = builtins.currentSystem; builder = \"/bin/sh\";\n"
                              "  PATH = \"/usr/bin:/bin\"; nonce = \"%1\"; args = [ \"-c\" \"%2\" ]; }\n")
            .arg(QUuid::createUuid().toString(QUuid::WithoutBraces), script)
            .toUtf8();
    }
    static QString topLevel(GitFixture &repo)
    {
        QByteArray out;
        repo.git({ QStringLiteral("rev-parse"), QStringLiteral("--show-toplevel") }, &out);
        return QString::fromUtf8(out).trimmed();
    }
    static QModelIndex cellOf(MainWindow &w, const QString &variant) { return w.matrixModel()->indexOf(*VariantName::parse(variant)); }
    static void select(MainWindow &w, const QModelIndex &source)
    {
        QModelIndex index = source;
        if (auto *proxy = qobject_cast<QAbstractProxyModel *>(w.matrixView()->model()))
            index = proxy->mapFromSource(source);
        w.matrixView()->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    }
    static Legend *legend(MainWindow &w) { return w.findChild<Legend *>(); }
    static QStringList legendTexts(MainWindow &w)
    {
        QStringList texts;
        for (const QLabel *label : legend(w)->findChildren<QLabel *>())
            texts << label->text();
        return texts;
    }

    static void choosePackage(MainWindow &w, const QString &package)
    {
        auto *box = w.findChild<QComboBox *>(QStringLiteral("packageSelector"));
        QVERIFY(box);
        const int at = box->findData(package);
        QVERIFY2(at >= 0, qPrintable(package));
        box->setCurrentIndex(at);
    }
    // Opens PyTorch + TorchVision as `scripts/run PYTORCH TORCHVISION` does and waits for the analysis.
    static void open(MainWindow &w, const QString &pytorch, const QString &vision)
    {
        QSignalSpy analysed(w.companions(), &CompanionsController::analysed);
        w.openFromArguments({ QStringLiteral("variant-studio-window"), pytorch, vision });
        QVERIFY(analysed.wait(180000));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("VariantStudioWorkspaceTest"));
        AppSettings settings;
        settings.setBuildBackend(QStringLiteral("nix"));
        settings.setNixExtraOptions(offlineNixOptions());
        // PyTorch: a toy cpu-avx2 whose build fails, a realistic cpu-avx512 (built, below).
        QVERIFY(m_pytorch.write(pkg(QStringLiteral("pytorch-python313-cpu-avx2")), toy(QStringLiteral("echo compiling PyTorch; exit 3"))));
        QVERIFY(m_pytorch.write(pkg(QStringLiteral("pytorch-python313-cpu-avx512")), realistic("pytorch-python313-cpu-avx512").toUtf8()));
        QVERIFY(m_pytorch.commitAll(QStringLiteral("pytorch")));
        // TorchVision: a toy cpu-avx2, a cpu-avx512 embedding its partner, a CUDA one without partner recipe.
        QVERIFY(m_vision.write(pkg(QStringLiteral("torchvision-python313-cpu-avx2")), toy(QStringLiteral("echo vision > $out"))));
        QVERIFY(m_vision.write(pkg(QStringLiteral("torchvision-python313-cpu-avx512")),
            pinnedCompanion(
                Catalog::embedded(), realistic("pytorch-python313-cpu-avx512"), QStringLiteral("torchvision-python313-cpu-avx512"))
                .toUtf8()));
        QVERIFY(m_vision.write(pkg(QStringLiteral("torchvision-python313-cuda12_9-sm90-avx512")), toy(QStringLiteral("exit 0"))));
        QVERIFY(m_vision.commitAll(QStringLiteral("vision")));
        QVERIFY(m_vision.git({ QStringLiteral("branch"), QStringLiteral("vision-only") }));
        m_pytorchRoot = topLevel(m_pytorch);
        m_visionRoot = topLevel(m_vision);
        // The PyTorch repository's history says its cpu-avx512 was built.
        BuildHistory history(m_pytorchRoot, BuildSettings::load().historyDirectory());
        HistoryEntry built;
        built.runId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        built.variant = QStringLiteral("pytorch-python313-cpu-avx512");
        built.branch = QStringLiteral("main");
        built.started = QDateTime::currentDateTime();
        built.outcome = BuildState::Succeeded;
        QVERIFY2(history.upsert(built), qPrintable(history.lastError()));
    }

    void packageChoosesTheRepository()
    {
        MainWindow w;
        w.show();
        open(w, m_pytorch.path(), m_vision.path());
        QVERIFY(!w.workspace()->showsCompanion());
        QCOMPARE(w.matrixModel()->package(), QStringLiteral("pytorch"));
        QVERIFY(w.branchModel()->rowOf(QStringLiteral("vision-only")) < 0);

        QVERIFY(!legend(w)->companionEntries()); // PyTorch shown: no companion statuses in the legend
        choosePackage(w, QStringLiteral("torchvision"));
        QVERIFY(w.workspace()->showsCompanion());
        QVERIFY(legend(w)->companionEntries());
        QVERIFY(legendTexts(w).contains(CellStatusInfo::name(CellStatus::NeedsPytorch)));
        QCOMPARE(w.workspace()->root(), m_visionRoot);
        QCOMPARE(w.matrixModel()->package(), QStringLiteral("torchvision"));
        QVERIFY(w.branchModel()->rowOf(QStringLiteral("vision-only")) >= 0); // its own branches
        const QModelIndex avx512 = cellOf(w, QStringLiteral("torchvision-python313-cpu-avx512"));
        QCOMPARE(avx512.data(MatrixModel::FilePathRole).toString(), pkg(QStringLiteral("torchvision-python313-cpu-avx512")));
        select(w, avx512);
        QVERIFY2(w.preview()->content().text.contains(QLatin1String("customPytorch")), qPrintable(w.preview()->content().text));

        // The partner was built and the recipe embeds it unchanged: one PyTorch build.
        QCOMPARE(avx512.data(MatrixModel::PartnerStatusRole).toInt(), int(CellStatus::Built));
        QCOMPARE(avx512.data(MatrixModel::SharedBuildRole), QVariant(true));
        const QString tip = avx512.data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QLatin1String("PyTorch pytorch-python313-cpu-avx512 on main: built")), qPrintable(tip));
        QVERIFY2(tip.contains(QLatin1String("shares its PyTorch build")), qPrintable(tip));

        // No PyTorch recipe for the CUDA one: "needs PyTorch", and it is not built.
        const QModelIndex orphan = cellOf(w, QStringLiteral("torchvision-python313-cuda12_9-sm90-avx512"));
        QVERIFY2(CellStatus(orphan.data(MatrixModel::StatusRole).toInt()) == CellStatus::NeedsPytorch,
            qPrintable(orphan.data(MatrixModel::ReasonRole).toString()));
        QCOMPARE(orphan.data(MatrixModel::PartnerStatusRole).toInt(), int(CellStatus::NeedsPytorch));
        QVERIFY(orphan.data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("pytorch-python313-cuda12_9-sm90-avx512 on main: needs PyTorch")));
        select(w, orphan);
        QCOMPARE(w.builds()->buildSelected(), 0);
        QVERIFY2(w.bannerText().contains(QLatin1String("needs PyTorch")), qPrintable(w.bannerText()));

        // Back to PyTorch: its own repository, branches and cells again, no overlay.
        choosePackage(w, QStringLiteral("pytorch"));
        QVERIFY(!w.workspace()->showsCompanion());
        QVERIFY(!legendTexts(w).contains(CellStatusInfo::name(CellStatus::NeedsPytorch)));
        QVERIFY(w.branchModel()->rowOf(QStringLiteral("vision-only")) < 0);
        const QModelIndex pytorch = cellOf(w, QStringLiteral("pytorch-python313-cpu-avx512"));
        QCOMPARE(pytorch.data(MatrixModel::FilePathRole).toString(), pkg(QStringLiteral("pytorch-python313-cpu-avx512")));
        QVERIFY(!pytorch.data(MatrixModel::PartnerStatusRole).isValid());
        w.close();
    }

    void companionBuildsAfterItsPytorch()
    {
        MainWindow w;
        open(w, m_pytorch.path(), m_vision.path());
        choosePackage(w, QStringLiteral("torchvision"));
        BuildQueue *queue = w.builds()->queue();
        QList<BuildJob> added, started, finished;
        connect(queue, &BuildQueue::jobAdded, this, [&](const BuildJob &j) { added << j; });
        connect(queue, &BuildQueue::jobStarted, this, [&](const BuildJob &j) { started << j; });
        connect(queue, &BuildQueue::jobFinished, this, [&](const BuildJob &j) { finished << j; });
        BuildQueueModel queueModel(queue);
        QAbstractItemModelTester tester(&queueModel, QAbstractItemModelTester::FailureReportingMode::QtTest);

        const QModelIndex cell = cellOf(w, QStringLiteral("torchvision-python313-cpu-avx2"));
        QCOMPARE(cell.data(MatrixModel::PartnerStatusRole).toInt(), int(CellStatus::Defined));
        select(w, cell);
        QCOMPARE(w.builds()->buildSelected(), 1);
        // Two jobs: PyTorch in its repository first, the companion waiting for it.
        QCOMPARE(added.size(), 2);
        QCOMPARE(added[0].variant, QStringLiteral("pytorch-python313-cpu-avx2"));
        QCOMPARE(added[0].repoRoot, m_pytorchRoot);
        QCOMPARE(added[0].branch, QStringLiteral("main"));
        QCOMPARE(added[1].variant, QStringLiteral("torchvision-python313-cpu-avx2"));
        QCOMPARE(added[1].repoRoot, m_visionRoot);
        QCOMPARE(added[1].dependsOn, added[0].id);
        const int waiting = queueModel.rowOf(added[1].id);
        QVERIFY(waiting >= 0);
        QVERIFY2(queueModel.index(waiting).data().toString().contains(QLatin1String("waits for pytorch-python313-cpu-avx2 (main)")),
            qPrintable(queueModel.index(waiting).data().toString()));

        // PyTorch fails: the companion never runs and says why, with PyTorch's log.
        QTRY_VERIFY_WITH_TIMEOUT(queue->isIdle(), 180000);
        QCOMPARE(started.size(), 1);
        QCOMPARE(started[0].id, added[0].id);
        QCOMPARE(finished.size(), 2);
        const BuildJob pytorch = finished[0];
        QVERIFY(pytorch.state == BuildState::Failed && !pytorch.logFile.isEmpty());
        QVERIFY(finished[1].error == BuildError::DependencyFailed);
        QTRY_COMPARE(CellStatus(cell.data(MatrixModel::StatusRole).toInt()), CellStatus::DependencyFailed);
        QVERIFY2(w.bannerText().contains(pytorch.logFile), qPrintable(w.bannerText()));
        QVERIFY(!QFileInfo::exists(m_vision.filePath(QStringLiteral("result-torchvision-python313-cpu-avx2"))));
        // Each run is in its own repository's history.
        bool companionRecorded = false;
        for (const HistoryEntry &e : w.builds()->historyOf(m_visionRoot)->entries())
            companionRecorded |= e.variant == QLatin1String("torchvision-python313-cpu-avx2") && e.dependencyLog == pytorch.logFile;
        QVERIFY(companionRecorded);
        BuildHistory *history = w.builds()->history();
        QVERIFY(history->cell(QStringLiteral("main"), QStringLiteral("pytorch-python313-cpu-avx2")).outcome == CellOutcome::Failed);
        QVERIFY(history->cell(QStringLiteral("main"), QStringLiteral("torchvision-python313-cpu-avx2")).outcome == CellOutcome::None);
    }
};

QTEST_MAIN(TestWindowWorkspaceGrid)
#include "test_window_workspace_grid.moc"
