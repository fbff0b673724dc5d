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

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QStandardPaths>
#include <QtTest>

using namespace vs;

namespace {
const QString kFile = QStringLiteral(".flox/pkgs/pytorch-python313-cpu-avx2.nix");

// One committed realistic recipe on main; returns its text (empty when git failed).
QByteArray makeRepository(test::GitFixture &repo)
{
    const QByteArray text = test::realisticRecipe(Catalog::embedded(), QStringLiteral("pytorch-python313-cpu-avx2")).toUtf8();
    return repo.write(kFile, text) && repo.commitAll(QStringLiteral("recipe")) ? text : QByteArray();
}

// Opens the repository in the window, waits for its scan, opens Edit Recipes.
EditRecipesDialog *openDialog(MainWindow &w, const QString &path)
{
    w.show();
    QSignalSpy scanned(w.repository(), &RepositoryController::scanFinished);
    w.openRepository(path);
    if (!scanned.wait(60000))
        return nullptr;
    w.edits()->action()->trigger();
    return w.edits()->dialog();
}
} // namespace

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
        const QString &file = kFile;
        QVERIFY(!makeRepository(repo).isEmpty());
        QVERIFY(repo.git({ QStringLiteral("branch"), QStringLiteral("pytorch-2.9-python313") }));

        MainWindow w;
        EditRecipesDialog *dialog = openDialog(w, repo.path());
        QVERIFY(dialog && dialog->isVisible());
        QSignalSpy scanned(w.repository(), &RepositoryController::scanFinished);
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

    // Insisting on new errors is a second, explicit step; Undo Last Edit reverts
    // the commits on every branch; many branches stay a compact list.
    void insistThenUndo()
    {
        test::GitFixture repo;
        const QString &file = kFile;
        const QByteArray original = makeRepository(repo);
        QVERIFY(!original.isEmpty());
        for (int i = 0; i < 24; ++i)
            QVERIFY(repo.git({ QStringLiteral("branch"), QStringLiteral("pytorch-2.%1-python313").arg(i) }));
        QByteArray before;
        QVERIFY(repo.git({ QStringLiteral("rev-parse"), QStringLiteral("main") }, &before));

        MainWindow w;
        w.resize(1280, 800);
        EditRecipesDialog *dialog = openDialog(w, repo.path());
        QVERIFY(dialog);
        QSignalSpy scanned(w.repository(), &RepositoryController::scanFinished);
        auto *branches = dialog->findChild<QListWidget *>(QStringLiteral("editBranches"));
        QCOMPARE(branches->count(), 25);
        QTRY_VERIFY(branches->isVisible());
        QVERIFY2(branches->height() < dialog->height() / 4,
            qPrintable(QStringLiteral("%1 of %2").arg(branches->height()).arg(dialog->height())));
        QVERIFY(branches->verticalScrollBar()->maximum() > 0); // the rest scrolls
        QVERIFY(dialog->findChild<QComboBox *>()->findData(QStringLiteral("regenerate")) >= 0);

        auto *preview = dialog->findChild<QPushButton *>(QStringLiteral("editPreviewButton"));
        auto *apply = dialog->findChild<QPushButton *>(QStringLiteral("editApplyButton"));
        auto *insist = dialog->findChild<QCheckBox *>(QStringLiteral("editAllowNewErrors"));
        auto *summary = dialog->findChild<QLabel *>(QStringLiteral("editSummary"));
        dialog->findChild<QPushButton *>(QStringLiteral("editUndoButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(summary->text().contains(QStringLiteral("no edit to undo")), 30000);

        // Only main: a change bringing a lint error, applied because the user insists.
        for (int i = 1; i < branches->count(); ++i)
            branches->item(i)->setCheckState(Qt::Unchecked);
        dialog->setOperation(QStringLiteral("replace"), { QStringLiteral("\"-mavx2\""), QStringLiteral("\"-mavx512f\"") });
        preview->click();
        QTRY_VERIFY_WITH_TIMEOUT(summary->text().contains(QStringLiteral("new lint error")), 30000);
        QVERIFY(insist->isVisible());
        QVERIFY(!apply->isEnabled());
        if (const QString shot = qEnvironmentVariable("VS_EDIT_DIALOG_SHOT"); !shot.isEmpty())
            QVERIFY(dialog->grab().save(shot));
        insist->setChecked(true);
        QVERIFY(apply->isEnabled());
        scanned.clear();
        apply->click();
        QVERIFY(scanned.wait(60000));
        QByteArray edited;
        QVERIFY(repo.git({ QStringLiteral("rev-parse"), QStringLiteral("main") }, &edited));
        QVERIFY(edited != before);
        QVERIFY(!insist->isChecked()); // insisting held for that preview only

        scanned.clear();
        w.edits()->undoAction()->trigger();
        QVERIFY(scanned.wait(60000));
        QTRY_VERIFY(summary->text().startsWith(QStringLiteral("Undid")));
        QByteArray content, parent;
        QVERIFY(repo.git({ QStringLiteral("show"), QStringLiteral("main:") + file }, &content));
        QCOMPARE(content, original);
        QVERIFY(repo.git({ QStringLiteral("rev-parse"), QStringLiteral("main^") }, &parent));
        QCOMPARE(parent, edited);
    }

    void deepCheckFromTheDialog()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("nix-instantiate")).isEmpty())
            QSKIP("nix-instantiate is not on PATH");
        test::GitFixture repo;
        QVERIFY(!makeRepository(repo).isEmpty());
        MainWindow w;
        EditRecipesDialog *dialog = openDialog(w, repo.path());
        QVERIFY(dialog);
        auto *summary = dialog->findChild<QLabel *>(QStringLiteral("editSummary"));
        auto *apply = dialog->findChild<QPushButton *>(QStringLiteral("editApplyButton"));
        dialog->findChild<QCheckBox *>(QStringLiteral("editDeepCheck"))->setChecked(true);
        QVERIFY(dialog->deepCheck());
        dialog->setOperation(QStringLiteral("set"), { QStringLiteral("ninjaFlags"), QStringLiteral("[ \"-j4\" ]") });
        dialog->findChild<QPushButton *>(QStringLiteral("editPreviewButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(summary->text().contains(QStringLiteral("Deep-checked")), 120000);
        QVERIFY2(!summary->text().contains(QStringLiteral("error")), qPrintable(summary->text()));
        QVERIFY(apply->isEnabled());
    }
};

QTEST_MAIN(TestWindowEdit)
#include "test_window_edit.moc"
