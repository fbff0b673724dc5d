// BuildHistory: persisted per repository, reloaded by a new instance ("restart"),
// latest outcome per cell, and runs of a dead app shown as interrupted.
#include "BuildTestSupport.h"
#include "builds/BuildHistory.h"
#include "builds/BuildQueue.h"
#include "settings/AppSettings.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
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
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        // The user's settings of this test live in the temporary folder.
        qputenv("XDG_CONFIG_HOME", m_tmp.filePath(QStringLiteral("config")).toLocal8Bit());
        QCoreApplication::setOrganizationName(QStringLiteral("VariantStudioHistoryTest"));
    }

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

    // Every shape the store cannot read: readers report it and leave it; the next writer
    // moves it aside (same bytes), keeps its valid runs and warns.
    void brokenFileIsMovedAsideByTheNextWriter_data()
    {
        QTest::addColumn<int>("index");
        const QList<BrokenHistory> shapes = brokenHistories(QStringLiteral("/r"));
        for (int i = 0; i < shapes.size(); ++i)
            QTest::newRow(qPrintable(shapes[i].name)) << i;
    }
    void brokenFileIsMovedAsideByTheNextWriter()
    {
        QFETCH(int, index);
        const QString dir = m_tmp.filePath(QStringLiteral("broken-%1").arg(index));
        const QString repo = QStringLiteral("/repos/broken");
        const BrokenHistory broken = brokenHistories(repo).at(index);
        BuildHistory h(repo, dir);
        QVERIFY(writeAll(h.filePath(), broken.bytes));

        QVERIFY(!h.reload());
        QVERIFY2(h.lastError().contains(h.filePath()), qPrintable(h.lastError()));
        QCOMPARE(h.entries().size(), broken.keptIds.size()); // the valid runs only, no blank ones
        QCOMPARE(readAll(h.filePath()), broken.bytes);
        QVERIFY(backupsOf(h.filePath()).isEmpty());
        QVERIFY(!QFile::exists(h.lockFilePath()));

        QSignalSpy warned(&h, &BuildHistory::warning);
        QSignalSpy failed(&h, &BuildHistory::recordFailed);
        QVERIFY2(h.upsert(BuildHistory::entryFromJob(finishedJob(QStringLiteral("new"), QStringLiteral("main"), BuildState::Succeeded))),
            qPrintable(h.lastError()));
        QCOMPARE(failed.size(), 0);
        QCOMPARE(warned.size(), 1);
        const QStringList backups = backupsOf(h.filePath());
        QCOMPARE(backups.size(), 1);
        QCOMPARE(readAll(backups.first()), broken.bytes);
        const QString message = warned.first().first().toString();
        QVERIFY2(message.contains(h.filePath()) && message.contains(backups.first()), qPrintable(message));
        QCOMPARE(h.lastWarning(), message);

        BuildHistory again(repo, dir);
        QVERIFY2(again.reload(), qPrintable(again.lastError()));
        QStringList ids;
        for (const HistoryEntry &e : again.entries())
            ids << e.runId;
        QCOMPARE(ids.size(), broken.keptIds.size() + 1);
        QCOMPARE(ids.mid(0, broken.keptIds.size()), broken.keptIds);
        QCOMPARE(again.entries().last().variant, QStringLiteral("new"));
        if (!broken.keptIds.isEmpty())
            QCOMPARE(toString(again.cell(QStringLiteral("dev"), QStringLiteral("kept-b")).outcome), QStringLiteral("failed"));
    }

    // A file that cannot be opened (here: a folder in its place) is never replaced.
    void unreadableFileFailsTheRecord()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("unreadable"));
        BuildHistory h(QStringLiteral("/repos/unreadable"), dir);
        QVERIFY(QDir().mkpath(h.filePath()));
        QVERIFY(writeAll(h.filePath() + QStringLiteral("/inside"), "x"));
        QVERIFY(!h.reload());
        QSignalSpy failed(&h, &BuildHistory::recordFailed);
        h.recordFinish(finishedJob(QStringLiteral("x"), QStringLiteral("main"), BuildState::Succeeded));
        QCOMPARE(failed.size(), 1);
        QVERIFY2(failed.first().first().toString().contains(h.filePath()), qPrintable(failed.first().first().toString()));
        QCOMPARE(h.lastError(), failed.first().first().toString());
        QVERIFY(QFileInfo(h.filePath()).isDir());
        QCOMPARE(readAll(h.filePath() + QStringLiteral("/inside")), QByteArray("x"));
        QVERIFY(backupsOf(h.filePath()).isEmpty());
    }

    // <data>/history is a regular file: the record fails, visibly.
    void historyFolderIsAFile()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("folder-is-a-file"));
        QVERIFY(writeAll(dir, "in the way\n"));
        BuildHistory h(QStringLiteral("/repos/nowhere"), dir);
        QSignalSpy failed(&h, &BuildHistory::recordFailed);
        QVERIFY(!h.upsert(BuildHistory::entryFromJob(finishedJob(QStringLiteral("x"), QStringLiteral("main"), BuildState::Succeeded))));
        QCOMPARE(failed.size(), 1);
        QVERIFY2(h.lastError().contains(dir), qPrintable(h.lastError()));
        QCOMPARE(readAll(dir), QByteArray("in the way\n"));
    }

    // Another process holds the lock: the writer waits, then fails naming the lock.
    void lockHeldElsewhereFailsAfterTheWait()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("locked"));
        BuildHistory h(QStringLiteral("/repos/locked"), dir);
        QVERIFY(h.upsert(BuildHistory::entryFromJob(finishedJob(QStringLiteral("a"), QStringLiteral("main"), BuildState::Succeeded))));
        const QByteArray before = readAll(h.filePath());

        // The holder: another QLockFile of a live process (this one), as a concurrent writer holds it.
        QLockFile holder(h.lockFilePath());
        QVERIFY(holder.tryLock(0));
        h.setLockTimeout(400);
        QSignalSpy failed(&h, &BuildHistory::recordFailed);
        QElapsedTimer waited;
        waited.start();
        QVERIFY(!h.upsert(BuildHistory::entryFromJob(finishedJob(QStringLiteral("b"), QStringLiteral("main"), BuildState::Succeeded))));
        QVERIFY(waited.elapsed() >= 400);
        QCOMPARE(failed.size(), 1);
        QVERIFY2(h.lastError().contains(h.lockFilePath()), qPrintable(h.lastError()));
        QCOMPARE(readAll(h.filePath()), before);

        holder.unlock();
        QVERIFY2(h.upsert(BuildHistory::entryFromJob(finishedJob(QStringLiteral("c"), QStringLiteral("main"), BuildState::Succeeded))),
            qPrintable(h.lastError()));
        QCOMPARE(h.entries().size(), 2);
    }

    // A lock left behind by a process that died is taken over at once.
    void staleLockOfADeadProcessIsTakenOver()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("stale"));
        BuildHistory h(QStringLiteral("/repos/stale"), dir);
        QVERIFY(QDir().mkpath(dir));
        QByteArray contents;
        {
            QLockFile mine(h.lockFilePath());
            QVERIFY(mine.tryLock(0));
            contents = readAll(h.lockFilePath());
        } // unlocked and removed: now write it back as a crashed holder would have left it
        QProcess gone;
        gone.start(QStringLiteral("/bin/true"));
        QVERIFY(gone.waitForStarted());
        const qint64 deadPid = gone.processId();
        QVERIFY(gone.waitForFinished());
        QVERIFY(deadPid > 0 && !processAlive(deadPid));
        const qsizetype eol = contents.indexOf('\n');
        QVERIFY(eol > 0);
        QVERIFY(writeAll(h.lockFilePath(), QByteArray::number(deadPid) + contents.mid(eol)));
        h.setLockTimeout(3000);
        QVERIFY2(h.upsert(BuildHistory::entryFromJob(finishedJob(QStringLiteral("a"), QStringLiteral("main"), BuildState::Succeeded))),
            qPrintable(h.lastError()));
        QVERIFY(!QFile::exists(h.lockFilePath()));
    }

    // 100,000 runs over 10 cells: one write compacts them to the newest per cell,
    // keeping every publish and running run, and the cells read the same.
    void compactionKeepsNewestPerCellAndEveryPublish()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("compaction"));
        const QString repo = QStringLiteral("/repos/big");
        const int total = 100000, keep = 20;
        const QStringList branches { QStringLiteral("main"), QStringLiteral("dev") };
        const QStringList variants { QStringLiteral("v0"), QStringLiteral("v1"), QStringLiteral("v2"), QStringLiteral("v3"),
            QStringLiteral("v4") };
        const QStringList outcomes { QStringLiteral("succeeded"), QStringLiteral("failed"), QStringLiteral("succeeded"),
            QStringLiteral("cancelled"), QStringLiteral("interrupted") };
        const QString ownerStart = BuildHistory::processStartTime(QCoreApplication::applicationPid());
        QJsonArray runs;
        QHash<QPair<QString, QString>, QStringList> buildIds; // per cell, oldest first
        QSet<QString> publishIds, runningIds;
        for (int i = 0; i < total; ++i) {
            const QString branch = branches[i % 2], variant = variants[(i / 2) % 5];
            const QString id = QStringLiteral("r%1").arg(i);
            QJsonObject run;
            if (i % 97 == 0) {
                run = historyRun(id, variant, branch, QStringLiteral("succeeded"), QStringLiteral("publish"));
                run.insert(QStringLiteral("published"),
                    QJsonObject { { QStringLiteral("org"), QStringLiteral("o") },
                        { QStringLiteral("time"), QStringLiteral("2026-11-20T10:00:00.000") } });
                publishIds.insert(id);
            } else if (i == 5 || i == 50001) { // still running, owned by this process
                run = historyRun(id, variant, branch, QStringLiteral("running"));
                run.insert(QStringLiteral("pid"), 0);
                run.insert(QStringLiteral("ownerPid"), double(QCoreApplication::applicationPid()));
                run.insert(QStringLiteral("ownerStart"), ownerStart);
                runningIds.insert(id);
            } else {
                run = historyRun(id, variant, branch, outcomes[(i / 10) % outcomes.size()]);
                buildIds[{ branch, variant }].append(id);
            }
            runs.append(run);
        }
        BuildHistory h(repo, dir);
        QVERIFY(writeAll(h.filePath(), historyFile(repo, runs)));
        QVERIFY(h.reload());
        QCOMPARE(h.entries().size(), total);
        const auto cellsBefore = h.cells();
        QCOMPARE(cellsBefore.size(), 10);

        h.setKeepPerCell(keep);
        BuildJob latest = finishedJob(QStringLiteral("v0"), QStringLiteral("main"), BuildState::Succeeded);
        latest.runId = QStringLiteral("latest");
        QVERIFY2(h.upsert(BuildHistory::entryFromJob(latest)), qPrintable(h.lastError()));
        buildIds[{ QStringLiteral("main"), QStringLiteral("v0") }].append(QStringLiteral("latest"));

        BuildHistory after(repo, dir);
        QVERIFY(after.reload());
        QSet<QString> ids;
        for (const HistoryEntry &e : after.entries())
            ids.insert(e.runId);
        QCOMPARE(ids.size(), after.entries().size());
        QVERIFY2(after.entries().size() <= keep * 10 + 10 + publishIds.size() + runningIds.size(),
            qPrintable(QString::number(after.entries().size())));
        QVERIFY(after.entries().size() < total / 50); // 1,031 publishes + at most 21 per cell
        QVERIFY(ids.contains(publishIds));
        QVERIFY(ids.contains(runningIds));
        for (auto it = buildIds.cbegin(); it != buildIds.cend(); ++it) {
            const QStringList newest = it.value().mid(it.value().size() - keep);
            for (const QString &id : newest)
                QVERIFY2(ids.contains(id), qPrintable(id));
            QVERIFY(!ids.contains(it.value().first())); // the oldest went
        }
        QCOMPARE(after.entries().last().runId, QStringLiteral("latest"));
        // The cells read as before, but for the cell that got the new run.
        const auto cellsAfter = after.cells();
        for (auto it = cellsBefore.cbegin(); it != cellsBefore.cend(); ++it) {
            if (it.key() == qMakePair(QStringLiteral("main"), QStringLiteral("v0")))
                continue;
            QCOMPARE(toString(cellsAfter.value(it.key()).outcome), toString(it.value().outcome));
            QCOMPARE(cellsAfter.value(it.key()).lastBuild.runId, it.value().lastBuild.runId);
            QCOMPARE(cellsAfter.value(it.key()).lastPublish.runId, it.value().lastPublish.runId);
        }
        QCOMPARE(cellsAfter.value({ QStringLiteral("main"), QStringLiteral("v0") }).lastBuild.runId, QStringLiteral("latest"));

        // Keep 0: nothing is dropped.
        h.setKeepPerCell(0);
        const qsizetype kept = after.entries().size();
        QVERIFY(h.upsert(BuildHistory::entryFromJob(finishedJob(QStringLiteral("v1"), QStringLiteral("main"), BuildState::Succeeded))));
        QCOMPARE(h.entries().size(), kept + 1);
    }

    // The number kept per cell comes from the user's settings.
    void keepPerCellFollowsTheSettings()
    {
        QCOMPARE(BuildSettings().historyKeepPerCell, BuildHistory::kDefaultKeepPerCell);
        AppSettings app;
        app.setHistoryKeepPerCell(3);
        BuildSettings settings = BuildSettings::load();
        QCOMPARE(settings.historyKeepPerCell, 3);
        settings.dataDirectory = m_tmp.filePath(QStringLiteral("keep-setting"));
        BuildHistory h(QStringLiteral("/repos/setting"), settings.historyDirectory());
        BuildQueue queue(settings);
        queue.setHistory(&h);
        QCOMPARE(h.keepPerCell(), 3);
        for (int i = 0; i < 6; ++i)
            QVERIFY(h.upsert(BuildHistory::entryFromJob(finishedJob(QStringLiteral("v"), QStringLiteral("main"), BuildState::Succeeded))));
        QCOMPARE(h.entries().size(), 3);
        app.setHistoryKeepPerCell(BuildHistory::kDefaultKeepPerCell);
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
        QVERIFY(
            repo.write(QStringLiteral(".flox/pkgs/first.nix"), toyRecipe(QStringLiteral("first"), QStringLiteral("sleep 1; mkdir $out"))));
        QVERIFY(repo.write(
            QStringLiteral(".flox/pkgs/second.nix"), toyRecipe(QStringLiteral("second"), QStringLiteral("sleep 3; mkdir $out"))));
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
