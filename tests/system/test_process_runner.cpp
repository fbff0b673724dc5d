#include "support/GitFixture.h"
#include "system/ProcessRunner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <memory>

using namespace vs;

namespace {

// Gone, or a zombie waiting for its reaper: either way it runs no more.
bool processGone(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')'); // the name in parentheses may hold spaces
    return close < 0 || text.mid(close + 2, 1) == "Z";
}

bool waitUntilGone(qint64 pid, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!processGone(pid)) {
        if (t.elapsed() > ms)
            return false;
        QThread::msleep(20);
    }
    return true;
}

qint64 readPid(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed().toLongLong() : 0;
}

} // namespace

class TestProcessRunner : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString script(const QString &name, const QByteArray &body)
    {
        const QString path = m_dir.filePath(name);
        return test::writeExecutable(path, body) ? path : QString();
    }

    // A program that starts a grandchild (its pid in pidFile) and waits for it.
    QString parentOfSleeper(const QString &name, const QString &pidFile)
    {
        return script(name, "sleep 300 &\necho $! > '" + pidFile.toUtf8() + "'\nwait\n");
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void outputAndExitCode()
    {
        const QString ok = script(QStringLiteral("ok"), "printf 'to stdout\\n'\nprintf 'to stderr' >&2\n");
        ProcessResult r = ProcessRunner(ok).run();
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.error, ProcessError::None);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("to stdout\n"));
        QCOMPARE(r.outText(), QStringLiteral("to stdout"));
        QCOMPARE(r.err, QByteArray("to stderr"));
        QVERIFY(r.message.isEmpty());

        const QString failing = script(QStringLiteral("failing"), "echo \"args: $*\"\necho 'it went wrong' >&2\nexit 7\n");
        r = ProcessRunner(failing, { QStringLiteral("one"), QStringLiteral("two words") }).run();
        QCOMPARE(r.error, ProcessError::ExitedNonZero);
        QVERIFY(r.started());
        QCOMPARE(r.exitCode, 7);
        QCOMPARE(r.out, QByteArray("args: one two words\n"));
        QCOMPARE(r.errorText(), QStringLiteral("it went wrong"));
        QVERIFY2(r.message.contains(failing) && r.message.contains(QLatin1String("status 7")), qPrintable(r.message));
    }

    void argumentsAreNotShellText()
    {
        // One argument with shell syntax in it arrives as it is, and nothing runs it.
        const QString marker = m_dir.filePath(QStringLiteral("marker"));
        const QString echo = script(QStringLiteral("echo-args"), "for a in \"$@\"; do printf '[%s]' \"$a\"; done\n");
        const QString hostile = QStringLiteral("x; touch '%1'").arg(marker);
        const ProcessResult r = ProcessRunner(echo, { hostile, QStringLiteral("$(id)") }).run();
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(QString::fromUtf8(r.out), QStringLiteral("[%1][$(id)]").arg(hostile));
        QVERIFY(!QFileInfo::exists(marker));
    }

    void missingProgramIsNotFound()
    {
        const QString absent = m_dir.filePath(QStringLiteral("no/such/program"));
        ProcessResult r = ProcessRunner(absent).run();
        QCOMPARE(r.error, ProcessError::NotFound);
        QVERIFY(!r.started());
        QVERIFY2(r.message.contains(absent), qPrintable(r.message));

        // A name that is on no PATH folder.
        r = ProcessRunner(QStringLiteral("vs-no-such-program-anywhere")).run();
        QCOMPARE(r.error, ProcessError::NotFound);
        QVERIFY2(r.message.contains(QLatin1String("vs-no-such-program-anywhere")), qPrintable(r.message));
    }

    void nonExecutableFileIsNotFound()
    {
        const QString plain = m_dir.filePath(QStringLiteral("plain"));
        QFile f(plain);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("#!/bin/sh\necho should not run\n");
        f.close();
        QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QVERIFY(!ProcessRunner::isExecutable(plain));
        const ProcessResult r = ProcessRunner(plain).run();
        QCOMPARE(r.error, ProcessError::NotFound);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.message.contains(plain), qPrintable(r.message));

        // A folder is no program either.
        QCOMPARE(ProcessRunner(m_dir.path()).run().error, ProcessError::NotFound);
    }

    void timeoutKillsTheGrandchildToo()
    {
        const QString pidFile = m_dir.filePath(QStringLiteral("timeout.pid"));
        const QString program = parentOfSleeper(QStringLiteral("timeout-parent"), pidFile);
        QElapsedTimer t;
        t.start();
        const ProcessResult r = ProcessRunner(program).setTimeout(500).run();
        QCOMPARE(r.error, ProcessError::TimedOut);
        QVERIFY2(t.elapsed() < 20000, qPrintable(QString::number(t.elapsed())));
        QVERIFY2(r.message.contains(program) && r.message.contains(QLatin1String("did not finish")), qPrintable(r.message));
        const qint64 grandchild = readPid(pidFile);
        QVERIFY(grandchild > 0);
        QVERIFY2(waitUntilGone(grandchild, 5000), qPrintable(QStringLiteral("sleep %1 still runs").arg(grandchild)));
    }

    void cancelEndsTheProgramAndItsChildren()
    {
        const QString pidFile = m_dir.filePath(QStringLiteral("cancel.pid"));
        const QString program = parentOfSleeper(QStringLiteral("cancel-parent"), pidFile);
        std::atomic<bool> cancelled { false };
        // Cancelled from another thread once the grandchild is there, as a UI would.
        auto canceller = QtConcurrent::run([&] {
            QElapsedTimer t;
            t.start();
            while (readPid(pidFile) <= 0 && t.elapsed() < 10000)
                QThread::msleep(20);
            cancelled = true;
        });
        QElapsedTimer t;
        t.start();
        const ProcessResult r = ProcessRunner(program).setTimeout(60000).setCancel(&cancelled).run();
        canceller.waitForFinished();
        QCOMPARE(r.error, ProcessError::Cancelled);
        QVERIFY(t.elapsed() < 20000);
        QVERIFY2(r.message.contains(QLatin1String("cancelled")), qPrintable(r.message));
        const qint64 grandchild = readPid(pidFile);
        QVERIFY(grandchild > 0);
        QVERIFY(waitUntilGone(grandchild, 5000));

        // The polled form.
        const QString sleeper = script(QStringLiteral("sleeper"), "exec sleep 300\n");
        QElapsedTimer since;
        since.start();
        const ProcessResult polled = ProcessRunner(sleeper).setCancel([&] { return since.elapsed() > 200; }).run();
        QCOMPARE(polled.error, ProcessError::Cancelled);
        QVERIFY(since.elapsed() < 20000);
    }

    void environmentAdditionsAndWorkingDirectoryReachTheChild()
    {
        const QString program
            = script(QStringLiteral("env-and-dir"), "printf '%s|%s|%s' \"$VS_RUNNER_ONE\" \"$VS_RUNNER_TWO\" \"$(pwd -P)\"\n");
        QTemporaryDir where;
        const ProcessResult r = ProcessRunner(program)
                                    .addEnvironment(QStringLiteral("VS_RUNNER_ONE"), QStringLiteral("first value"))
                                    .addEnvironment(QStringLiteral("VS_RUNNER_TWO"), QStringLiteral("second"))
                                    .setWorkingDirectory(where.path())
                                    .run();
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(QString::fromUtf8(r.out), QStringLiteral("first value|second|%1").arg(QFileInfo(where.path()).canonicalFilePath()));
        // The rest of this process's environment is still there.
        QVERIFY(!qEnvironmentVariableIsSet("VS_RUNNER_ONE"));
        const ProcessResult path = ProcessRunner(script(QStringLiteral("path"), "printf '%s' \"$PATH\"\n"))
                                       .addEnvironment(QStringLiteral("VS_RUNNER_ONE"), QStringLiteral("x"))
                                       .run();
        QCOMPARE(QString::fromUtf8(path.out), qEnvironmentVariable("PATH"));
    }

    void inputIsDelivered()
    {
        const QString cat = script(QStringLiteral("cat"), "exec cat\n");
        QByteArray input("line one\nbytes \0 with a NUL\n", 29);
        ProcessResult r = ProcessRunner(cat).setInput(input).run();
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.out, input);

        // More than any pipe holds, in and out at once: no deadlock.
        QByteArray big(4 * 1024 * 1024, 'x');
        for (qsizetype i = 0; i < big.size(); i += 4099)
            big[i] = char('a' + i % 26);
        r = ProcessRunner(cat).setInput(big).setTimeout(60000).run();
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.out.size(), big.size());
        QCOMPARE(r.out, big);

        // Without input, stdin is closed: cat ends at once instead of waiting.
        r = ProcessRunner(cat).setTimeout(10000).run();
        QVERIFY2(r.ok(), qPrintable(r.message));
        QVERIFY(r.out.isEmpty());
    }

    void programKilledBySignalCrashed()
    {
        const QString program = script(QStringLiteral("suicide"), "kill -9 $$\n");
        const ProcessResult r = ProcessRunner(program).run();
        QCOMPARE(r.error, ProcessError::Crashed);
        QCOMPARE(r.exitCode, -1);
        QVERIFY2(r.message.contains(program), qPrintable(r.message));
    }

    void runsOnWorkerThreadsAtOnce()
    {
        // Pairs of 2 s sleepers end in well under the 8 s they would take one after another.
        const QString program = script(QStringLiteral("sleep-2"), "sleep 2\necho done\n");
        QElapsedTimer t;
        t.start();
        auto a = QtConcurrent::run([&] { return ProcessRunner(program).run(); });
        auto b = QtConcurrent::run([&] { return ProcessRunner(program).run(); });
        QCOMPARE(a.result().outText(), QStringLiteral("done"));
        QCOMPARE(b.result().outText(), QStringLiteral("done"));

        // start() does not wait; finish() collects each.
        const ProcessRunner runner(program);
        const std::unique_ptr<QProcess> first = runner.start();
        const std::unique_ptr<QProcess> second = runner.start();
        QCOMPARE(runner.finish(*first).outText(), QStringLiteral("done"));
        QCOMPARE(runner.finish(*second).outText(), QStringLiteral("done"));
        QVERIFY2(t.elapsed() < 7000, qPrintable(QString::number(t.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestProcessRunner)
#include "test_process_runner.moc"
