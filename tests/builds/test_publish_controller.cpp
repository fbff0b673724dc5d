// PublishController without its dialog: the organisation from the settings, the
// checks off the UI thread, and the publish job queued and followed (its lines
// only) with the flox stand-in.
#include "BuildTestSupport.h"
#include "PublishController.h"
#include "builds/BuildHistory.h"
#include "builds/BuildQueue.h"
#include "itemmodels/LogModel.h"
#include "settings/AppSettings.h"

#include <QStandardPaths>

using namespace vs;
using namespace vs::test;

namespace {
QStringList logText(const LogModel &log)
{
    QStringList lines;
    for (int row = 0; row < log.rowCount(); ++row)
        lines << log.data(log.index(row)).toString();
    return lines;
}

QStringList ids(const QList<PublishCheck> &checks)
{
    QStringList result;
    for (const PublishCheck &c : checks)
        result << c.id;
    result.sort();
    return result;
}
} // namespace

class TestPublishController : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QStandardPaths::setTestModeEnabled(true); // AppSettings (QSettings) away from the user's files
        m_settings = testSettings(m_tmp);
    }

    void organisationStartsFromTheSettings()
    {
        AppSettings().setPublishOrganisation(QStringLiteral("saved-org"));
        BuildQueue queue(m_settings);
        PublishController controller(&queue, nullptr, m_tmp.path(), QString(), QStringLiteral("v"));
        QCOMPARE(controller.organisation(), QStringLiteral("saved-org"));
        QVERIFY(controller.isOrganisationValid());

        QSignalSpy changed(&controller, &PublishController::stateChanged);
        controller.setOrganisation(QStringLiteral("  spaced-org  "));
        QCOMPARE(controller.organisation(), QStringLiteral("spaced-org"));
        QCOMPARE(changed.count(), 1);
        controller.setOrganisation(QStringLiteral("not valid"));
        QVERIFY(!controller.isOrganisationValid());
        QVERIFY(!controller.canPublish());
        QCOMPARE(controller.publish(), quint64(0));
        QVERIFY(queue.isIdle());
        // Only a publish remembers the organisation.
        QCOMPARE(AppSettings().publishOrganisation(), QStringLiteral("saved-org"));
    }

    void checksRunOffTheUiThread()
    {
        GitFixture repo;
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/v.nix"), "{ }: null\n"));
        QVERIFY(repo.commitAll(QStringLiteral("r")));
        BuildQueue queue(m_settings);
        BuildHistory history(repo.path(), m_settings.historyDirectory());
        PublishController controller(&queue, &history, repo.path(), QString(), QStringLiteral("v"));
        controller.setOrganisation(QStringLiteral("org"));
        QSignalSpy updated(&controller, &PublishController::checksUpdated);

        controller.recheck();
        // recheck() returned before git ran: the result comes later.
        QVERIFY(controller.isChecking());
        QVERIFY(controller.checks().isEmpty());
        QVERIFY(!controller.canRecheck());
        QVERIFY(!controller.canPublish());
        controller.recheck(); // ignored while checking
        QVERIFY(updated.wait(20000));
        QTest::qWait(200);
        QCOMPARE(updated.count(), 1);
        QVERIFY(!controller.isChecking());
        QCOMPARE(ids(controller.checks()),
            QStringList({ QStringLiteral("built"), QStringLiteral("clean"), QStringLiteral("pushed"), QStringLiteral("remote"),
                QStringLiteral("tracked") }));
        QVERIFY(!PublishChecks::allMet(controller.checks())); // no remote, not built
        QVERIFY(!controller.canPublish());
        QCOMPARE(controller.publish(), quint64(0));
        QVERIFY(queue.isIdle());
    }

    void publishQueuesAndFollowsItsOwnJob()
    {
        GitFixture repo;
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/pub.nix"), "{ }: null\n"));
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/other.nix"), "{ }: null\n"));
        QVERIFY(repo.commitAll(QStringLiteral("r")));
        QTemporaryDir bare;
        QVERIFY(addPushedRemote(repo, bare));
        BuildQueue queue(m_settings);
        BuildHistory history(repo.path(), m_settings.historyDirectory());
        queue.setHistory(&history);
        QSignalSpy idle(&queue, &BuildQueue::idle);
        queue.enqueue(makeJob(repo.path(), QStringLiteral("pub"), BuildBackend::Flox));
        QVERIFY(idle.wait(30000));

        PublishController controller(&queue, &history, repo.path(), QString(), QStringLiteral("pub"));
        controller.setOrganisation(QStringLiteral("the-org"));
        QSignalSpy updated(&controller, &PublishController::checksUpdated);
        controller.recheck();
        QVERIFY(updated.wait(20000));
        QVERIFY2(controller.canPublish(), "built, pushed, clean, organisation valid");

        // Another build queued first talks into the queue too; the publish log must not show it.
        queue.enqueue(makeJob(repo.path(), QStringLiteral("other"), BuildBackend::Flox));
        QSignalSpy finished(&controller, &PublishController::publishFinished);
        QSignalSpy published(&controller, &PublishController::published);
        const quint64 id = controller.publish();
        QVERIFY(id != 0);
        QVERIFY(controller.isPublishing());
        QVERIFY(!controller.canPublish());
        QVERIFY(!controller.canRecheck());
        QCOMPARE(controller.publish(), quint64(0)); // one at a time
        QVERIFY(queue.job(id)->kind == BuildKind::Publish);
        QCOMPARE(queue.job(id)->org, QStringLiteral("the-org"));

        QVERIFY(finished.wait(60000));
        QCOMPARE(published.count(), 1);
        const BuildJob job = published.first().first().value<BuildJob>();
        QCOMPARE(job.id, id);
        QCOMPARE(toString(job.state), toString(BuildState::Succeeded));
        QVERIFY(!controller.isPublishing());
        const QStringList lines = logText(*controller.log());
        QVERIFY2(
            lines.join(QLatin1Char('\n')).contains(QStringLiteral("published to 'the-org'")), qPrintable(lines.join(QLatin1Char('\n'))));
        for (const QString &line : lines)
            QVERIFY2(!line.contains(QStringLiteral("other")), qPrintable(line));
        QCOMPARE(AppSettings().publishOrganisation(), QStringLiteral("the-org"));
        QCOMPARE(toString(history.cell(QStringLiteral("main"), QStringLiteral("pub")).outcome), QStringLiteral("published"));
        // Publishing changes what is met: the checks run again by themselves.
        QVERIFY(controller.isChecking() || updated.count() > 1);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isChecking(), 20000);
        QVERIFY(controller.canPublish());
        queue.cancelAll();
    }

private:
    QTemporaryDir m_tmp;
    BuildSettings m_settings;
};

QTEST_GUILESS_MAIN(TestPublishController)
#include "test_publish_controller.moc"
