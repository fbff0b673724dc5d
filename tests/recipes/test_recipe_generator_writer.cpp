#include "recipes/RecipeWriter.h"
#include "support/GitFixture.h"

#include <QtTest>

using namespace vs;
using namespace vs::test;

// RecipeWriter on real git repositories: where it writes, and every refusal.
class TestRecipeWriter : public QObject {
    Q_OBJECT

    static VariantName cell() { return *VariantName::parse("pytorch-python313-cpu-avx2"); }

    static QByteArray readFile(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void writesAndStagesOnTheCheckedOutBranch()
    {
        GitFixture repo;
        const RecipeWriter::Result r = RecipeWriter::write(repo.path(), "main", cell(), "{ }\n", false);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.path, repo.filePath(".flox/pkgs/pytorch-python313-cpu-avx2.nix"));
        QVERIFY(!r.replaced);
        QCOMPARE(readFile(r.path), QByteArray("{ }\n"));
        QByteArray staged;
        QVERIFY(repo.git({ "diff", "--cached", "--name-only" }, &staged));
        QCOMPARE(staged.trimmed(), QByteArray(".flox/pkgs/pytorch-python313-cpu-avx2.nix"));

        const RecipeWriter::Result again = RecipeWriter::write(repo.path(), "main", cell(), "{ x = 1; }\n", false);
        QVERIFY(!again.ok());
        QVERIFY2(again.error.contains("already exists"), qPrintable(again.error));
        QCOMPARE(readFile(r.path), QByteArray("{ }\n"));

        const RecipeWriter::Result forced = RecipeWriter::write(repo.path(), "main", cell(), "{ x = 1; }\n", true);
        QVERIFY2(forced.ok(), qPrintable(forced.error));
        QVERIFY(forced.replaced);
        QCOMPARE(readFile(r.path), QByteArray("{ x = 1; }\n"));
    }

    void refusesOtherBranchesAndDetachedHead()
    {
        GitFixture repo;
        QVERIFY(repo.write("README.md", "x\n"));
        QVERIFY(repo.commitAll("seed"));
        QString error;
        QCOMPARE(RecipeWriter::checkedOutBranch(repo.path(), &error), QStringLiteral("main"));

        RecipeWriter::Result r = RecipeWriter::write(repo.path(), "pytorch-2.9-python313", cell(), "{ }\n", false);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains("'pytorch-2.9-python313' is not checked out") && r.error.contains("'main'"), qPrintable(r.error));

        QVERIFY(repo.git({ "checkout", "-q", "--detach" }));
        QVERIFY(RecipeWriter::checkedOutBranch(repo.path(), &error).isEmpty());
        QVERIFY2(error.contains("symbolic-ref"), qPrintable(error));
        r = RecipeWriter::write(repo.path(), "main", cell(), "{ }\n", false);
        QVERIFY(!r.ok());
        QVERIFY(!QFile::exists(r.path));
    }

    void refusesAFolderThatIsNoRepository()
    {
        QTemporaryDir dir;
        const RecipeWriter::Result r = RecipeWriter::write(dir.path(), "main", cell(), "{ }\n", false);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains("cannot tell the checked-out branch"), qPrintable(r.error));
        QVERIFY(!QFile::exists(r.path));
    }
};

QTEST_GUILESS_MAIN(TestRecipeWriter)
#include "test_recipe_generator_writer.moc"
