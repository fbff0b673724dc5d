#include "CompanionRecipeActions.h"
#include "CompanionsController.h"
#include "CompanionsDock.h"
#include "MainWindow.h"
#include "MatrixController.h"
#include "RecipeActions.h"
#include "RepositoryController.h"
#include "itemmodels/CompanionTableModel.h"
#include "itemmodels/MatrixModel.h"
#include "recipes/RecipeGenerator.h"
#include "repository/RealisticRecipe.h"
#include "settings/AppSettings.h"
#include "support/CompanionRecipes.h"
#include "support/GitFixture.h"

#include <QAction>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTreeWidget>
#include <QtTest>

using namespace vs;
using namespace vs::test;

// The window's workspace beyond one repository: remembered with the recent list,
// and Generate across it (companion recipes for PyTorch cells, a PyTorch recipe
// for a companion recipe), checked with the real shared-build evaluation.
class TestWindowWorkspace : public QObject {
    Q_OBJECT

    GitFixture m_pytorch, m_vision, m_other;

    static QString pkg(const QString &v) { return QStringLiteral(".flox/pkgs/%1.nix").arg(v); }
    static QString absolute(const GitFixture &g) { return QFileInfo(g.path()).absoluteFilePath(); }
    static QString canonical(const GitFixture &g) { return QFileInfo(g.path()).canonicalFilePath(); }

    static bool waitFor(QSignalSpy &spy, int count = 1)
    {
        return spy.count() >= count || QTest::qWaitFor([&] { return spy.count() >= count; }, 180000);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("VariantStudioTest"));
        QSettings().clear();
        const Catalog &c = Catalog::embedded();
        const QString cpu512 = QStringLiteral("pytorch-python313-cpu-avx512");
        QVERIFY(m_pytorch.write(pkg(cpu512), realisticRecipe(c, cpu512).toUtf8()));
        QVERIFY(m_pytorch.commitAll(QStringLiteral("pytorch")));
        // TorchVision's cpu-avx2 embeds what the catalogue's template makes with kRealisticRev:
        // the PyTorch recipe generated for it with its pin is the same derivation.
        const auto avx2 = RecipeGenerator(c).generate(*VariantName::parse(QStringLiteral("pytorch-python313-cpu-avx2")),
            c.profileForBranch(QStringLiteral("main")), QString::fromLatin1(kRealisticRev));
        QVERIFY2(avx2.ok(), qPrintable(avx2.error));
        QVERIFY(m_vision.write(pkg(QStringLiteral("torchvision-python313-cpu-avx2")),
            pinnedCompanion(c, avx2.text, QStringLiteral("torchvision-python313-cpu-avx2")).toUtf8()));
        QVERIFY(m_vision.commitAll(QStringLiteral("vision")));
        QVERIFY(m_other.write(pkg(cpu512), realisticRecipe(c, cpu512).toUtf8()));
        QVERIFY(m_other.commitAll(QStringLiteral("another pytorch repository")));
    }

    void workspaceIsRememberedWithTheRecentList()
    {
        {
            MainWindow w;
            QSignalSpy analysed(w.companions(), &CompanionsController::analysed);
            w.openFromArguments({ QStringLiteral("variant-studio-window"), m_pytorch.path(), m_vision.path() });
            QVERIFY(waitFor(analysed));
            QCOMPARE(w.companions()->repositories(), QStringList { absolute(m_vision) });
            QCOMPARE(AppSettings().workspaceCompanions(canonical(m_pytorch)), QStringList { absolute(m_vision) });
        }
        // At start-up: the last repository reopens with its companions.
        MainWindow w;
        QSignalSpy analysed(w.companions(), &CompanionsController::analysed);
        w.openFromArguments({ QStringLiteral("variant-studio-window") });
        QVERIFY(waitFor(analysed));
        QCOMPARE(w.repository()->root(), canonical(m_pytorch));
        QCOMPARE(w.companions()->repositories(), QStringList { absolute(m_vision) });
        QCOMPARE(w.companions()->model()->rowCount(), 1);
        QVERIFY(w.companionsDock()->isVisibleTo(&w));

        // Another repository has its own (empty) workspace…
        QSignalSpy scanned(w.repository(), &RepositoryController::scanFinished);
        w.openRepository(m_other.path());
        QVERIFY(waitFor(scanned));
        QCOMPARE(w.repository()->root(), canonical(m_other));
        QVERIFY(w.companions()->repositories().isEmpty());
        QCOMPARE(w.companions()->model()->rowCount(), 0);

        // …and Open Recent brings the first one back with its companion.
        auto *recent = w.findChild<QMenu *>(QStringLiteral("recentMenu"));
        QVERIFY(recent);
        emit recent->aboutToShow();
        QAction *entry = nullptr;
        for (QAction *a : recent->actions())
            if (a->text() == QDir::toNativeSeparators(canonical(m_pytorch)))
                entry = a;
        QVERIFY(entry);
        const int before = analysed.count();
        entry->trigger();
        QVERIFY(waitFor(analysed, before + 1));
        QCOMPARE(w.repository()->root(), canonical(m_pytorch));
        QCOMPARE(w.companions()->repositories(), QStringList { absolute(m_vision) });
        QCOMPARE(w.companions()->model()->rowCount(), 1);
    }

    void generateCompanionsAndTheReverse()
    {
        MainWindow w;
        QSignalSpy analysed(w.companions(), &CompanionsController::analysed);
        w.openFromArguments({ QStringLiteral("variant-studio-window"), m_pytorch.path(), m_vision.path() });
        QVERIFY(waitFor(analysed));
        CompanionRecipeActions *actions = w.companionRecipes();
        QSignalSpy written(actions, &CompanionRecipeActions::written);
        const CompanionTableModel *model = w.companions()->model();

        // The pairing view names the pair and how it was found.
        QTreeWidget *pairs = w.companionsDock()->gaps();
        QCOMPARE(pairs->topLevelItemCount(), 1);
        QVERIFY2(pairs->topLevelItem(0)->text(0).endsWith(QStringLiteral("main ↔ main")), qPrintable(pairs->topLevelItem(0)->text(0)));
        QCOMPARE(pairs->topLevelItem(0)->text(1), QStringLiteral("inferred"));

        // A PyTorch cell: its TorchVision recipe goes into the companion repository, staged,
        // and shares the PyTorch build (real nix-instantiate).
        const QString tv512 = QStringLiteral("torchvision-python313-cpu-avx512");
        MatrixModel *m = w.matrixModel();
        w.matrix()->selectCell(m->indexOf(*VariantName::parse(QStringLiteral("pytorch-python313-cpu-avx512"))));
        QVERIFY(actions->generateCompanionsAction()->isEnabled());
        int seen = analysed.count();
        actions->generateCompanionsAction()->trigger();
        QVERIFY(waitFor(written));
        QVERIFY2(QFile::exists(m_vision.filePath(pkg(tv512))), qPrintable(w.bannerText()));
        QVERIFY2(w.bannerText().contains(QStringLiteral("Wrote ")), qPrintable(w.bannerText()));
        QByteArray listed;
        QVERIFY(m_vision.git({ QStringLiteral("ls-files"), QStringLiteral(".flox/pkgs") }, &listed));
        QVERIFY(listed.contains("torchvision-python313-cpu-avx512.nix"));
        QVERIFY(waitFor(analysed, seen + 1));
        int row = model->rowOf(QStringLiteral("main"), tv512);
        QVERIFY(row >= 0);
        QCOMPARE(model->index(row, 0).data(CompanionTableModel::SharedRole), QVariant(true));

        // The reverse: TorchVision's cpu-avx2 has no PyTorch recipe; generated with its pin, both share one build.
        const QString tv2 = QStringLiteral("torchvision-python313-cpu-avx2");
        row = model->rowOf(QStringLiteral("main"), tv2);
        QVERIFY(row >= 0);
        QCOMPARE(model->index(row, CompanionTableModel::StatusColumn).data().toString(), QStringLiteral("needs PyTorch"));
        w.companionsDock()->table()->selectRow(row);
        QVERIFY(actions->generatePytorchAction()->isEnabled());
        seen = analysed.count();
        actions->generatePytorchAction()->trigger();
        QVERIFY(waitFor(written, 2));
        QVERIFY2(QFile::exists(m_pytorch.filePath(pkg(QStringLiteral("pytorch-python313-cpu-avx2")))), qPrintable(w.bannerText()));
        QVERIFY(waitFor(analysed, seen + 1));
        row = model->rowOf(QStringLiteral("main"), tv2);
        QCOMPARE(model->index(row, CompanionTableModel::StatusColumn).data().toString(), QStringLiteral("defined"));
        QVERIFY2(model->index(row, 0).data(CompanionTableModel::SharedRole) == QVariant(true),
            qPrintable(model->index(row, CompanionTableModel::SharedColumn).data().toString()));

        // Never over an existing recipe without asking; "no" keeps it.
        QStringList asked;
        w.recipeActions()->setOverwriteQuestion([&](const QStringList &files) {
            asked = files;
            return false;
        });
        QFile::resize(m_vision.filePath(pkg(tv512)), 10);
        w.matrix()->selectCell(m->indexOf(*VariantName::parse(QStringLiteral("pytorch-python313-cpu-avx512"))));
        actions->generateCompanionsAction()->trigger();
        QCOMPARE(asked.size(), 1);
        QVERIFY2(asked.first().endsWith(pkg(tv512)), qPrintable(asked.first()));
        QCOMPARE(QFileInfo(m_vision.filePath(pkg(tv512))).size(), 10);
        QVERIFY2(w.bannerText().contains(QStringLiteral("Kept 1 existing recipe(s) unchanged.")), qPrintable(w.bannerText()));

        // The companion's checked-out branch is not the one paired with PyTorch's main (stated
        // in its .flox/variant-studio.yaml): refused with the reason, as Generate does.
        QVERIFY(m_vision.git({ QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("side") }));
        QVERIFY(m_vision.write(QStringLiteral(".flox/variant-studio.yaml"), "pairing:\n  side: nowhere\n"));
        seen = analysed.count();
        w.companions()->refresh();
        QVERIFY(waitFor(analysed, seen + 1));
        QStringList states;
        for (int i = 0; i < pairs->topLevelItemCount(); ++i)
            states << pairs->topLevelItem(i)->text(0) + QLatin1Char('|') + pairs->topLevelItem(i)->text(1);
        QVERIFY2(states.filter(QStringLiteral("side ↔ no PyTorch branch|no partner")).size() == 1, qPrintable(states.join('\n')));
        w.matrix()->selectCell(m->indexOf(*VariantName::parse(QStringLiteral("pytorch-python313-cpu-avx2"))));
        actions->generateCompanionsAction()->trigger();
        QVERIFY2(w.bannerText().contains(QStringLiteral("its branch 'main' (paired with 'main') is not checked out")),
            qPrintable(w.bannerText()));
        w.close();
    }
};

QTEST_MAIN(TestWindowWorkspace)
#include "test_window_workspace.moc"
