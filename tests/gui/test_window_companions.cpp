#include "CompanionsController.h"
#include "CompanionsDock.h"
#include "MainWindow.h"
#include "RepositoryController.h"
#include "itemmodels/CompanionTableModel.h"
#include "repository/RealisticRecipe.h"
#include "support/CompanionRecipes.h"
#include "support/GitFixture.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTreeWidget>
#include <QtTest>

using namespace vs;
using namespace vs::test;

// The window's workspace: a PyTorch repository with a TorchVision repository
// next to it (as `scripts/run PYTORCH TORCHVISION` opens them); the companions
// dock shows each companion cell's PyTorch, its status and whether the build is
// shared (real nix evaluation), and the gap view lists what one side lacks.
class TestWindowCompanions : public QObject {
    Q_OBJECT

    GitFixture m_pytorch, m_vision;

    static QString pkg(const char *v) { return QStringLiteral(".flox/pkgs/%1.nix").arg(QLatin1String(v)); }
    static QString pytorch(const char *v) { return realisticRecipe(Catalog::embedded(), QLatin1String(v)); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("VariantStudioTest"));
        QVERIFY(m_pytorch.write(pkg("pytorch-python313-cuda12_9-sm90-avx512"), pytorch("pytorch-python313-cuda12_9-sm90-avx512").toUtf8()));
        QVERIFY(m_pytorch.write(pkg("pytorch-python313-cpu-avx512"), pytorch("pytorch-python313-cpu-avx512").toUtf8()));
        QVERIFY(m_pytorch.commitAll(QStringLiteral("pytorch")));
        QVERIFY(m_vision.write(pkg("torchvision-python313-cuda12_9-sm90-avx512"),
            pinnedCompanion(Catalog::embedded(), pytorch("pytorch-python313-cuda12_9-sm90-avx512"),
                QStringLiteral("torchvision-python313-cuda12_9-sm90-avx512"))
                .toUtf8()));
        QVERIFY(m_vision.write(pkg("torchvision-python313-cpu-avx2"),
            pinnedCompanion(Catalog::embedded(), pytorch("pytorch-python313-cpu-avx2"), QStringLiteral("torchvision-python313-cpu-avx2"))
                .toUtf8()));
        QVERIFY(m_vision.commitAll(QStringLiteral("vision")));
    }

    void workspaceShowsPartnersSharedBuildsAndGaps()
    {
        MainWindow w;
        w.show();
        QSignalSpy analysed(w.companions(), &CompanionsController::analysed);
        w.openFromArguments({ QStringLiteral("variant-studio-window"), m_pytorch.path(), m_vision.path() });
        QVERIFY(analysed.wait(120000));
        QVERIFY(w.companionsDock()->isVisible());
        const CompanionTableModel *model = w.companions()->model();
        QCOMPARE(model->rowCount(), 2);

        const int shared = model->rowOf(QStringLiteral("main"), QStringLiteral("torchvision-python313-cuda12_9-sm90-avx512"));
        QVERIFY(shared >= 0);
        QCOMPARE(model->index(shared, CompanionTableModel::StatusColumn).data().toString(), QStringLiteral("defined"));
        QCOMPARE(model->index(shared, CompanionTableModel::SharedColumn).data().toString(), QStringLiteral("shares its PyTorch build"));
        QCOMPARE(model->index(shared, 0).data(CompanionTableModel::SharedRole), QVariant(true));
        QVERIFY(model->index(shared, CompanionTableModel::VariantColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("pytorch-python313-cuda12_9-sm90-avx512")));

        const int orphan = model->rowOf(QStringLiteral("main"), QStringLiteral("torchvision-python313-cpu-avx2"));
        QVERIFY(orphan >= 0);
        QCOMPARE(model->index(orphan, CompanionTableModel::StatusColumn).data().toString(), QStringLiteral("needs PyTorch"));
        QVERIFY(!model->index(orphan, 0).data(CompanionTableModel::SharedRole).isValid());

        // The gap view: TorchVision's cpu-avx2 lacks its PyTorch, PyTorch's cpu-avx512 its TorchVision.
        QTreeWidget *gaps = w.companionsDock()->gaps();
        QCOMPARE(gaps->topLevelItemCount(), 1);
        QStringList lines;
        for (int i = 0; i < gaps->topLevelItem(0)->childCount(); ++i)
            lines << gaps->topLevelItem(0)->child(i)->text(0) + QLatin1Char(' ') + gaps->topLevelItem(0)->child(i)->text(1);
        QVERIFY2(lines.contains(QStringLiteral("no PyTorch recipe torchvision-python313-cpu-avx2")), qPrintable(lines.join('\n')));
        QVERIFY2(lines.contains(QStringLiteral("no torchvision recipe torchvision-python313-cpu-avx512")), qPrintable(lines.join('\n')));
        QCOMPARE(w.companionsDock()->table()->model(), static_cast<QAbstractItemModel *>(const_cast<CompanionTableModel *>(model)));
        w.close();
    }
};

QTEST_MAIN(TestWindowCompanions)
#include "test_window_companions.moc"
