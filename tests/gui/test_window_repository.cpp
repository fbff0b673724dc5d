#include "BranchList.h"
#include "CellStatusColors.h"
#include "HardwareController.h"
#include "HardwareDock.h"
#include "MainWindow.h"
#include "MatrixController.h"
#include "MatrixView.h"
#include "RecipeActions.h"
#include "RecipePreview.h"
#include "RepositoryController.h"
#include "hardware/HardwareProbe.h"
#include "itemmodels/BranchListModel.h"
#include "itemmodels/MatrixFilterProxy.h"
#include "itemmodels/MatrixModel.h"
#include "recipes/RecipeGenerator.h"
#include "repository/RecipeWriter.h"
#include "support/GitFixture.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QtTest>

using namespace vs;

namespace {
VariantName variant(const QString &name)
{
    return *VariantName::parse(name);
}

QByteArray generated(const QString &name, const QString &branch)
{
    const Catalog &c = Catalog::embedded();
    const auto r = RecipeGenerator(c).generate(variant(name), c.profileForBranch(branch));
    return r.text.toUtf8();
}
} // namespace

class TestWindowRepository : public QObject {
    Q_OBJECT

    test::GitFixture repo;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("VariantStudioTest"));
        // main: good recipes plus a pname mismatch and an armv8.2 file name.
        QVERIFY(repo.write(QStringLiteral("README.md"), "builds\n"));
        QVERIFY(repo.write(QStringLiteral(".flox/env/manifest.toml"), "version = 1\n"));
        for (const char *name : { "pytorch-python313-cuda12_9-sm90-avx512", "pytorch-python313-cuda12_9-sm90-avx2",
                 "pytorch-python313-cuda12_9-sm86-avx2", "pytorch-python313-cpu-avx2" })
            QVERIFY(repo.write(
                QStringLiteral(".flox/pkgs/%1.nix").arg(QLatin1String(name)), generated(QLatin1String(name), QStringLiteral("main"))));
        QByteArray mismatch = generated(QStringLiteral("pytorch-python313-cuda12_9-sm80-avx2"), QStringLiteral("main"));
        mismatch.replace("pytorch-python313-cuda12_9-sm80-avx2", "pytorch-python313-cuda12_9-sm89-avx2");
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/pytorch-python313-cuda12_9-sm80-avx2.nix"), mismatch));
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/pytorch-python313-cuda12_9-sm90-armv8.2.nix"),
            generated(QStringLiteral("pytorch-python313-cuda12_9-sm90-armv8_2"), QStringLiteral("main"))));
        QVERIFY2(repo.commitAll(QStringLiteral("main recipes")), qPrintable(repo.lastError()));

        // pytorch-2.8: an sm110 recipe on CUDA 12.8 (which cannot compile for it).
        QVERIFY(repo.git({ QStringLiteral("switch"), QStringLiteral("-q"), QStringLiteral("-c"), QStringLiteral("pytorch-2.8") }));
        QVERIFY(repo.git({ QStringLiteral("rm"), QStringLiteral("-q"), QStringLiteral("-r"), QStringLiteral(".flox/pkgs") }));
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/pytorch-python311-cuda12_8-sm90-avx2.nix"),
            generated(QStringLiteral("pytorch-python311-cuda12_8-sm90-avx2"), QStringLiteral("pytorch-2.8"))));
        QByteArray sm110 = generated(QStringLiteral("pytorch-python311-cuda12_8-sm100-avx2"), QStringLiteral("pytorch-2.8"));
        sm110.replace("sm100", "sm110").replace("\"10.0\"", "\"11.0\"").replace("\"100\"", "\"110\"");
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/pytorch-python311-cuda12_8-sm110-avx2.nix"), sm110));
        QVERIFY2(repo.commitAll(QStringLiteral("2.8 recipes")), qPrintable(repo.lastError()));

        // empty-line: no recipes at all.
        QVERIFY(repo.git({ QStringLiteral("switch"), QStringLiteral("-q"), QStringLiteral("-c"), QStringLiteral("empty-line"),
            QStringLiteral("main") }));
        QVERIFY(repo.git({ QStringLiteral("rm"), QStringLiteral("-q"), QStringLiteral("-r"), QStringLiteral(".flox/pkgs") }));
        QVERIFY2(repo.commitAll(QStringLiteral("no recipes")), qPrintable(repo.lastError()));
        QVERIFY(repo.git({ QStringLiteral("switch"), QStringLiteral("-q"), QStringLiteral("main") }));
    }

    void opensScansAndShowsTheRepository()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy done(w.repository(), &RepositoryController::scanFinished);
        w.openRepository(repo.path());
        QVERIFY(done.wait(60000));
        MatrixModel *m = w.matrixModel();
        QCOMPARE(m->branch(), QStringLiteral("main"));
        QCOMPARE(m->cuda(), QStringLiteral("12_9"));
        QCOMPARE(m->python(), QStringLiteral("313"));

        // Branch list: four... three branches, main current, counts.
        BranchListModel *branches = w.branchModel();
        QCOMPARE(branches->rowCount(), 3);
        const QModelIndex mainRow = branches->index(branches->rowOf(QStringLiteral("main")), 0);
        QVERIFY(mainRow.data(BranchListModel::CurrentRole).toBool());
        QCOMPARE(mainRow.data(BranchListModel::RecipeCountRole).toInt(), 6);
        QVERIFY(mainRow.data(BranchListModel::ProblemCountRole).toInt() >= 2);

        const auto counts = m->statusCounts();
        const QString all = w.matrix()->countsText();
        QCOMPARE(counts.value(CellStatus::Defined), 4);
        QCOMPARE(counts.value(CellStatus::Problem), 2);
        QCOMPARE(counts.value(CellStatus::Incompatible), 7); // sm110 needs CUDA 13.0
        QCOMPARE(counts.value(CellStatus::NotDefined), 12 * 7 + 7 + 1 - 7 - 4 - 2);
        const QModelIndex pname = m->indexOf(variant(QStringLiteral("pytorch-python313-cuda12_9-sm80-avx2")));
        QCOMPARE(m->statusAt(pname), CellStatus::Problem);
        QVERIFY2(
            pname.data(Qt::ToolTipRole).toString().contains(QStringLiteral("pname")), qPrintable(pname.data(Qt::ToolTipRole).toString()));
        QCOMPARE(m->statusAt(m->indexOf(variant(QStringLiteral("pytorch-python313-cuda12_9-sm90-armv8_2")))), CellStatus::Problem);

        // What the delegate paints: the status colour at the cell's edge.
        MatrixView *view = w.matrixView();
        const QImage image = view->viewport()->grab().toImage();
        const bool dark = view->palette().color(QPalette::Window).lightness() < 128;
        auto pixel = [&](const QModelIndex &source) {
            const QRect r = view->visualRect(w.matrix()->proxy()->mapFromSource(source));
            return image.pixelColor(QPoint(r.left() + 3, r.center().y()) * image.devicePixelRatio()).rgb();
        };
        const QModelIndex defined = m->indexOf(variant(QStringLiteral("pytorch-python313-cuda12_9-sm90-avx512")));
        QCOMPARE(pixel(defined), CellStatusColors::color(CellStatus::Defined, dark).rgb());
        QCOMPARE(pixel(pname), CellStatusColors::color(CellStatus::Problem, dark).rgb());
        QCOMPARE(defined.data(MatrixModel::StatusTextRole).toString(), QStringLiteral("defined"));

        // Selecting a defined cell previews that branch's file with Nix highlighting.
        w.matrix()->selectCell(defined);
        QFile file(repo.filePath(QStringLiteral(".flox/pkgs/pytorch-python313-cuda12_9-sm90-avx512.nix")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(w.preview()->editor()->toPlainText(), QString::fromUtf8(file.readAll()));
        QCOMPARE(w.preview()->definitionName(), QStringLiteral("Nix"));
        QVERIFY(w.preview()->content().hasDrift);

        // An undefined cell previews what Generate would write.
        const QModelIndex sm75 = m->indexOf(variant(QStringLiteral("pytorch-python313-cuda12_9-sm75-avx2")));
        w.matrix()->selectCell(sm75);
        QVERIFY(w.preview()->content().banner.contains(QStringLiteral("Not in the repository yet")));
        QCOMPARE(w.preview()->editor()->toPlainText().toUtf8(),
            generated(QStringLiteral("pytorch-python313-cuda12_9-sm75-avx2"), QStringLiteral("main")));

        // Generate writes it into the working tree, stages it, and the cell turns new.
        w.recipeActions()->generateSelected();
        QVERIFY(done.wait(60000));
        QVERIFY(QFile::exists(repo.filePath(QStringLiteral(".flox/pkgs/pytorch-python313-cuda12_9-sm75-avx2.nix"))));
        QByteArray listed;
        QVERIFY(repo.git({ QStringLiteral("ls-files"), QStringLiteral(".flox/pkgs") }, &listed));
        QVERIFY(listed.contains("pytorch-python313-cuda12_9-sm75-avx2.nix"));
        QCOMPARE(m->statusAt(m->indexOf(variant(QStringLiteral("pytorch-python313-cuda12_9-sm75-avx2")))), CellStatus::New);
        QCOMPARE(m->branch(), QStringLiteral("main"));

        // An existing recipe is never overwritten without asking; "no" keeps it.
        QStringList asked;
        w.recipeActions()->setOverwriteQuestion([&](const QStringList &files) {
            asked = files;
            return false;
        });
        w.matrix()->selectCell(m->indexOf(variant(QStringLiteral("pytorch-python313-cuda12_9-sm80-avx2"))));
        w.recipeActions()->generateSelected();
        QCOMPARE(asked, QStringList { QStringLiteral(".flox/pkgs/pytorch-python313-cuda12_9-sm80-avx2.nix") });
        QFile kept(repo.filePath(QStringLiteral(".flox/pkgs/pytorch-python313-cuda12_9-sm80-avx2.nix")));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QVERIFY(kept.readAll().contains("sm89"));

        // The branch without recipes: nothing defined.
        w.branchList()->setCurrentIndex(branches->index(branches->rowOf(QStringLiteral("empty-line")), 0));
        QCOMPARE(m->branch(), QStringLiteral("empty-line"));
        const auto empty = m->statusCounts();
        QCOMPARE(empty.value(CellStatus::NotDefined) + empty.value(CellStatus::Incompatible), 12 * 7 + 7 + 1);

        // Another branch than the checked-out one: generating explains why not.
        w.branchList()->setCurrentIndex(branches->index(branches->rowOf(QStringLiteral("pytorch-2.8")), 0));
        QCOMPARE(m->cuda(), QStringLiteral("12_8"));
        QCOMPARE(m->python(), QStringLiteral("311"));
        const QModelIndex sm110 = m->indexOf(variant(QStringLiteral("pytorch-python311-cuda12_8-sm110-avx2")));
        QCOMPARE(m->statusAt(sm110), CellStatus::Problem);
        w.matrix()->selectCell(m->indexOf(variant(QStringLiteral("pytorch-python311-cuda12_8-sm80-avx2"))));
        w.recipeActions()->generateSelected();
        QVERIFY2(w.bannerText().contains(QStringLiteral("Check out")), qPrintable(w.bannerText()));
        QVERIFY(!QFile::exists(repo.filePath(QStringLiteral(".flox/pkgs/pytorch-python311-cuda12_8-sm80-avx2.nix"))));
    }

    // Before: a symlinked recipe was hidden, so its cell looked undefined and invited
    // Generate. Now the cell is a problem that says it is a link, and Generate
    // treats it as an existing file.
    void symlinkedRecipeIsShownAsALink()
    {
        test::GitFixture linked;
        QTemporaryDir outside;
        QVERIFY(linked.write(QStringLiteral("README.md"), "builds\n"));
        QVERIFY(QDir().mkpath(linked.filePath(QStringLiteral(".flox/pkgs"))));
        QVERIFY(QFile::link(outside.filePath(QStringLiteral("elsewhere.nix")),
            linked.filePath(QStringLiteral(".flox/pkgs/pytorch-python313-cuda12_9-sm90-avx512.nix"))));
        QVERIFY2(linked.commitAll(QStringLiteral("a link")), qPrintable(linked.lastError()));
        MainWindow w;
        QSignalSpy done(w.repository(), &RepositoryController::scanFinished);
        w.openRepository(linked.path());
        QVERIFY(done.wait(60000));
        MatrixModel *m = w.matrixModel();
        const QModelIndex cell = m->indexOf(variant(QStringLiteral("pytorch-python313-cuda12_9-sm90-avx512")));
        QCOMPARE(m->statusAt(cell), CellStatus::Problem);
        QVERIFY2(cell.data(Qt::ToolTipRole).toString().contains(QStringLiteral("symbolic link")),
            qPrintable(cell.data(Qt::ToolTipRole).toString()));
        QVERIFY(RecipeWriter::occupied(linked.path(), variant(QStringLiteral("pytorch-python313-cuda12_9-sm90-avx512"))));
        QVERIFY(!QFileInfo::exists(outside.filePath(QStringLiteral("elsewhere.nix"))));
    }

    void hardwareMarksMyCell()
    {
        MainWindow w;
        QSignalSpy done(w.repository(), &RepositoryController::scanFinished);
        w.openRepository(repo.path());
        QVERIFY(done.wait(60000));
        w.hardware()->setProfile(
            HardwareProbe::fromDirectory(w.matrixModel()->catalog(), QStringLiteral(VS_SOURCE_DIR "/tests/fixtures/hardware/h100-xeon")));
        QVERIFY(w.hardware()->goToMyCell());
        const QModelIndexList selected = w.matrix()->selectedCells();
        QCOMPARE(selected.size(), 1);
        QVERIFY(selected.first().data(MatrixModel::RecommendedRole).toBool());
        QVERIFY(selected.first().data(MatrixModel::VariantNameRole).toString().contains(QStringLiteral("sm90")));
        QVERIFY(!w.hardwareDock()->factsText().isEmpty());
    }

    void nonRepositoryFolderShowsAMessage()
    {
        MainWindow w;
        QTemporaryDir plain;
        QSignalSpy failed(w.repository(), &RepositoryController::scanFailed);
        w.openRepository(plain.path());
        QVERIFY(failed.wait(30000));
        auto *banner = w.findChild<QLabel *>(QStringLiteral("messageBanner"));
        QVERIFY(banner);
        QVERIFY2(banner->text().contains(plain.path()), qPrintable(banner->text()));
        QVERIFY2(banner->text().contains(QStringLiteral("not a git repository")), qPrintable(banner->text()));
        QVERIFY(w.matrixModel()->isPlan());
    }
};

QTEST_MAIN(TestWindowRepository)
#include "test_window_repository.moc"
