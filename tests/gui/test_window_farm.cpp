#include "BuildController.h"
#include "FarmController.h"
#include "FarmDock.h"
#include "FarmSettingsDialog.h"
#include "FarmSettingsEditor.h"
#include "MainWindow.h"
#include "RepositoryController.h"
#include "builds/BuildQueue.h"
#include "settings/AppSettings.h"
#include "support/GitFixture.h"
#include "support/LoopbackFarm.h"
#include "support/ToyRecipes.h"

#include <QCheckBox>
#include <QDockWidget>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QtTest>

using namespace vs;

// The Build Farm dock against real loopback builders: lines checked as typed, saved,
// handed to the queue, and Check reports each builder off the UI thread.
class TestWindowFarm : public QObject {
    Q_OBJECT
    test::LoopbackFarm m_farm;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("VariantStudioFarmTest"));
        const QString why = test::LoopbackFarm::unavailableReason();
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QVERIFY2(m_farm.addBuilder(QStringLiteral("builder1")), qPrintable(m_farm.error()));
        QVERIFY2(m_farm.addBuilder(QStringLiteral("builder2"), QStringLiteral("big-parallel,cuda")), qPrintable(m_farm.error()));
        m_farm.addDownBuilder(QStringLiteral("builder9"));
        qputenv("NIX_SSHOPTS", m_farm.sshOptions().toUtf8());
    }
    void cleanupTestCase() { m_farm.stop(); }
    void init()
    {
        // Every test starts without a farm.
        AppSettings().setFarmBuilders(QString());
        AppSettings().setFarmOnly(false);
        AppSettings().setFarmRetries(0);
    }

    // Builds from the window count only the builders that fit each recipe: builder1
    // (big-parallel, 1 slot) takes the CPU recipes, builder2 (2 slots, cuda mandatory)
    // only recipes that require cuda. Without the recipes' features the window counted
    // builder1 alone for all four: one build at a time.
    void windowJobsCountTheBuildersThatFitTheirRecipe()
    {
        test::GitFixture repo;
        const QStringList big { QStringLiteral("big-parallel") };
        const QStringList cuda { QStringLiteral("big-parallel"), QStringLiteral("cuda") };
        const QHash<QString, QStringList> wanted { { QStringLiteral("pytorch-python313-cpu-avx2"), big },
            { QStringLiteral("pytorch-python313-cpu-avx512"), big }, { QStringLiteral("pytorch-python313-cuda12_9-sm90-avx2"), cuda },
            { QStringLiteral("pytorch-python313-cuda12_9-sm120-avx2"), cuda } };
        for (auto it = wanted.cbegin(); it != wanted.cend(); ++it)
            QVERIFY(repo.write(QStringLiteral(".flox/pkgs/%1.nix").arg(it.key()), test::farmRecipe(it.key(), 2, it.value())));
        QVERIFY(repo.commitAll(QStringLiteral("recipes")));
        AppSettings settings;
        settings.setBuildBackend(QStringLiteral("nix"));
        settings.setNixExtraOptions(test::offlineNixOptions());
        MainWindow w;
        w.farm()->view()->editor()->setBuildersText(test::LoopbackFarm::machineLine(QStringLiteral("builder1"), 1) + QLatin1Char('\n')
            + test::LoopbackFarm::machineLine(QStringLiteral("builder2"), 2, QStringLiteral("big-parallel,cuda"))
            + QStringLiteral(" cuda"));
        w.farm()->view()->editor()->setFarmOnly(true);
        QSignalSpy scanned(w.repository(), &RepositoryController::scanFinished);
        w.openRepository(repo.path());
        QVERIFY(scanned.wait(60000));

        BuildQueue *queue = w.builds()->queue();
        QHash<QString, QStringList> features;
        QHash<QString, BuildJob> finished;
        int running = 0, most = 0;
        connect(queue, &BuildQueue::jobAdded, this, [&](const BuildJob &j) { features.insert(j.variant, j.requiredFeatures); });
        connect(queue, &BuildQueue::jobStarted, this, [&] { most = qMax(most, ++running); });
        connect(queue, &BuildQueue::jobFinished, this, [&](const BuildJob &j) {
            --running;
            finished.insert(j.variant, j);
        });
        QCOMPARE(w.builds()->buildBranch(), 4);
        QCOMPARE(w.builds()->buildBranch(), 0); // already queued (features still being read): not twice
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 4, 120000);
        QCOMPARE(features, wanted);
        for (const BuildJob &j : std::as_const(finished)) {
            QVERIFY2(j.state == BuildState::Succeeded, qPrintable(j.variant + j.lastLines.join(QLatin1Char('\n'))));
            QCOMPARE(j.host, wanted.value(j.variant) == cuda ? QStringLiteral("ssh-ng://builder2") : QStringLiteral("ssh-ng://builder1"));
        }
        // In order: cpu-avx2 alone (builder1's one slot; cpu-avx512 waits for it), then
        // cpu-avx512 beside both cuda builds (builder2's two slots).
        QCOMPARE(most, 3);
    }

    // Settings › Build Farm… edits the same settings as the dock, with the same
    // messages, and both show the same at all times.
    void settingsDialogEditsTheFarmInStepWithTheDock()
    {
        MainWindow w;
        w.show();
        FarmSettingsEditor *inDock = w.farm()->view()->editor();
        inDock->setBuildersText(QString());
        inDock->setFarmOnly(false);
        inDock->setRetries(0);
        QVERIFY(!w.farm()->settingsDialog());
        w.findChild<QAction *>(QStringLiteral("farmSettingsAction"))->trigger();
        FarmSettingsDialog *dialog = w.farm()->settingsDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        auto *lines = dialog->findChild<QPlainTextEdit *>(QStringLiteral("farmBuilders"));
        auto *problems = dialog->findChild<QLabel *>(QStringLiteral("farmProblems"));
        QVERIFY(lines && problems);
        QVERIFY(problems->isHidden());

        lines->setFocus();
        QTest::keyClicks(lines, QStringLiteral("ssh-ng://builder1 x86_64-linux - lots"));
        QVERIFY(problems->isVisible());
        QVERIFY2(problems->text().contains(QStringLiteral("line 1, field 4 (max jobs)")), qPrintable(problems->text()));
        QCOMPARE(inDock->problems(), problems->text()); // the dock says the same
        QCOMPARE(inDock->buildersText(), lines->toPlainText());
        QVERIFY(!w.builds()->queue()->settings().usesFarm());

        lines->selectAll();
        QTest::keyClicks(lines, test::LoopbackFarm::machineLine(QStringLiteral("builder1"), 2));
        QVERIFY(problems->isHidden());
        QVERIFY(inDock->problems().isEmpty());
        QCOMPARE(AppSettings().farmBuilders(), test::LoopbackFarm::machineLine(QStringLiteral("builder1"), 2));
        QCOMPARE(inDock->buildersText(), AppSettings().farmBuilders());
        QCOMPARE(w.builds()->queue()->settings().slotsFor({}, { QStringLiteral("big-parallel") }), 2 + 1);

        QTest::mouseClick(dialog->findChild<QCheckBox *>(QStringLiteral("farmOnly")), Qt::LeftButton);
        QVERIFY(AppSettings().farmOnly());
        QVERIFY(inDock->farmOnly());
        QCOMPARE(w.builds()->queue()->settings().slotsFor({}, { QStringLiteral("big-parallel") }), 2);
        auto *retries = dialog->findChild<QSpinBox *>(QStringLiteral("farmRetries"));
        retries->setFocus();
        QTest::keyClick(retries, Qt::Key_Up);
        QTest::keyClick(retries, Qt::Key_Up);
        QCOMPARE(AppSettings().farmRetries(), 2);
        QCOMPARE(inDock->retries(), 2);
        QCOMPARE(w.builds()->queue()->settings().retries, 2);

        // And the other way: the dock's edits show in the open dialog.
        inDock->setBuildersText(QStringLiteral("ssh-ng://builder2 x86_64-linux - x"));
        QCOMPARE(lines->toPlainText(), inDock->buildersText());
        QVERIFY(problems->isVisible());
        QCOMPARE(problems->text(), inDock->problems());
        inDock->setRetries(0);
        QCOMPARE(retries->value(), 0);

        // Opened again: the same dialog; closed, it goes and the dock stays.
        w.farm()->openSettings();
        QCOMPARE(w.farm()->settingsDialog(), dialog);
        dialog->close();
        QTRY_VERIFY(!w.farm()->settingsDialog());
        inDock->setBuildersText(QString());
        QVERIFY(!w.builds()->queue()->settings().usesFarm());
    }

    void badLinesAreNamedAndNotUsed()
    {
        MainWindow w;
        FarmDock *dock = w.farm()->view();
        QVERIFY(!w.farm()->dock()->isVisible());
        w.findChild<QAction *>(QStringLiteral("buildFarmAction"))->trigger(); // Build › Build Farm Dock
        QVERIFY(w.farm()->dock()->isVisibleTo(&w));
        FarmSettingsEditor *editor = dock->editor();
        editor->setBuildersText(QStringLiteral("ssh-ng://builder1 x86_64-linux - lots"));
        QVERIFY2(editor->problems().contains(QStringLiteral("line 1, field 4 (max jobs)")), qPrintable(editor->problems()));
        QVERIFY(!w.builds()->queue()->settings().usesFarm());
        editor->setBuildersText(test::LoopbackFarm::machineLine(QStringLiteral("builder1"), 3));
        QVERIFY(editor->problems().isEmpty());
        QCOMPARE(w.builds()->queue()->settings().builders.size(), 1);
        QCOMPARE(w.builds()->queue()->settings().slotsFor({}, { QStringLiteral("big-parallel") }), 3 + 1);
        editor->setFarmOnly(true);
        QCOMPARE(w.builds()->queue()->settings().slotsFor({}, { QStringLiteral("big-parallel") }), 3);
        QCOMPARE(AppSettings().farmBuilders(), test::LoopbackFarm::machineLine(QStringLiteral("builder1"), 3));
        QVERIFY(AppSettings().farmOnly());
    }

    void checkShowsEachBuilder()
    {
        MainWindow w;
        FarmDock *dock = w.farm()->view();
        dock->editor()->setBuildersText(test::LoopbackFarm::machineLine(QStringLiteral("builder1")) + QLatin1Char('\n')
            + test::LoopbackFarm::machineLine(QStringLiteral("builder9")));
        QCOMPARE(dock->rowCount(), 2);
        QCOMPARE(dock->cell(0, FarmDock::StatusColumn), QStringLiteral("not checked"));
        QSignalSpy done(w.farm(), &FarmController::checkFinished);
        QTest::mouseClick(dock->findChild<QWidget *>(QStringLiteral("farmCheck")), Qt::LeftButton);
        QVERIFY(done.wait(60000)); // the window kept running meanwhile
        QVERIFY2(dock->cell(0, FarmDock::StatusColumn).startsWith(QStringLiteral("reachable, Nix ")), qPrintable(dock->cell(0, 3)));
        QVERIFY(dock->cell(0, FarmDock::StatusColumn).endsWith(QStringLiteral(", trusted")));
        QVERIFY2(dock->cell(1, FarmDock::StatusColumn).startsWith(QStringLiteral("unreachable: ")), qPrintable(dock->cell(1, 3)));
        QVERIFY(dock->cell(1, FarmDock::StatusColumn).contains(QStringLiteral("Connection refused")));
        QCOMPARE(dock->cell(1, FarmDock::BuilderColumn), QStringLiteral("ssh-ng://builder9"));
    }
};

QTEST_MAIN(TestWindowFarm)
#include "test_window_farm.moc"
