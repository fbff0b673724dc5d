// Recipe › Edit Recipes… in the real window: the preview shows the diff of every
// chosen branch, Apply commits one commit per branch and the grid rescans; a
// change bringing a lint error cannot be applied. Real git.
#include "EditController.h"
#include "EditRecipesDialog.h"
#include "MainWindow.h"
#include "RepositoryController.h"
#include "catalog/Catalog.h"
#include "repository/RealisticRecipe.h"
#include "support/GitFixture.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QtTest>

using namespace vs;

class TestWindowEdit : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("VariantStudioTest"));
    }

    void previewThenApply()
    {
        test::GitFixture repo;
        const QString file = QStringLiteral(".flox/pkgs/pytorch-python313-cpu-avx2.nix");
        QVERIFY(repo.write(file, test::realisticRecipe(Catalog::embedded(), QStringLiteral("pytorch-python313-cpu-avx2")).toUtf8()));
        QVERIFY(repo.commitAll(QStringLiteral("recipe")));
        QVERIFY(repo.git({ QStringLiteral("branch"), QStringLiteral("pytorch-2.9-python313") }));

        MainWindow w;
        w.show();
        QSignalSpy scanned(w.repository(), &RepositoryController::scanFinished);
        w.openRepository(repo.path());
        QVERIFY(scanned.wait(60000));
        w.edits()->action()->trigger();
        EditRecipesDialog *dialog = w.edits()->dialog();
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(dialog->checkedBranches(), (QStringList { QStringLiteral("main"), QStringLiteral("pytorch-2.9-python313") }));
        auto *preview = dialog->findChild<QPushButton *>(QStringLiteral("editPreviewButton"));
        auto *apply = dialog->findChild<QPushButton *>(QStringLiteral("editApplyButton"));
        auto *diff = dialog->findChild<QPlainTextEdit *>(QStringLiteral("editDiff"));
        auto *summary = dialog->findChild<QLabel *>(QStringLiteral("editSummary"));

        // A change that brings a lint error: shown, Apply stays off.
        dialog->setOperation(QStringLiteral("replace"), { QStringLiteral("\"-mavx2\""), QStringLiteral("\"-mavx512f\"") });
        preview->click();
        QTRY_VERIFY_WITH_TIMEOUT(summary->text().contains(QStringLiteral("new lint error")), 30000);
        QVERIFY(!apply->isEnabled());

        const QString rev = QStringLiteral("0182a361324364ae3f436a63005877674cf45efb");
        dialog->setOperation(QStringLiteral("set-pin"), { rev });
        QVERIFY(!apply->isEnabled()); // a changed request needs a new preview
        preview->click();
        QTRY_VERIFY_WITH_TIMEOUT(apply->isEnabled(), 30000);
        QVERIFY2(summary->text().startsWith(QStringLiteral("2 file(s) would change on 2 branch(es)")), qPrintable(summary->text()));
        QVERIFY(diff->toPlainText().contains(QStringLiteral("+++ b/") + file));
        QVERIFY(diff->toPlainText().contains(rev));

        scanned.clear();
        apply->click();
        QVERIFY(scanned.wait(60000)); // the grid rescans after the commits
        QVERIFY2(summary->text().startsWith(QStringLiteral("Committed")), qPrintable(summary->text()));
        for (const QString &branch : { QStringLiteral("main"), QStringLiteral("pytorch-2.9-python313") }) {
            QByteArray content, subject;
            QVERIFY(repo.git({ QStringLiteral("show"), branch + QLatin1Char(':') + file }, &content));
            QVERIFY(content.contains(rev.toUtf8()));
            QVERIFY(repo.git({ QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%s"), branch }, &subject));
            QVERIFY(subject.startsWith("variant-studio edit: set-pin"));
        }
        QByteArray status;
        QVERIFY(repo.git({ QStringLiteral("status"), QStringLiteral("--porcelain") }, &status));
        QVERIFY2(status.isEmpty(), status.constData());
        QTRY_VERIFY(w.bannerText().contains(QStringLiteral("Committed")));
    }
};

QTEST_MAIN(TestWindowEdit)
#include "test_window_edit.moc"
