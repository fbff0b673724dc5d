#include "BuildTestSupport.h"
#include "builds/BuildQueue.h"
#include "companions/CompanionBuildPlan.h"
#include "companions/CompanionMatch.h"
#include "repository/RepositoryScanner.h"
#include "support/GitFixture.h"
#include "support/ToyRecipes.h"

#include <QSignalSpy>
#include <QtTest>

using namespace vs;
using namespace vs::test;

// Building a companion cell whose PyTorch is not built queues the PyTorch build
// first (its own repository and branch) and the companion after it; a failing
// PyTorch build (a real nix-build of a toy recipe) leaves the companion unrun,
// marked "dependency failed" with that build's log.
class TestBuildOrder : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    struct Fixture {
        GitFixture pytorch, vision;
        CompanionEntry entry;
    };

    // PyTorch's toy recipe runs `pytorchScript`; TorchVision's always succeeds.
    static bool make(Fixture &f, const QString &pytorchScript)
    {
        if (!f.pytorch.write(
                QStringLiteral(".flox/pkgs/pytorch-python313-cpu-avx2.nix"), toyRecipe(QStringLiteral("pytorch"), pytorchScript))
            || !f.pytorch.commitAll(QStringLiteral("pytorch"))
            || !f.vision.write(QStringLiteral(".flox/pkgs/torchvision-python313-cpu-avx2.nix"),
                toyRecipe(QStringLiteral("torchvision"), QStringLiteral("echo vision > $out")))
            || !f.vision.commitAll(QStringLiteral("vision")))
            return false;
        const CompanionReport report
            = CompanionMatch::match(RepositoryScanner::scan(f.pytorch.path()), RepositoryScanner::scan(f.vision.path()), {});
        if (report.entries.size() != 1)
            return false;
        f.entry = report.entries.first();
        return true;
    }

private slots:
    void failingPyTorchStopsTheCompanion()
    {
        Fixture f;
        QVERIFY(make(f, QStringLiteral("echo compiling PyTorch; exit 3")));
        QCOMPARE(toString(f.entry.status), QStringLiteral("defined"));
        BuildQueue queue(testSettings(m_dir));
        QSignalSpy started(&queue, &BuildQueue::jobStarted);
        QSignalSpy finished(&queue, &BuildQueue::jobFinished);
        const CompanionBuildPlan::Queued q
            = CompanionBuildPlan::enqueue(queue, f.entry, f.pytorch.path(), f.vision.path(), BuildBackend::Nix);
        QVERIFY(q.pytorchJob != 0 && q.companionJob != 0);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 240000);
        const BuildJob pytorch = finished.at(0).at(0).value<BuildJob>();
        const BuildJob companion = finished.at(1).at(0).value<BuildJob>();
        QCOMPARE(pytorch.id, q.pytorchJob);
        QCOMPARE(pytorch.repoRoot, f.pytorch.path());
        QCOMPARE(pytorch.variant, QStringLiteral("pytorch-python313-cpu-avx2"));
        QVERIFY(pytorch.state == BuildState::Failed);
        QVERIFY(!pytorch.logFile.isEmpty());
        QCOMPARE(companion.id, q.companionJob);
        QVERIFY(companion.state == BuildState::Failed);
        QVERIFY(companion.error == BuildError::DependencyFailed);
        QCOMPARE(companion.dependencyLog, pytorch.logFile);
        QVERIFY2(companion.message.contains(pytorch.logFile), qPrintable(companion.message));
        // Only PyTorch's build ever started.
        QCOMPARE(started.size(), 1);
        QCOMPARE(started.first().first().value<BuildJob>().id, q.pytorchJob);
    }

    void companionWaitsForItsPyTorch()
    {
        Fixture f;
        QVERIFY(make(f, QStringLiteral("sleep 1; echo torch > $out")));
        BuildSettings settings = testSettings(m_dir);
        settings.maxParallel = 2; // even with room for both, the companion waits
        BuildQueue queue(settings);
        QSignalSpy finished(&queue, &BuildQueue::jobFinished);
        QList<quint64> startOrder;
        connect(&queue, &BuildQueue::jobStarted, this, [&](const BuildJob &j) { startOrder << j.id; });
        const CompanionBuildPlan::Queued q
            = CompanionBuildPlan::enqueue(queue, f.entry, f.pytorch.path(), f.vision.path(), BuildBackend::Nix);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 240000);
        QCOMPARE(startOrder, (QList<quint64> { q.pytorchJob, q.companionJob }));
        QCOMPARE(finished.at(0).at(0).value<BuildJob>().id, q.pytorchJob); // PyTorch ended before the companion began
        QVERIFY(finished.at(1).at(0).value<BuildJob>().state == BuildState::Succeeded);

        // Once PyTorch is built, the companion is queued alone.
        CompanionEntry built = f.entry;
        built.status = PartnerStatus::Built;
        const CompanionBuildPlan::Queued again
            = CompanionBuildPlan::enqueue(queue, built, f.pytorch.path(), f.vision.path(), BuildBackend::Nix);
        QCOMPARE(again.pytorchJob, quint64(0));
        QVERIFY(queue.job(again.companionJob).has_value());
        QCOMPARE(queue.job(again.companionJob)->dependsOn, quint64(0));
        queue.cancelAll();
    }

    // On a farm a job counts only the builders that fit its recipe: both jobs carry
    // what their own recipe requires (PyTorch's from its repository, read from git).
    void bothJobsCarryTheirRecipesFeatures()
    {
        Fixture f;
        QVERIFY(f.pytorch.write(QStringLiteral(".flox/pkgs/pytorch-python313-cpu-avx2.nix"),
            farmRecipe(QStringLiteral("pytorch"), 0, { QStringLiteral("big-parallel"), QStringLiteral("cuda") })));
        QVERIFY(f.pytorch.commitAll(QStringLiteral("pytorch")));
        QVERIFY(f.vision.write(QStringLiteral(".flox/pkgs/torchvision-python313-cpu-avx2.nix"),
            farmRecipe(QStringLiteral("torchvision"), 0, { QStringLiteral("kvm") })));
        QVERIFY(f.vision.commitAll(QStringLiteral("vision")));
        const CompanionReport report
            = CompanionMatch::match(RepositoryScanner::scan(f.pytorch.path()), RepositoryScanner::scan(f.vision.path()), {});
        QCOMPARE(report.entries.size(), 1);
        const CompanionEntry entry = report.entries.first();

        const CompanionBuildPlan::Features features = CompanionBuildPlan::features(entry, f.pytorch.path(), f.vision.path());
        QCOMPARE(features.pytorch, (QStringList { QStringLiteral("big-parallel"), QStringLiteral("cuda") }));
        QCOMPARE(features.companion, QStringList { QStringLiteral("kvm") });

        BuildQueue queue(testSettings(m_dir));
        const CompanionBuildPlan::Queued q
            = CompanionBuildPlan::enqueue(queue, entry, f.pytorch.path(), f.vision.path(), BuildBackend::Nix, features);
        QVERIFY(q.pytorchJob != 0 && q.companionJob != 0);
        QCOMPARE(queue.job(q.pytorchJob)->requiredFeatures, features.pytorch);
        QCOMPARE(queue.job(q.companionJob)->requiredFeatures, features.companion);
        queue.cancelAll();
        QTRY_VERIFY_WITH_TIMEOUT(queue.isIdle(), 60000);
    }
};

QTEST_GUILESS_MAIN(TestBuildOrder)
#include "test_build_order.moc"
