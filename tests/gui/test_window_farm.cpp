#include "BuildController.h"
#include "FarmController.h"
#include "FarmDock.h"
#include "MainWindow.h"
#include "builds/BuildQueue.h"
#include "settings/AppSettings.h"
#include "support/LoopbackFarm.h"

#include <QDockWidget>
#include <QtTest>

using namespace vs;

// The Build Farm dock against real loopback builders: lines checked as typed, saved,
// handed to the queue, and Check reports each builder off the UI thread.
class TestWindowFarm : public QObject {
    Q_OBJECT
    test::LoopbackFarm m_farm;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("VariantStudioFarmTest"));
        AppSettings().setFarmBuilders(QString());
        AppSettings().setFarmOnly(false);
        AppSettings().setFarmRetries(0);
        const QString why = test::LoopbackFarm::unavailableReason();
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QVERIFY2(m_farm.addBuilder(QStringLiteral("builder1")), qPrintable(m_farm.error()));
        m_farm.addDownBuilder(QStringLiteral("builder9"));
        qputenv("NIX_SSHOPTS", m_farm.sshOptions().toUtf8());
    }
    void cleanupTestCase() { m_farm.stop(); }

    void badLinesAreNamedAndNotUsed()
    {
        MainWindow w;
        FarmDock *dock = w.farm()->view();
        QVERIFY(!w.farm()->dock()->isVisible());
        w.findChild<QAction *>(QStringLiteral("buildFarmAction"))->trigger(); // Build › Build Farm…
        QVERIFY(w.farm()->dock()->isVisibleTo(&w));
        dock->setBuildersText(QStringLiteral("ssh-ng://builder1 x86_64-linux - lots"));
        QVERIFY2(dock->problems().contains(QStringLiteral("line 1, field 4 (max jobs)")), qPrintable(dock->problems()));
        QVERIFY(!w.builds()->queue()->settings().usesFarm());
        dock->setBuildersText(test::LoopbackFarm::machineLine(QStringLiteral("builder1"), 3));
        QVERIFY(dock->problems().isEmpty());
        QCOMPARE(w.builds()->queue()->settings().builders.size(), 1);
        QCOMPARE(w.builds()->queue()->settings().slotsFor({}, { QStringLiteral("big-parallel") }), 3 + 1);
        dock->setFarmOnly(true);
        QCOMPARE(w.builds()->queue()->settings().slotsFor({}, { QStringLiteral("big-parallel") }), 3);
        QCOMPARE(AppSettings().farmBuilders(), test::LoopbackFarm::machineLine(QStringLiteral("builder1"), 3));
        QVERIFY(AppSettings().farmOnly());
    }

    void checkShowsEachBuilder()
    {
        MainWindow w;
        FarmDock *dock = w.farm()->view();
        dock->setBuildersText(test::LoopbackFarm::machineLine(QStringLiteral("builder1")) + QLatin1Char('\n')
            + test::LoopbackFarm::machineLine(QStringLiteral("builder9")));
        QCOMPARE(dock->rowCount(), 2);
        QCOMPARE(dock->cell(0, FarmDock::StatusColumn), QStringLiteral("not checked"));
        QSignalSpy done(w.farm(), &FarmController::checkFinished);
        QTest::mouseClick(dock->findChild<QWidget *>(QStringLiteral("farmCheck")), Qt::LeftButton);
        QVERIFY(done.wait(60000)); // the window kept running meanwhile
        QVERIFY2(dock->cell(0, FarmDock::StatusColumn).startsWith(QStringLiteral("reachable, Nix ")), qPrintable(dock->cell(0, 3)));
        QVERIFY(dock->cell(0, FarmDock::StatusColumn).endsWith(QStringLiteral(", trusted")));
        QVERIFY2(dock->cell(1, FarmDock::StatusColumn).startsWith(QStringLiteral("unreachable: ")), qPrintable(dock->cell(1, 3)));
        QVERIFY(dock->cell(1, FarmDock::StatusColumn).contains(QStringLiteral("Connection refused")));
        QCOMPARE(dock->cell(1, FarmDock::BuilderColumn), QStringLiteral("ssh-ng://builder9"));
    }
};

QTEST_MAIN(TestWindowFarm)
#include "test_window_farm.moc"
