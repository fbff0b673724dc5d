#include "support/GitFixture.h"

#include <QtTest>

#include <csignal>

using namespace vs::test;

// The real executable: the window starts and quits cleanly offscreen, and the
// command line answers without a display.
class TestAppSmoke : public QObject {
    Q_OBJECT
private slots:
    void windowStartsAndQuits()
    {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        QByteArray out, err;
        const int code = runProgram(VS_APP_PATH, { "--quit-after-start" }, {}, &out, &err, 60000);
        QVERIFY2(code == 0, err.constData());
    }
    void commandLineWithoutDisplay()
    {
        qunsetenv("QT_QPA_PLATFORM");
        qunsetenv("DISPLAY");
        QByteArray out, err;
        QCOMPARE(runProgram(VS_APP_PATH, { "--version" }, {}, &out, &err), 0);
        QVERIFY(out.startsWith("variant-studio "));
        QCOMPARE(runProgram(VS_APP_PATH, { "help" }, {}, &out, &err), 0);
        QVERIFY(out.contains("generate"));
    }
    // The command line loads no GUI library (start-up time; README, Speed): the
    // window is a program of its own that variant-studio hands over to.
    void commandLineLoadsNoGuiLibrary()
    {
        QByteArray out, err;
        QCOMPARE(runProgram("ldd", { VS_APP_PATH }, {}, &out, &err), 0);
        QVERIFY2(out.contains("libQt6Core"), out.constData());
        for (const char *gui : { "libQt6Gui", "libQt6Widgets", "libKF6SyntaxHighlighting" })
            QVERIFY2(!out.contains(gui), out.constData());
    }
    // A termination signal to the window: it stops its builds' process groups and
    // quits cleanly with 128+signal (not killed mid-write).
    void windowEndsOnTerminationSignal()
    {
        QProcess window;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("QT_QPA_PLATFORM", "offscreen");
        QTemporaryDir home;
        env.insert("XDG_CONFIG_HOME", home.filePath("config"));
        env.insert("XDG_DATA_HOME", home.filePath("data"));
        window.setProcessEnvironment(env);
        window.start(VS_APP_PATH, {});
        QVERIFY(window.waitForStarted());
        // variant-studio has handed over (exec) to the window program; give it time to
        // show the window and install its handlers.
        const auto isWindow = [&] {
            QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(window.processId()));
            return cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains("variant-studio-window");
        };
        QTRY_VERIFY_WITH_TIMEOUT(isWindow(), 20000);
        QTest::qWait(1500);
        ::kill(pid_t(window.processId()), SIGTERM);
        QVERIFY(window.waitForFinished(30000));
        QCOMPARE(window.exitStatus(), QProcess::NormalExit);
        QCOMPARE(window.exitCode(), 128 + SIGTERM);
    }

    // Not a subcommand and the window program missing: a clear message, not a crash.
    void missingWindowProgramIsReported()
    {
        QTemporaryDir dir;
        const QString copy = dir.filePath("variant-studio");
        QVERIFY(QFile::copy(VS_APP_PATH, copy));
        QByteArray out, err;
        QCOMPARE(runProgram(copy, { "--quit-after-start" }, {}, &out, &err), 127);
        QVERIFY2(err.contains("cannot start the window") && err.contains("variant-studio-window"), err.constData());
    }
};

QTEST_GUILESS_MAIN(TestAppSmoke)
#include "test_app_smoke.moc"
