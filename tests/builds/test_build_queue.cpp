// BuildQueue: order, reorder, remove, cancel, parallelism, quitting without orphans.
#include "BuildTestSupport.h"
#include "builds/BuildHistory.h"
#include "builds/BuildQueue.h"
#include "itemmodels/BuildStates.h"

using namespace vs;
using namespace vs::test;

class TestBuildQueue : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_settings = testSettings(m_tmp);
        for (const char *name : { "slow-a", "slow-b", "b", "c", "d" })
            QVERIFY(m_repo.write(QStringLiteral(".flox/pkgs/%1.nix").arg(QLatin1String(name)), "{ }: null\n"));
        QVERIFY(m_repo.commitAll(QStringLiteral("recipes")));
    }

    void orderReorderRemoveCancel()
    {
        BuildQueue queue(m_settings);
        BuildHistory history(m_repo.path(), m_settings.historyDirectory());
        queue.setHistory(&history);
        QStringList startOrder;
        QList<BuildJob> finished;
        connect(&queue, &BuildQueue::jobStarted, this, [&](const BuildJob &j) { startOrder.append(j.variant); });
        connect(&queue, &BuildQueue::jobFinished, this, [&](const BuildJob &j) { finished.append(j); });
        QSignalSpy idle(&queue, &BuildQueue::idle);

        const quint64 a = queue.enqueue(makeJob(m_repo.path(), QStringLiteral("slow-a"), BuildBackend::Flox));
        const quint64 b = queue.enqueue(makeJob(m_repo.path(), QStringLiteral("b"), BuildBackend::Flox));
        const quint64 c = queue.enqueue(makeJob(m_repo.path(), QStringLiteral("c"), BuildBackend::Flox));
        const quint64 d = queue.enqueue(makeJob(m_repo.path(), QStringLiteral("d"), BuildBackend::Flox));
        QTRY_COMPARE_WITH_TIMEOUT(startOrder.size(), 1, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(queue.job(a)->pid > 0, 30000);
        const qint64 pidA = queue.job(a)->pid;

        auto order = [&] {
            QStringList names;
            for (const BuildJob &j : queue.jobs())
                names.append(j.variant + QLatin1Char(':') + toString(j.state));
            return names;
        };
        QCOMPARE(order(), (QStringList { "slow-a:running", "b:queued", "c:queued", "d:queued" }));
        QVERIFY(queue.moveUp(d));
        QCOMPARE(order(), (QStringList { "slow-a:running", "b:queued", "d:queued", "c:queued" }));
        QVERIFY(queue.moveDown(b));
        QCOMPARE(order(), (QStringList { "slow-a:running", "d:queued", "b:queued", "c:queued" }));
        QVERIFY(!queue.moveUp(d)); // already first of the waiting ones
        QVERIFY(!queue.remove(a)); // running jobs are cancelled, not removed
        QVERIFY(queue.remove(c));
        QCOMPARE(order(), (QStringList { "slow-a:running", "d:queued", "b:queued" }));
        QCOMPARE(queue.activeJobFor(QString(), QStringLiteral("b"))->id, b);

        // The history already knows the running build.
        BuildHistory reader(m_repo.path(), m_settings.historyDirectory());
        QCOMPARE(toString(reader.cell(QStringLiteral("main"), QStringLiteral("slow-a")).outcome), toString(CellOutcome::Building));
        // The grid's view of it: running and waiting cells.
        const auto gridStates = BuildStates::forMatrix(&history, &queue);
        QVERIFY(gridStates.value(BuildStates::key(QStringLiteral("main"), QStringLiteral("slow-a"))) == CellStatus::Building);
        QVERIFY(gridStates.value(BuildStates::key(QString(), QStringLiteral("d"))) == CellStatus::Queued);

        QVERIFY(queue.cancel(a));
        QTRY_VERIFY_WITH_TIMEOUT(!idle.isEmpty(), 60000);
        QCOMPARE(startOrder, (QStringList { "slow-a", "d", "b" }));
        QVERIFY(!processAlive(pidA));
        QHash<QString, BuildState> states;
        for (const BuildJob &j : finished)
            states.insert(j.variant, j.state);
        QCOMPARE(toString(states.value(QStringLiteral("slow-a"))), toString(BuildState::Cancelled));
        QCOMPARE(toString(states.value(QStringLiteral("c"))), toString(BuildState::Cancelled));
        QCOMPARE(toString(states.value(QStringLiteral("d"))), toString(BuildState::Succeeded));
        QCOMPARE(toString(states.value(QStringLiteral("b"))), toString(BuildState::Succeeded));
        QVERIFY(queue.isIdle());

        // Recorded: three runs (the removed job never ran), the branch resolved.
        QVERIFY(reader.reload());
        QCOMPARE(reader.entries().size(), 3);
        QCOMPARE(toString(reader.cell(QStringLiteral("main"), QStringLiteral("d")).outcome), toString(CellOutcome::Built));
        QCOMPARE(toString(reader.cell(QStringLiteral("main"), QStringLiteral("slow-a")).outcome), toString(CellOutcome::None));
        const auto after = BuildStates::forMatrix(&reader, &queue);
        QVERIFY(after.value(BuildStates::key(QStringLiteral("main"), QStringLiteral("d"))) == CellStatus::Built);
        QVERIFY(!after.contains(BuildStates::key(QStringLiteral("main"), QStringLiteral("slow-a"))));
    }

    void parallelAndCancelAll()
    {
        BuildSettings s = m_settings;
        s.maxParallel = 2;
        BuildQueue queue(s);
        QList<quint64> ids { queue.enqueue(makeJob(m_repo.path(), QStringLiteral("slow-a"), BuildBackend::Flox)),
            queue.enqueue(makeJob(m_repo.path(), QStringLiteral("slow-b"), BuildBackend::Flox)),
            queue.enqueue(makeJob(m_repo.path(), QStringLiteral("b"), BuildBackend::Flox)) };
        QTRY_VERIFY_WITH_TIMEOUT(queue.job(ids[0]) && queue.job(ids[0])->pid > 0 && queue.job(ids[1])->pid > 0, 30000);
        QCOMPARE(toString(queue.job(ids[2])->state), toString(BuildState::Queued)); // two at a time
        const qint64 pid0 = queue.job(ids[0])->pid, pid1 = queue.job(ids[1])->pid;
        QList<BuildJob> finished;
        connect(&queue, &BuildQueue::jobFinished, this, [&](const BuildJob &j) { finished.append(j); });
        queue.cancelAll(3000); // returns once the processes are gone
        QVERIFY(!processAlive(pid0));
        QVERIFY(!processAlive(pid1));
        QCOMPARE(finished.size(), 3);
        for (const BuildJob &j : finished)
            QCOMPARE(toString(j.state), toString(BuildState::Cancelled));
        QVERIFY(queue.isIdle());
    }

private:
    QTemporaryDir m_tmp;
    BuildSettings m_settings;
    GitFixture m_repo;
};

QTEST_GUILESS_MAIN(TestBuildQueue)
#include "test_build_queue.moc"
