// The build farm against real builders: sshd on loopback, each with its own Nix
// store (tests/support/LoopbackFarm), real nix-build and `nix store info`.
#include "BuildTestSupport.h"
#include "builds/BuildHistory.h"
#include "builds/BuildQueue.h"
#include "farm/FarmCheck.h"
#include "farm/MachinesFile.h"
#include "itemmodels/BuildQueueModel.h"
#include "support/LoopbackFarm.h"

#include <QRegularExpression>

using namespace vs;
using namespace vs::test;

namespace {

QList<BuilderMachine> machines(const QStringList &lines)
{
    const MachinesParse p = MachinesFile::parse(lines.join(QLatin1Char('\n')), QStringLiteral("test"));
    if (!p.ok())
        qWarning() << p.problemText();
    return p.machines;
}

} // namespace

class TestFarmBuilds : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        const QString why = LoopbackFarm::unavailableReason();
        QVERIFY2(why.isEmpty(), qPrintable(why)); // the root has what it needs (scripts/env.sh)
        QVERIFY2(m_farm.addBuilder(QStringLiteral("builder1")), qPrintable(m_farm.error()));
        QVERIFY2(m_farm.addBuilder(QStringLiteral("builder2")), qPrintable(m_farm.error()));
        m_farm.addDownBuilder(QStringLiteral("builder9"));
        // Nix's ssh reads this (a single-user Nix: the nix-build process itself connects).
        qputenv("NIX_SSHOPTS", m_farm.sshOptions().toUtf8());
        for (const char *name : { "farm-a", "farm-b" })
            QVERIFY(m_repo.write(QStringLiteral(".flox/pkgs/%1.nix").arg(QLatin1String(name)), farmRecipe(QLatin1String(name), 2)));
        QVERIFY(m_repo.write(QStringLiteral(".flox/pkgs/needs-down.nix"),
            farmRecipe(QStringLiteral("needs-down"), 0, { QStringLiteral("big-parallel"), QStringLiteral("down-only") })));
        QVERIFY(m_repo.commitAll(QStringLiteral("farm recipes")));
        m_settings = testSettings(m_tmp);
        m_settings.farmOnly = true;
    }

    void cleanupTestCase() { m_farm.stop(); }

    void checkSaysReachableVersionTrustOrTheError()
    {
        const QList<BuilderMachine> farm = machines({ LoopbackFarm::machineLine(QStringLiteral("builder1")),
            LoopbackFarm::machineLine(QStringLiteral("builder2"), 2), LoopbackFarm::machineLine(QStringLiteral("builder9")) });
        QCOMPARE(farm.size(), 3);
        FarmCheck check(QStringLiteral("nix"));
        check.setTimeout(30000);
        const QList<BuilderStatus> statuses = check.check(farm);
        QCOMPARE(statuses.size(), 3);
        QByteArray version;
        QCOMPARE(runProgram(QStringLiteral("nix"), { QStringLiteral("--version") }, {}, &version), 0);
        for (int i : { 0, 1 }) {
            QVERIFY2(statuses[i].reachable, qPrintable(statuses[i].error));
            QVERIFY2(version.contains(statuses[i].nixVersion.toUtf8()) && !statuses[i].nixVersion.isEmpty(), version.constData());
            QCOMPARE(statuses[i].trusted, 1);
            QVERIFY(statuses[i].error.isEmpty());
        }
        QVERIFY(!statuses[2].reachable);
        // ssh's and nix's own words.
        QVERIFY2(statuses[2].error.contains(QStringLiteral("Connection refused")), qPrintable(statuses[2].error));
        QVERIFY2(statuses[2].error.contains(QStringLiteral("builder9")), qPrintable(statuses[2].error));
    }

    void buildsOnTheBuilderAndRecordsTheHost()
    {
        BuildSettings settings = m_settings;
        settings.builders = machines({ LoopbackFarm::machineLine(QStringLiteral("builder1")) });
        BuildQueue queue(settings);
        BuildHistory history(m_repo.path(), settings.historyDirectory());
        queue.setHistory(&history);
        QStringList lines;
        QList<BuildJob> progress;
        connect(&queue, &BuildQueue::linesReady, this, [&](quint64, const LogLines &batch) {
            for (const LogLine &l : batch)
                lines << l.text;
        });
        connect(&queue, &BuildQueue::jobChanged, this, [&](const BuildJob &j) { progress << j; });
        QSignalSpy finished(&queue, &BuildQueue::jobFinished);
        queue.enqueue(makeJob(m_repo.path(), QStringLiteral("farm-a")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
        const BuildJob job = finished.first().first().value<BuildJob>();
        QVERIFY2(job.state == BuildState::Succeeded, qPrintable(lines.join(QLatin1Char('\n'))));
        QCOMPARE(job.host, QStringLiteral("ssh-ng://builder1"));
        QCOMPARE(job.derivationsDone, 1);
        QCOMPARE(job.derivationsExpected, 1);
        // Plain lines only, including the builder's own output and where it ran.
        QVERIFY(lines.contains(QStringLiteral("start farm-a")));
        QVERIFY(lines.join(QLatin1Char('\n')).contains(QStringLiteral("' on 'ssh-ng://builder1'")));
        for (const QString &l : std::as_const(lines))
            QVERIFY2(!l.startsWith(QLatin1String("@nix")), qPrintable(l));
        // The queue dock's line says where it runs while it runs.
        bool sawHostWhileRunning = false;
        for (const BuildJob &j : std::as_const(progress))
            sawHostWhileRunning |= j.state == BuildState::Running && j.host == job.host
                && BuildQueueModel::farmProgress(j).startsWith(QStringLiteral("on ssh-ng://builder1"));
        QVERIFY(sawHostWhileRunning);
        // Built there (it is in the builder's store), copied back (valid here, the link works).
        const QString name = QFileInfo(job.storePath).fileName();
        QVERIFY2(QFileInfo::exists(m_farm.storeOf(QStringLiteral("builder1")) + QStringLiteral("/store/") + name), qPrintable(name));
        QVERIFY(QFileInfo(job.resultLink).isSymLink());
        QFile result(job.resultLink);
        QVERIFY(result.open(QIODevice::ReadOnly));
        QCOMPARE(result.readAll().trimmed(), QByteArray("farm-a"));
        QCOMPARE(runProgram(QStringLiteral("nix-store"), { QStringLiteral("--verify-path"), job.storePath }), 0);
        // The history knows the host.
        BuildHistory reader(m_repo.path(), settings.historyDirectory());
        QVERIFY(reader.reload());
        QCOMPARE(reader.entries().last().host, QStringLiteral("ssh-ng://builder1"));
        QCOMPARE(reader.entries().last().toJson().value(QStringLiteral("host")).toString(), QStringLiteral("ssh-ng://builder1"));
    }

    void twoBuildersOfOneSlotBuildTwoAtOnce()
    {
        BuildSettings settings = m_settings;
        settings.maxParallel = 1; // not what limits a farm
        settings.builders
            = machines({ LoopbackFarm::machineLine(QStringLiteral("builder1")), LoopbackFarm::machineLine(QStringLiteral("builder2")) });
        QCOMPARE(settings.slotsFor({}, { QStringLiteral("big-parallel") }), 2);
        // Fresh recipes: the results of the test before must not be found in the store.
        for (const char *name : { "farm-a", "farm-b" })
            QVERIFY(m_repo.write(QStringLiteral(".flox/pkgs/%1.nix").arg(QLatin1String(name)), farmRecipe(QLatin1String(name), 3)));
        BuildQueue queue(settings);
        int running = 0, most = 0;
        connect(&queue, &BuildQueue::jobStarted, this, [&] { most = qMax(most, ++running); });
        QList<BuildJob> done;
        connect(&queue, &BuildQueue::jobFinished, this, [&](const BuildJob &j) {
            --running;
            done << j;
        });
        queue.enqueue(makeJob(m_repo.path(), QStringLiteral("farm-a")));
        queue.enqueue(makeJob(m_repo.path(), QStringLiteral("farm-b")));
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 2, 180000);
        QCOMPARE(most, 2);
        QSet<QString> hosts;
        for (const BuildJob &j : std::as_const(done)) {
            QVERIFY2(j.state == BuildState::Succeeded, qPrintable(j.lastLines.join(QLatin1Char('\n'))));
            hosts << j.host;
        }
        QCOMPARE(hosts, QSet<QString>({ QStringLiteral("ssh-ng://builder1"), QStringLiteral("ssh-ng://builder2") }));
        // They overlapped in time: each started before the other ended.
        const QDateTime endA = done[0].started.addMSecs(done[0].durationMs), endB = done[1].started.addMSecs(done[1].durationMs);
        QVERIFY(done[0].started < endB && done[1].started < endA);
    }

    void aDownBuilderFailsItsBuildByNameAndTheOthersGoOn()
    {
        BuildSettings settings = m_settings;
        settings.retries = 1;
        // Only builder9 (down) takes "down-only" builds; builder1 takes the rest.
        settings.builders = machines({ LoopbackFarm::machineLine(QStringLiteral("builder1")),
            QStringLiteral("ssh-ng://builder9 x86_64-linux - 1 1 big-parallel,down-only down-only") });
        QVERIFY(m_repo.write(QStringLiteral(".flox/pkgs/farm-b.nix"), farmRecipe(QStringLiteral("farm-b"), 1)));
        BuildQueue queue(settings);
        QList<BuildJob> done;
        connect(&queue, &BuildQueue::jobFinished, this, [&](const BuildJob &j) { done << j; });
        QSignalSpy idle(&queue, &BuildQueue::idle);
        BuildJob down = makeJob(m_repo.path(), QStringLiteral("needs-down"));
        down.requiredFeatures = { QStringLiteral("big-parallel"), QStringLiteral("down-only") };
        queue.enqueue(down);
        queue.enqueue(makeJob(m_repo.path(), QStringLiteral("farm-b")));
        QTRY_VERIFY_WITH_TIMEOUT(!idle.isEmpty(), 180000);
        QList<BuildJob> downRuns;
        for (const BuildJob &j : std::as_const(done)) {
            if (j.variant == QLatin1String("farm-b")) {
                QVERIFY2(j.state == BuildState::Succeeded, qPrintable(j.lastLines.join(QLatin1Char('\n'))));
                QCOMPARE(j.host, QStringLiteral("ssh-ng://builder1"));
            } else {
                downRuns << j;
            }
        }
        QCOMPARE(downRuns.size(), 2); // tried, then retried once
        for (int attempt : { 0, 1 }) {
            const BuildJob &j = downRuns[attempt];
            QCOMPARE(j.attempt, attempt);
            QCOMPARE(toString(j.state), toString(BuildState::Failed));
            QVERIFY(j.error == BuildError::BuilderFailed);
            QVERIFY2(j.message.contains(QStringLiteral("the builder ssh-ng://builder9 could not be used")), qPrintable(j.message));
        }
    }

    void aBuilderThatDropsFailsThatBuildNamingIt()
    {
        QVERIFY2(m_farm.addBuilder(QStringLiteral("builder3"), QStringLiteral("big-parallel,drop")), qPrintable(m_farm.error()));
        BuildSettings settings = m_settings;
        settings.builders = machines({ LoopbackFarm::machineLine(QStringLiteral("builder1")),
            QStringLiteral("ssh-ng://builder3 x86_64-linux - 1 1 big-parallel,drop drop") });
        QVERIFY(m_repo.write(QStringLiteral(".flox/pkgs/drops.nix"),
            farmRecipe(QStringLiteral("drops"), 60, { QStringLiteral("big-parallel"), QStringLiteral("drop") })));
        QVERIFY(m_repo.write(QStringLiteral(".flox/pkgs/farm-a.nix"), farmRecipe(QStringLiteral("farm-a"), 3)));
        BuildQueue queue(settings);
        QList<BuildJob> done;
        connect(&queue, &BuildQueue::jobFinished, this, [&](const BuildJob &j) { done << j; });
        bool dropped = false;
        connect(&queue, &BuildQueue::linesReady, this, [&](quint64, const LogLines &batch) {
            for (const LogLine &l : batch)
                if (l.text == QLatin1String("start drops") && !dropped) {
                    dropped = true;
                    m_farm.killBuilder(QStringLiteral("builder3")); // mid-build: the connection goes
                }
        });
        QSignalSpy idle(&queue, &BuildQueue::idle);
        BuildJob drops = makeJob(m_repo.path(), QStringLiteral("drops"));
        drops.requiredFeatures = { QStringLiteral("big-parallel"), QStringLiteral("drop") };
        queue.enqueue(drops);
        queue.enqueue(makeJob(m_repo.path(), QStringLiteral("farm-a")));
        QTRY_VERIFY_WITH_TIMEOUT(!idle.isEmpty(), 180000);
        QVERIFY2(dropped, qPrintable(done.first().lastLines.join(QLatin1Char('\n')) + done.first().message));
        QCOMPARE(done.size(), 2);
        for (const BuildJob &j : std::as_const(done)) {
            if (j.variant == QLatin1String("farm-a")) {
                QVERIFY2(j.state == BuildState::Succeeded, qPrintable(j.lastLines.join(QLatin1Char('\n'))));
                continue;
            }
            QCOMPARE(toString(j.state), toString(BuildState::Failed));
            QVERIFY(j.error == BuildError::BuilderFailed);
            QCOMPARE(j.host, QStringLiteral("ssh-ng://builder3"));
            QVERIFY2(j.message.contains(QStringLiteral("the builder ssh-ng://builder3 dropped the connection")), qPrintable(j.message));
            QVERIFY(j.durationMs < 50000); // ended by the drop, not by its own end
        }
    }

private:
    LoopbackFarm m_farm;
    QTemporaryDir m_tmp;
    GitFixture m_repo;
    BuildSettings m_settings;
};

QTEST_GUILESS_MAIN(TestFarmBuilds)
#include "test_farm_builds.moc"
