// BuildHistory: persisted per repository, reloaded by a new instance ("restart"),
// latest outcome per cell, and runs of a dead app shown as interrupted.
#include "BuildTestSupport.h"
#include "builds/BuildHistory.h"
#include "builds/BuildQueue.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace vs;
using namespace vs::test;

namespace {
BuildJob finishedJob(const QString &variant, const QString &branch, BuildState state, BuildKind kind = BuildKind::Build)
{
    static int counter = 0;
    BuildJob j;
    j.runId = QStringLiteral("run-%1").arg(++counter);
    j.kind = kind;
    j.variant = variant;
    j.branch = branch;
    j.state = state;
    j.started = QDateTime::currentDateTime().addSecs(counter);
    j.durationMs = 1234;
    j.exitCode = state == BuildState::Failed ? 3 : 0;
    j.commit = QStringLiteral("abc123");
    if (kind == BuildKind::Publish)
        j.org = QStringLiteral("my-org");
    return j;
}
} // namespace

class TestBuildHistory : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    void persistsAndReloads()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("h1"));
        {
            BuildHistory h(QStringLiteral("/repos/one"), dir);
            h.recordFinish(finishedJob(QStringLiteral("v1"), QStringLiteral("main"), BuildState::Succeeded));
            h.recordFinish(finishedJob(QStringLiteral("v2"), QStringLiteral("main"), BuildState::Succeeded));
            h.recordFinish(finishedJob(QStringLiteral("v2"), QStringLiteral("main"), BuildState::Failed));
            h.recordFinish(finishedJob(QStringLiteral("v3"), QStringLiteral("dev"), BuildState::Succeeded));
            h.recordFinish(finishedJob(QStringLiteral("v3"), QStringLiteral("dev"), BuildState::Succeeded, BuildKind::Publish));
            h.recordFinish(finishedJob(QStringLiteral("v1"), QStringLiteral("main"), BuildState::Cancelled));
            QVERIFY2(h.lastError().isEmpty(), qPrintable(h.lastError()));
            QVERIFY(h.filePath().startsWith(dir + QStringLiteral("/")));
        }
        BuildHistory again(QStringLiteral("/repos/one"), dir); // the app was restarted
        QCOMPARE(again.entries().size(), 6);
        QCOMPARE(toString(again.cell(QStringLiteral("main"), QStringLiteral("v1")).outcome), QStringLiteral("built"));
        QCOMPARE(toString(again.cell(QStringLiteral("main"), QStringLiteral("v2")).outcome), QStringLiteral("failed"));
        QCOMPARE(again.cell(QStringLiteral("main"), QStringLiteral("v2")).lastBuild.exitCode, 3);
        const CellHistory v3 = again.cell(QStringLiteral("dev"), QStringLiteral("v3"));
        QCOMPARE(toString(v3.outcome), QStringLiteral("published"));
        QCOMPARE(v3.lastPublish.org, QStringLiteral("my-org"));
        QVERIFY(v3.lastPublish.publishedAt.isValid());
        QCOMPARE(toString(again.cell(QStringLiteral("dev"), QStringLiteral("nothing")).outcome), QStringLiteral("none"));

        // Another repository has its own file.
        BuildHistory other(QStringLiteral("/repos/two"), dir);
        QVERIFY(other.entries().isEmpty());
        QVERIFY(other.filePath() != again.filePath());

        QFile f(again.filePath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(root.value(QStringLiteral("runs")).toArray().size(), 6);
        const QJsonObject first = root.value(QStringLiteral("runs")).toArray().first().toObject();
        for (const char *key : { "id", "kind", "variant", "branch", "commit", "backend", "started", "durationMs", "outcome", "exitCode",
                 "logFile", "resultPath", "storePath" })
            QVERIFY2(first.contains(QLatin1String(key)), key);
    }

    void runningOfDeadAppIsInterrupted()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("h2"));
        // A process that has ended: its pid stands for an app that was killed.
        QProcess gone;
        gone.start(QStringLiteral("/bin/true"));
        QVERIFY(gone.waitForFinished());
        const qint64 deadPid = gone.processId() > 0 ? gone.processId() : 999999;

        QProcess alive; // a build process that still runs, started by us
        alive.start(QStringLiteral("/bin/sleep"), { QStringLiteral("60") });
        QVERIFY(alive.waitForStarted());
        {
            BuildHistory h(QStringLiteral("/repos/three"), dir);
            HistoryEntry killed = BuildHistory::entryFromJob(finishedJob(QStringLiteral("a"), QStringLiteral("main"), BuildState::Running));
            killed.pid = deadPid;
            killed.ownerPid = deadPid;
            killed.ownerStart = QStringLiteral("12345");
            QVERIFY(h.upsert(killed));
            BuildJob running = finishedJob(QStringLiteral("b"), QStringLiteral("main"), BuildState::Running);
            running.pid = alive.processId();
            h.recordStart(running); // owner: this test process
        }
        BuildHistory reopened(QStringLiteral("/repos/three"), dir);
        QCOMPARE(toString(reopened.cell(QStringLiteral("main"), QStringLiteral("a")).outcome), QStringLiteral("interrupted"));
        QCOMPARE(toString(reopened.cell(QStringLiteral("main"), QStringLiteral("b")).outcome), QStringLiteral("building"));

        alive.kill();
        alive.waitForFinished();
        QVERIFY(reopened.reload());
        QCOMPARE(toString(reopened.cell(QStringLiteral("main"), QStringLiteral("b")).outcome), QStringLiteral("interrupted"));
        for (const HistoryEntry &e : reopened.entries())
            QVERIFY(e.outcome != BuildState::Running);
    }

    void corruptFileIsReportedNotOverwritten()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("h3"));
        BuildHistory h(QStringLiteral("/repos/four"), dir);
        QDir().mkpath(dir);
        QFile f(h.filePath());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{ not json");
        f.close();
        QVERIFY(!h.reload());
        QVERIFY2(h.lastError().contains(h.filePath()), qPrintable(h.lastError()));
        QVERIFY(!h.upsert(BuildHistory::entryFromJob(finishedJob(QStringLiteral("x"), QStringLiteral("main"), BuildState::Succeeded))));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("{ not json"));
    }

    void realBuildRecordedThroughTheQueue()
    {
        GitFixture repo;
        QVERIFY(repo.write(
            QStringLiteral(".flox/pkgs/recorded.nix"), toyRecipe(QStringLiteral("recorded"), QStringLiteral("echo hi; mkdir $out"))));
        QVERIFY(repo.commitAll(QStringLiteral("recipe")));
        const BuildSettings settings = testSettings(m_tmp);
        {
            BuildHistory history(repo.path(), settings.historyDirectory());
            BuildQueue queue(settings);
            queue.setHistory(&history);
            QSignalSpy idle(&queue, &BuildQueue::idle);
            queue.enqueue(makeJob(repo.path(), QStringLiteral("recorded")));
            QVERIFY(idle.wait(240000));
        }
        BuildHistory restarted(repo.path(), settings.historyDirectory());
        const CellHistory cell = restarted.cell(QStringLiteral("main"), QStringLiteral("recorded"));
        QCOMPARE(toString(cell.outcome), QStringLiteral("built"));
        QVERIFY(cell.lastBuild.storePath.startsWith(QStringLiteral("/nix/store/")));
        QCOMPARE(toString(cell.lastBuild.backend), QStringLiteral("nix"));
        QVERIFY(QFile::exists(cell.lastBuild.logFile));
        QVERIFY(!cell.lastBuild.commit.isEmpty());
    }

    // Two builds at once in one process (maxParallel 2): both recorded with their outcome.
    void overlappingBuildsInOneProcessAreBothRecorded()
    {
        GitFixture repo;
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/first.nix"), toyRecipe(QStringLiteral("first"), QStringLiteral("sleep 1; mkdir $out"))));
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/second.nix"), toyRecipe(QStringLiteral("second"), QStringLiteral("sleep 3; mkdir $out"))));
        QVERIFY(repo.commitAll(QStringLiteral("recipes")));
        BuildSettings settings = testSettings(m_tmp);
        settings.maxParallel = 2;
        bool overlapped = false;
        {
            BuildHistory history(repo.path(), settings.historyDirectory());
            BuildQueue queue(settings);
            queue.setHistory(&history);
            QSignalSpy idle(&queue, &BuildQueue::idle);
            connect(&queue, &BuildQueue::jobFinished, this, [&] { overlapped |= !queue.isIdle() && queue.jobs().size() == 1; });
            queue.enqueue(makeJob(repo.path(), QStringLiteral("first")));
            queue.enqueue(makeJob(repo.path(), QStringLiteral("second")));
            QVERIFY(idle.wait(240000));
        }
        QVERIFY2(overlapped, "the second build was still running when the first ended");
        BuildHistory restarted(repo.path(), settings.historyDirectory());
        QCOMPARE(restarted.entries().size(), 2);
        for (const char *variant : { "first", "second" }) {
            const CellHistory cell = restarted.cell(QStringLiteral("main"), QLatin1String(variant));
            QCOMPARE(toString(cell.lastBuild.outcome), QStringLiteral("succeeded"));
            QCOMPARE(toString(cell.outcome), QStringLiteral("built"));
        }
    }

private:
    QTemporaryDir m_tmp;
};

QTEST_GUILESS_MAIN(TestBuildHistory)
#include "test_build_history.moc"
