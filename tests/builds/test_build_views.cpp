// The three build widgets and the notifier, offscreen: the log view follows the
// end unless scrolled up, the queue view's buttons act on the queue, the publish
// dialog, shown by its controller, enables Publish only when every check is met.
#include "BuildLogView.h"
#include "BuildNotifier.h"
#include "BuildTestSupport.h"
#include "PublishController.h"
#include "PublishDialog.h"
#include "QueueView.h"
#include "builds/BuildHistory.h"
#include "builds/BuildQueue.h"
#include "itemmodels/BuildQueueModel.h"
#include "itemmodels/LogModel.h"
#include "settings/AppSettings.h"

#include <QApplication>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPushButton>
#include <QScrollBar>
#include <QStandardPaths>

using namespace vs;
using namespace vs::test;

namespace {
LogLines numbered(int from, int count)
{
    LogLines lines;
    for (int i = from; i < from + count; ++i)
        lines.append({ QStringLiteral("line %1").arg(i), {} });
    return lines;
}
} // namespace

class TestBuildViews : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QStandardPaths::setTestModeEnabled(true); // AppSettings (QSettings) away from the user's files
        m_settings = testSettings(m_tmp);
    }

    void logViewFollowsTheEnd()
    {
        LogModel model(nullptr, 1000);
        BuildLogView view;
        view.resize(400, 300);
        view.setLogModel(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QScrollBar *bar = view.listView()->verticalScrollBar();
        model.appendLines(numbered(1, 500));
        QTRY_VERIFY(bar->maximum() > 0 && bar->value() == bar->maximum());
        QVERIFY(view.isFollowingEnd());

        bar->setValue(10); // the user scrolls up
        QVERIFY(!view.isFollowingEnd());
        model.appendLines(numbered(501, 100));
        QTest::qWait(50);
        QCOMPARE(bar->value(), 10);

        bar->setValue(bar->maximum()); // back at the bottom: follow again
        model.appendLines(numbered(601, 100));
        QTRY_VERIFY(bar->value() == bar->maximum());
        QVERIFY(view.isFollowingEnd());
        QCOMPARE(model.rowCount(), 700);

        BuildJob job;
        job.variant = QStringLiteral("torch-cpu");
        job.branch = QStringLiteral("main");
        job.state = BuildState::Failed;
        job.exitCode = 3;
        job.durationMs = 65000;
        view.setJob(job);
        QVERIFY2(view.headerText().contains(QLatin1String("exit code 3")) && view.headerText().contains(QLatin1String("1:05"))
                && view.headerText().contains(QLatin1String("700")),
            qPrintable(view.headerText()));
    }

    void delegatePaintsColouredLines()
    {
        LogModel model;
        AnsiParser parser;
        model.appendLines({ parser.parseLine("\x1b[31mred\x1b[0m and plain") });
        BuildLogView view;
        view.setLogModel(&model);
        view.resize(300, 100);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QImage image = view.listView()->viewport()->grab().toImage();
        bool sawRed = false;
        for (int y = 0; y < qMin(image.height(), 30) && !sawRed; ++y)
            for (int x = 0; x < qMin(image.width(), 60) && !sawRed; ++x) {
                const QColor c = image.pixelColor(x, y);
                sawRed = c.red() > 150 && c.green() < 80 && c.blue() < 80;
            }
        QVERIFY(sawRed);
    }

    void queueViewButtonsActOnTheQueue()
    {
        GitFixture repo;
        for (const char *n : { "slow-one", "a", "b" })
            QVERIFY(repo.write(QStringLiteral(".flox/pkgs/%1.nix").arg(QLatin1String(n)), "{ }: null\n"));
        QVERIFY(repo.commitAll(QStringLiteral("r")));
        BuildQueue queue(m_settings);
        QueueView view(&queue);
        view.show();
        const quint64 slow = queue.enqueue(makeJob(repo.path(), QStringLiteral("slow-one"), BuildBackend::Flox));
        queue.enqueue(makeJob(repo.path(), QStringLiteral("a"), BuildBackend::Flox));
        const quint64 b = queue.enqueue(makeJob(repo.path(), QStringLiteral("b"), BuildBackend::Flox));
        QTRY_VERIFY_WITH_TIMEOUT(queue.job(slow)->state == BuildState::Running, 30000);
        QCOMPARE(view.model()->rowCount(), 3);

        view.selectJob(b);
        QCOMPARE(view.selectedJob(), b);
        QVERIFY(view.upButton()->isEnabled());
        QVERIFY(!view.downButton()->isEnabled());
        view.upButton()->click();
        QCOMPARE(view.model()->idAt(1), b);
        QCOMPARE(view.selectedJob(), b); // the selection stays on the job
        QVERIFY(!view.upButton()->isEnabled()); // the running job is above it
        view.removeButton()->click();
        QCOMPARE(view.model()->rowCount(), 2);
        QVERIFY(!queue.job(b));

        view.selectJob(slow);
        QVERIFY(!view.removeButton()->isEnabled());
        QVERIFY(view.cancelButton()->isEnabled());
        QSignalSpy finished(&queue, &BuildQueue::jobFinished);
        view.cancelButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 20000);
        QCOMPARE(toString(finished.first().first().value<BuildJob>().state), QStringLiteral("cancelled"));
        queue.cancelAll();
    }

    void publishDialogEnablesPublishOnlyWhenReady()
    {
        GitFixture repo;
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/pub.nix"), "{ }: null\n"));
        QVERIFY(repo.commitAll(QStringLiteral("r")));
        QTemporaryDir bare;
        QVERIFY(addPushedRemote(repo, bare));

        BuildQueue queue(m_settings);
        BuildHistory history(repo.path(), m_settings.historyDirectory());
        queue.setHistory(&history);
        {
            PublishController controller(&queue, &history, repo.path(), QString(), QStringLiteral("pub"));
            PublishDialog dialog(QStringLiteral("pub"), QString());
            controller.attach(&dialog);
            QSignalSpy checked(&controller, &PublishController::checksUpdated);
            controller.recheck();
            QVERIFY(!dialog.publishButton()->isEnabled()); // while checking
            QVERIFY(checked.wait(20000));
            dialog.organisationEdit()->setText(QStringLiteral("my-org"));
            QVERIFY(!dialog.publishButton()->isEnabled()); // not built yet
            QVERIFY(dialog.checkList()->count() > 0);
        }
        QSignalSpy idle(&queue, &BuildQueue::idle);
        queue.enqueue(makeJob(repo.path(), QStringLiteral("pub"), BuildBackend::Flox));
        QVERIFY(idle.wait(30000));

        PublishController controller(&queue, &history, repo.path(), QString(), QStringLiteral("pub"));
        PublishDialog dialog(QStringLiteral("pub"), QString());
        controller.attach(&dialog);
        QSignalSpy checked(&controller, &PublishController::checksUpdated);
        controller.recheck();
        QVERIFY(checked.wait(20000));
        dialog.organisationEdit()->setText(QStringLiteral("my-org"));
        QVERIFY2(dialog.publishButton()->isEnabled(), "all checks met");
        for (int i = 0; i < dialog.checkList()->count(); ++i)
            QVERIFY2(dialog.checkList()->item(i)->text().startsWith(QStringLiteral("✓")), qPrintable(dialog.checkList()->item(i)->text()));
        dialog.organisationEdit()->setText(QString());
        QVERIFY(!dialog.publishButton()->isEnabled()); // an organisation is required
        dialog.organisationEdit()->setText(QStringLiteral("my-org"));

        QSignalSpy published(&controller, &PublishController::published);
        dialog.publishButton()->click();
        QVERIFY(!dialog.publishButton()->isEnabled()); // while it runs
        QVERIFY(published.wait(30000));
        QVERIFY(dialog.logView()->logModel()->totalLines() > 0);
        QVERIFY2(dialog.logView()->headerText().contains(QStringLiteral("pub")), qPrintable(dialog.logView()->headerText()));
        QCOMPARE(toString(history.cell(QStringLiteral("main"), QStringLiteral("pub")).outcome), QStringLiteral("published"));
        QCOMPARE(AppSettings().publishOrganisation(), QStringLiteral("my-org"));
    }

    void notifierOnlyWhenInTheBackground()
    {
        QWidget window;
        BuildNotifier notifier(&window);
        BuildJob job;
        job.variant = QStringLiteral("v");
        job.state = BuildState::Failed;
        job.exitCode = 2;
        QVERIFY(notifier.notifyFinished(job)); // the window is not active
        QVERIFY2(notifier.lastMessage().contains(QLatin1String("exit code 2")), qPrintable(notifier.lastMessage()));
        job.state = BuildState::Cancelled;
        QVERIFY(!notifier.notifyFinished(job));
    }

private:
    QTemporaryDir m_tmp;
    BuildSettings m_settings;
};

QTEST_MAIN(TestBuildViews)
#include "test_build_views.moc"
