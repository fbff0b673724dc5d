#include "support/GitFixture.h"

#include <QtTest>

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
        const int code = runProgram(VS_APP_PATH, {"--quit-after-start"}, {}, &out, &err, 60000);
        QVERIFY2(code == 0, err.constData());
    }
    void commandLineWithoutDisplay()
    {
        qunsetenv("QT_QPA_PLATFORM");
        qunsetenv("DISPLAY");
        QByteArray out, err;
        QCOMPARE(runProgram(VS_APP_PATH, {"--version"}, {}, &out, &err), 0);
        QVERIFY(out.startsWith("variant-studio "));
        QCOMPARE(runProgram(VS_APP_PATH, {"help"}, {}, &out, &err), 0);
        QVERIFY(out.contains("generate"));
    }
};

QTEST_GUILESS_MAIN(TestAppSmoke)
#include "test_app_smoke.moc"
