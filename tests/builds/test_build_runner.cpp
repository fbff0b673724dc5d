// BuildRunner with the real nix-build (offline toy derivations) and the flox stand-in.
#include "BuildTestSupport.h"
#include "itemmodels/LogModel.h"

#include <QFileInfo>
#include <QRegularExpression>

using namespace vs;
using namespace vs::test;

class TestBuildRunner : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(m_tmp.isValid(), "temporary folder");
        m_settings = testSettings(m_tmp);
    }

    void nixSuccessRecordsResult()
    {
        GitFixture repo;
        QVERIFY(
            repo.write(QStringLiteral(".flox/pkgs/hello.nix"), toyRecipe(QStringLiteral("hello"), QStringLiteral("echo hi; mkdir $out"))));
        QVERIFY2(repo.commitAll(QStringLiteral("recipe")), qPrintable(repo.lastError()));
        LogLines lines;
        const BuildJob job = runToEnd(m_settings, makeJob(repo.path(), QStringLiteral("hello")), &lines);
        QCOMPARE(toString(job.state), toString(BuildState::Succeeded));
        QCOMPARE(job.exitCode, 0);
        QCOMPARE(job.resultLink, repo.filePath(QStringLiteral("result-hello")));
        QVERIFY(QFileInfo(job.resultLink).isSymLink());
        QVERIFY2(job.storePath.startsWith(QStringLiteral("/nix/store/")) && job.storePath.endsWith(QStringLiteral("-hello")),
            qPrintable(job.storePath));
        QVERIFY(QFileInfo(job.storePath).isDir());
        QCOMPARE(job.currentStep, QStringLiteral("hello"));
        QVERIFY(job.durationMs > 0);
        QVERIFY(job.lastLines.isEmpty());
        QVERIFY(!job.commit.isEmpty());
        bool sawHi = false;
        for (const LogLine &l : lines)
            sawHi = sawHi || l.text == QLatin1String("hi");
        QVERIFY(sawHi);
        QFile log(job.logFile);
        QVERIFY2(log.open(QIODevice::ReadOnly), qPrintable(job.logFile));
        QVERIFY(log.fileName().startsWith(m_settings.logDirectory()));
        QVERIFY(log.readAll().contains("\nhi\n"));
    }

    void nixFailureKeepsExitCodeAndLastLines()
    {
        GitFixture repo;
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/broken.nix"),
            toyRecipe(QStringLiteral("broken"),
                QStringLiteral("i=0; while [ $i -lt 50 ]; do echo step $i; i=$((i+1)); done; "
                               "echo 'fatal: the end' >&2; exit 3"))));
        QVERIFY(repo.commitAll(QStringLiteral("recipe")));
        const BuildJob job = runToEnd(m_settings, makeJob(repo.path(), QStringLiteral("broken")));
        QCOMPARE(toString(job.state), toString(BuildState::Failed));
        QVERIFY2(job.exitCode != 0, "nix-build exits non-zero");
        QCOMPARE(job.lastLines.size(), BuildRunner::kLastLines);
        QVERIFY2(job.lastLines.join(QLatin1Char('\n')).contains(QLatin1String("fatal: the end")), qPrintable(job.lastLines.join('\n')));
        QVERIFY(!job.lastLines.contains(QStringLiteral("step 0")));
        QVERIFY(job.storePath.isEmpty());
        QVERIFY(!QFileInfo::exists(repo.filePath(QStringLiteral("result-broken"))));
    }

    void cancelLeavesNoProcess()
    {
        GitFixture repo;
        const QString pidFile = m_tmp.filePath(QStringLiteral("builder.pid"));
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/long.nix"),
            toyRecipe(QStringLiteral("long"), QStringLiteral("echo $$ > %1; echo started; sleep 7777; mkdir $out").arg(pidFile))));
        QVERIFY(repo.commitAll(QStringLiteral("recipe")));
        BuildRunner runner(m_settings);
        QSignalSpy started(&runner, &BuildRunner::jobStarted);
        QSignalSpy done(&runner, &BuildRunner::finished);
        bool sawStarted = false;
        connect(&runner, &BuildRunner::linesReady, this, [&](const LogLines &lines) {
            for (const LogLine &l : lines)
                sawStarted = sawStarted || l.text == QLatin1String("started");
        });
        runner.start(makeJob(repo.path(), QStringLiteral("long")));
        QTRY_VERIFY_WITH_TIMEOUT(sawStarted, 120000);
        QCOMPARE(started.size(), 1);
        const qint64 pid = runner.job().pid;
        QVERIFY(processAlive(pid));
        QFile f(pidFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const qint64 builderPid = f.readAll().trimmed().toLongLong();
        QVERIFY(processAlive(builderPid));
        QVERIFY(processWithCommandLineExists(QByteArray("sleep\0"
                                                        "7777\0",
            11)));

        runner.cancel();
        QVERIFY(done.wait(30000));
        QCOMPARE(toString(runner.job().state), toString(BuildState::Cancelled));
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(pid), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(builderPid), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!processWithCommandLineExists(QByteArray("sleep\0"
                                                                          "7777\0",
                                     11)),
            10000);
    }

    void hundredThousandLines()
    {
        GitFixture repo;
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/chatty.nix"),
            toyRecipe(
                QStringLiteral("chatty"), QStringLiteral("i=1; while [ $i -le 100000 ]; do echo line $i; i=$((i+1)); done; mkdir $out"))));
        QVERIFY(repo.commitAll(QStringLiteral("recipe")));
        LogModel model;
        BuildRunner runner(m_settings);
        connect(&runner, &BuildRunner::linesReady, &model, &LogModel::appendLines);
        QSignalSpy done(&runner, &BuildRunner::finished);
        runner.start(makeJob(repo.path(), QStringLiteral("chatty")));
        QVERIFY(done.wait(240000));
        const BuildJob job = runner.job();
        QCOMPARE(toString(job.state), toString(BuildState::Succeeded));
        QVERIFY2(model.totalLines() >= 100000, qPrintable(QString::number(model.totalLines())));
        QCOMPARE(model.rowCount(), LogModel::kDefaultCapacity);
        QCOMPARE(model.totalLines(), model.droppedLines() + model.rowCount());
        bool sawLast = false;
        for (int r = model.rowCount() - 10; r < model.rowCount(); ++r)
            sawLast = sawLast || model.index(r).data().toString() == QLatin1String("line 100000");
        QVERIFY(sawLast);

        QFile log(job.logFile);
        QVERIFY(log.open(QIODevice::ReadOnly));
        qint64 numbered = 0, expected = 1;
        bool inOrder = true;
        while (!log.atEnd()) {
            const QByteArray l = log.readLine().trimmed();
            if (l.startsWith("line ")) {
                inOrder = inOrder && l.mid(5).toLongLong() == expected;
                ++expected;
                ++numbered;
            }
        }
        QCOMPARE(numbered, 100000);
        QVERIFY(inOrder);
    }

    void missingProgramIsNamed()
    {
        GitFixture repo;
        BuildSettings s = m_settings;
        s.nixBuildProgram = QStringLiteral("/nonexistent/nix-build");
        const BuildJob job = runToEnd(s, makeJob(repo.path(), QStringLiteral("x")));
        QCOMPARE(toString(job.state), toString(BuildState::Failed));
        QVERIFY2(job.message.contains(QLatin1String("/nonexistent/nix-build")) && job.message.contains(QLatin1String("install Nix")),
            qPrintable(job.message));
        s.floxProgram = QStringLiteral("flox-not-installed-anywhere");
        const BuildJob flox = runToEnd(s, makeJob(repo.path(), QStringLiteral("x"), BuildBackend::Flox));
        QVERIFY2(flox.message.contains(QLatin1String("flox-not-installed-anywhere")) && flox.message.contains(QLatin1String("Flox")),
            qPrintable(flox.message));
    }

    void floxBackendColoursAndResult()
    {
        GitFixture repo;
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/torch-cpu.nix"), "{ }: null\n"));
        QVERIFY(repo.commitAll(QStringLiteral("recipe")));
        LogLines lines;
        const BuildJob job = runToEnd(m_settings, makeJob(repo.path(), QStringLiteral("torch-cpu"), BuildBackend::Flox), &lines);
        QCOMPARE(toString(job.state), toString(BuildState::Succeeded));
        QVERIFY(QFileInfo(job.storePath).isDir());
        QCOMPARE(job.currentStep, QStringLiteral("torch-cpu"));
        int coloured = 0;
        for (const LogLine &l : lines) {
            QVERIFY2(!l.text.contains(QChar(0x1b)), qPrintable(l.text));
            if (l.text == QLatin1String("compiling 42 objects")) {
                QCOMPARE(l.spans.size(), 2);
                QCOMPARE(l.spans[0].length, 9);
                QCOMPARE(l.spans[1].start, 10);
                ++coloured;
            }
        }
        QCOMPARE(coloured, 1);
        QFile log(job.logFile);
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(!log.readAll().contains('\x1b'));
    }

    void floxBackendFailure()
    {
        GitFixture repo;
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/will-fail.nix"), "{ }: null\n"));
        QVERIFY(repo.commitAll(QStringLiteral("recipe")));
        const BuildJob job = runToEnd(m_settings, makeJob(repo.path(), QStringLiteral("will-fail"), BuildBackend::Flox));
        QCOMPARE(toString(job.state), toString(BuildState::Failed));
        QCOMPARE(job.exitCode, 2);
        QVERIFY(job.lastLines.join(QLatin1Char('\n')).contains(QLatin1String("ERROR: Build of will-fail failed")));
    }

    void otherBranchBuildsInCachedWorktree()
    {
        GitFixture repo;
        QVERIFY(repo.write(QStringLiteral("README"), "main\n"));
        QVERIFY(repo.commitAll(QStringLiteral("main")));
        QVERIFY(repo.git({ QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("pytorch-2.8") }));
        QVERIFY(repo.write(
            QStringLiteral(".flox/pkgs/other.nix"), toyRecipe(QStringLiteral("other"), QStringLiteral("echo other; mkdir $out"))));
        QVERIFY(repo.commitAll(QStringLiteral("branch recipe")));
        QByteArray branchCommit;
        QVERIFY(repo.git({ QStringLiteral("rev-parse"), QStringLiteral("HEAD") }, &branchCommit));
        QVERIFY(repo.git({ QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main") }));
        QByteArray headBefore;
        QVERIFY(repo.git({ QStringLiteral("rev-parse"), QStringLiteral("HEAD") }, &headBefore));

        for (int round = 0; round < 2; ++round) { // created, then reused
            const BuildJob job
                = runToEnd(m_settings, makeJob(repo.path(), QStringLiteral("other"), BuildBackend::Nix, QStringLiteral("pytorch-2.8")));
            QCOMPARE(toString(job.state), toString(BuildState::Succeeded));
            QVERIFY2(job.workDir.startsWith(m_settings.worktreeDirectory()), qPrintable(job.workDir));
            QVERIFY(job.workDir.endsWith(QStringLiteral("/pytorch-2.8")));
            QCOMPARE(job.commit.toUtf8(), branchCommit.trimmed());
            QVERIFY(QFileInfo(job.storePath).isDir());
        }
        QByteArray status, headAfter, branchNow;
        QVERIFY(repo.git({ QStringLiteral("status"), QStringLiteral("--porcelain") }, &status));
        QCOMPARE(status, QByteArray());
        QVERIFY(repo.git({ QStringLiteral("rev-parse"), QStringLiteral("HEAD") }, &headAfter));
        QCOMPARE(headAfter, headBefore);
        QVERIFY(repo.git({ QStringLiteral("symbolic-ref"), QStringLiteral("--short"), QStringLiteral("HEAD") }, &branchNow));
        QCOMPARE(branchNow.trimmed(), QByteArray("main"));
        QVERIFY(!QFileInfo::exists(repo.filePath(QStringLiteral("result-other"))));
        QVERIFY(!QFileInfo::exists(repo.filePath(QStringLiteral(".flox"))));
    }

    void unknownBranchIsReported()
    {
        GitFixture repo;
        QVERIFY(repo.write(QStringLiteral("README"), "x\n"));
        QVERIFY(repo.commitAll(QStringLiteral("x")));
        const BuildJob job
            = runToEnd(m_settings, makeJob(repo.path(), QStringLiteral("x"), BuildBackend::Nix, QStringLiteral("no-such-branch")));
        QCOMPARE(toString(job.state), toString(BuildState::Failed));
        QVERIFY2(job.message.contains(QLatin1String("no-such-branch")), qPrintable(job.message));
    }

private:
    QTemporaryDir m_tmp;
    BuildSettings m_settings;
};

QTEST_GUILESS_MAIN(TestBuildRunner)
#include "test_build_runner.moc"
