// Recipe › README Blocks… in the real window: stale blocks are refreshed, a README
// without the block gets one where the cursor is, and Write makes one commit per
// branch with every byte outside the markers kept. Real git.
#include "MainWindow.h"
#include "ReadmeBlocksDialog.h"
#include "ReadmeController.h"
#include "RepositoryController.h"
#include "support/GitFixture.h"

#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QtTest>

using namespace vs;

class TestWindowReadme : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("VariantStudioTest"));
    }

    void refreshAndInsertAtCursor()
    {
        test::GitFixture repo;
        const QByteArray mainReadme
            = "# Builds\n\n<!-- variant-studio:begin matrix -->\nold\n<!-- variant-studio:end matrix -->\n\nTail.\n";
        const QByteArray plainReadme = "# Plain\r\n\nFirst paragraph.\n\nSecond paragraph.\n";
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/pytorch-python313-cpu-avx2.nix"), "{ }\n"));
        QVERIFY(repo.write(QStringLiteral("README.md"), mainReadme));
        QVERIFY(repo.commitAll(QStringLiteral("main")));
        QVERIFY(repo.git({ QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("plain") }));
        QVERIFY(repo.write(QStringLiteral("README.md"), plainReadme));
        QVERIFY(repo.commitAll(QStringLiteral("plain")));
        QVERIFY(repo.git({ QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main") }));

        MainWindow w;
        w.show();
        QSignalSpy scanned(w.repository(), &RepositoryController::scanFinished);
        w.openRepository(repo.path());
        QVERIFY(scanned.wait(60000));
        QSignalSpy checked(w.readmes(), &ReadmeController::checked);
        w.readmes()->action()->trigger();
        QVERIFY(checked.wait(30000));
        ReadmeBlocksDialog *dialog = w.readmes()->dialog();
        auto *branches = dialog->findChild<QListWidget *>(QStringLiteral("readmeBranches"));
        auto *text = dialog->findChild<QPlainTextEdit *>(QStringLiteral("readmeText"));
        auto *insert = dialog->findChild<QPushButton *>(QStringLiteral("readmeInsertButton"));
        auto *write = dialog->findChild<QPushButton *>(QStringLiteral("readmeWriteButton"));
        QCOMPARE(branches->count(), 2);
        QVERIFY2(branches->item(0)->text().contains(QStringLiteral("stale")), qPrintable(branches->item(0)->text()));
        QVERIFY(branches->item(1)->text().contains(QStringLiteral("no block")));
        QVERIFY(write->isEnabled()); // the stale block
        QVERIFY(!insert->isEnabled()); // main has its block

        branches->setCurrentRow(1);
        QVERIFY(insert->isEnabled());
        QVERIFY(text->toPlainText().contains(QStringLiteral("Second paragraph.")));
        // The cursor inside "Second paragraph.": the block goes before that line.
        dialog->setCursorPosition(int(text->toPlainText().indexOf(QStringLiteral("Second paragraph."))) + 3);
        if (const QString shot = qEnvironmentVariable("VS_README_DIALOG_SHOT"); !shot.isEmpty())
            QVERIFY(dialog->grab().save(shot));
        insert->click();
        QVERIFY(!insert->isEnabled());
        QVERIFY(text->toPlainText().contains(QStringLiteral("First paragraph.\n\n<!-- variant-studio:begin matrix -->")));
        QVERIFY(branches->item(1)->text().contains(QStringLiteral("block inserted")));

        scanned.clear();
        write->click();
        QVERIFY(scanned.wait(60000));
        QTRY_VERIFY(w.bannerText().contains(QStringLiteral("README blocks committed")));
        QByteArray mainNow, plainNow;
        QVERIFY(repo.git({ QStringLiteral("show"), QStringLiteral("main:README.md") }, &mainNow));
        QVERIFY(repo.git({ QStringLiteral("show"), QStringLiteral("plain:README.md") }, &plainNow));
        QVERIFY(mainNow.startsWith("# Builds\n\n<!-- variant-studio:begin matrix -->\n")
            && mainNow.endsWith("<!-- variant-studio:end matrix -->\n\nTail.\n"));
        QVERIFY(!mainNow.contains("\nold\n") && mainNow.contains("| `plain` |"));
        QVERIFY2(plainNow.startsWith("# Plain\r\n\nFirst paragraph.\n\n<!-- variant-studio:begin matrix -->\n"), plainNow.constData());
        QVERIFY(plainNow.endsWith("<!-- variant-studio:end matrix -->\nSecond paragraph.\n"));
        QVERIFY(plainNow.contains("### Build matrix: plain"));
        QByteArray status;
        QVERIFY(repo.git({ QStringLiteral("status"), QStringLiteral("--porcelain") }, &status));
        QVERIFY2(status.isEmpty(), status.constData());
        // Read again from the new commits: both up to date, nothing to write.
        QTRY_VERIFY_WITH_TIMEOUT(branches->count() == 2 && branches->item(1)->text().contains(QStringLiteral("up to date")), 30000);
        QVERIFY(branches->item(0)->text().contains(QStringLiteral("up to date")));
        QVERIFY(!write->isEnabled());
    }
};

QTEST_MAIN(TestWindowReadme)
#include "test_window_readme.moc"
