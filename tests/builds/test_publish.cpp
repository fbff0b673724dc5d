// PublishChecks in a real repository with a bare remote, and publishing through
// the queue with the flox stand-in (which refuses like Flox does).
#include "BuildTestSupport.h"
#include "builds/BuildHistory.h"
#include "builds/BuildQueue.h"
#include "builds/PublishChecks.h"

using namespace vs;
using namespace vs::test;

namespace {
QHash<QString, PublishCheck> byId(const QList<PublishCheck> &checks)
{
    QHash<QString, PublishCheck> map;
    for (const PublishCheck &c : checks)
        map.insert(c.id, c);
    return map;
}

BuildJob runThroughQueue(BuildQueue &queue, const BuildJob &job)
{
    BuildJob result;
    QObject guard;
    QObject::connect(&queue, &BuildQueue::jobFinished, &guard, [&](const BuildJob &j) { result = j; });
    QSignalSpy idle(&queue, &BuildQueue::idle);
    queue.enqueue(job);
    idle.wait(120000);
    return result;
}
} // namespace

class TestPublish : public QObject {
    Q_OBJECT
private slots:
    void orgNames()
    {
        QVERIFY(PublishChecks::isValidOrg(QStringLiteral("my-org_2")));
        QVERIFY(!PublishChecks::isValidOrg(QString()));
        QVERIFY(!PublishChecks::isValidOrg(QStringLiteral("my org")));
        QVERIFY(!PublishChecks::isValidOrg(QStringLiteral("org/evil")));
        QVERIFY(!PublishChecks::isValidOrg(QStringLiteral("ünï")));
    }

    void checksFollowTheRepository()
    {
        QTemporaryDir tmp;
        const BuildSettings settings = testSettings(tmp);
        GitFixture repo;
        BuildHistory history(repo.path(), settings.historyDirectory());
        const QString variant = QStringLiteral("torch-cpu");
        QVERIFY(repo.write(QStringLiteral("README"), "readme\n"));
        QVERIFY(repo.commitAll(QStringLiteral("init")));
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/torch-cpu.nix"), "{ }: null\n"));

        auto checks = byId(PublishChecks::evaluate(repo.path(), QString(), variant, &history));
        QVERIFY(!checks[QStringLiteral("tracked")].met);
        QVERIFY(!checks[QStringLiteral("remote")].met);
        QVERIFY(!checks[QStringLiteral("pushed")].met);
        QVERIFY(!checks[QStringLiteral("built")].met);

        QVERIFY(repo.commitAll(QStringLiteral("recipe")));
        QTemporaryDir bare;
        QVERIFY(runProgram(QStringLiteral("git"), { QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("--bare"), bare.path() })
            == 0);
        QVERIFY(repo.git({ QStringLiteral("remote"), QStringLiteral("add"), QStringLiteral("origin"), bare.path() }));
        checks = byId(PublishChecks::evaluate(repo.path(), QString(), variant, &history));
        QVERIFY(checks[QStringLiteral("tracked")].met);
        QVERIFY(checks[QStringLiteral("remote")].met);
        QVERIFY(!checks[QStringLiteral("pushed")].met); // no upstream yet
        QVERIFY(checks[QStringLiteral("pushed")].message.contains(QLatin1String("no upstream")));

        QVERIFY(repo.git(
            { QStringLiteral("push"), QStringLiteral("-q"), QStringLiteral("-u"), QStringLiteral("origin"), QStringLiteral("main") }));
        checks = byId(PublishChecks::evaluate(repo.path(), QString(), variant, &history));
        QVERIFY2(checks[QStringLiteral("pushed")].met, qPrintable(checks[QStringLiteral("pushed")].message));

        QVERIFY(repo.write(QStringLiteral("README"), "changed\n"));
        checks = byId(PublishChecks::evaluate(repo.path(), QString(), variant, &history));
        QVERIFY(!checks[QStringLiteral("clean")].met);
        QVERIFY(repo.commitAll(QStringLiteral("unpushed")));
        checks = byId(PublishChecks::evaluate(repo.path(), QString(), variant, &history));
        QVERIFY(checks[QStringLiteral("clean")].met);
        QVERIFY(!checks[QStringLiteral("pushed")].met);
        QVERIFY2(checks[QStringLiteral("pushed")].message.startsWith(QLatin1String("1 commit")),
            qPrintable(checks[QStringLiteral("pushed")].message));

        // Publishing now: the stand-in refuses like Flox, and the history says so.
        BuildQueue queue(settings);
        queue.setHistory(&history);
        BuildJob build = runThroughQueue(queue, makeJob(repo.path(), variant, BuildBackend::Flox));
        QCOMPARE(toString(build.state), toString(BuildState::Succeeded));
        QVERIFY(byId(PublishChecks::evaluate(repo.path(), QString(), variant, &history))[QStringLiteral("built")].met);

        BuildJob publish = makeJob(repo.path(), variant, BuildBackend::Flox);
        publish.kind = BuildKind::Publish;
        publish.org = QStringLiteral("test-org");
        const BuildJob refused = runThroughQueue(queue, publish);
        QCOMPARE(toString(refused.state), toString(BuildState::Failed));
        QVERIFY(refused.exitCode != 0);
        QVERIFY2(refused.lastLines.join(QLatin1Char('\n')).contains(QLatin1String("not present on the remote")),
            qPrintable(refused.lastLines.join(QLatin1Char('\n'))));
        QCOMPARE(toString(history.cell(QStringLiteral("main"), variant).outcome), QStringLiteral("built"));

        QVERIFY(repo.git({ QStringLiteral("push"), QStringLiteral("-q") }));
        QVERIFY(PublishChecks::allMet(PublishChecks::evaluate(repo.path(), QString(), variant, &history)));
        const BuildJob published = runThroughQueue(queue, publish);
        QCOMPARE(toString(published.state), toString(BuildState::Succeeded));
        BuildHistory reopened(repo.path(), settings.historyDirectory());
        const CellHistory cell = reopened.cell(QStringLiteral("main"), variant);
        QCOMPARE(toString(cell.outcome), QStringLiteral("published"));
        QCOMPARE(cell.lastPublish.org, QStringLiteral("test-org"));
    }

    void standInRefusesDirtyTreeAndMissingRemote()
    {
        QTemporaryDir tmp;
        const BuildSettings settings = testSettings(tmp);
        GitFixture repo;
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/p.nix"), "{ }: null\n"));
        QVERIFY(repo.commitAll(QStringLiteral("recipe")));
        BuildQueue queue(settings);
        BuildJob publish = makeJob(repo.path(), QStringLiteral("p"), BuildBackend::Flox);
        publish.kind = BuildKind::Publish;
        publish.org = QStringLiteral("o");
        BuildJob j = runThroughQueue(queue, publish);
        QCOMPARE(toString(j.state), toString(BuildState::Failed));
        QVERIFY(j.lastLines.join(QLatin1Char('\n')).contains(QLatin1String("at least one remote")));
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/p.nix"), "{ }: 1\n"));
        j = runThroughQueue(queue, publish);
        QVERIFY(j.lastLines.join(QLatin1Char('\n')).contains(QLatin1String("dirty tracked files")));
    }
};

QTEST_GUILESS_MAIN(TestPublish)
#include "test_publish.moc"
