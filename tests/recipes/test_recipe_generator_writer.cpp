#include "repository/RecipeWriter.h"
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

    // Before: --force wrote through a symlinked recipe and replaced the file it points at.
    void forceReplacesTheLinkNeverItsTarget()
    {
        GitFixture repo;
        QTemporaryDir outside;
        const QString victim = outside.filePath("victim.txt");
        QVERIFY(repo.write("README.md", "x\n"));
        {
            QFile f(victim);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("precious\n");
        }
        QVERIFY(QDir().mkpath(repo.filePath(".flox/pkgs")));
        const QString link = repo.filePath(".flox/pkgs/pytorch-python313-cpu-avx2.nix");
        QVERIFY(QFile::link(victim, link));

        RecipeWriter::Result r = RecipeWriter::write(repo.path(), "main", cell(), "{ }\n", false);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains("symbolic link") && r.error.contains("--force"), qPrintable(r.error));
        QVERIFY(RecipeWriter::occupied(repo.path(), cell()));

        r = RecipeWriter::write(repo.path(), "main", cell(), "{ }\n", true);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY(r.replaced);
        QCOMPARE(readFile(victim), QByteArray("precious\n"));
        QVERIFY(!QFileInfo(link).isSymLink());
        QCOMPARE(readFile(link), QByteArray("{ }\n"));
    }

    // Before: a dangling link committed in a cloned repository made `generate
    // --write` create a file wherever the link pointed.
    void danglingLinkIsNeverFollowed()
    {
        GitFixture repo;
        QTemporaryDir outside;
        const QString target = outside.filePath("planted.nix");
        QVERIFY(repo.write("README.md", "x\n"));
        QVERIFY(QDir().mkpath(repo.filePath(".flox/pkgs")));
        QVERIFY(QFile::link(target, repo.filePath(".flox/pkgs/pytorch-python313-cpu-avx2.nix")));
        QVERIFY(repo.commitAll("a dangling link"));
        QVERIFY(!RecipeWriter::write(repo.path(), "main", cell(), "{ }\n", false).ok());
        QVERIFY(!QFileInfo::exists(target));

        // The same through the command line a user runs.
        QByteArray out, err;
        QCOMPARE(
            runProgram(VS_APP_PATH, { "generate", "pytorch-python313-cpu-avx2", "--repo", repo.path(), "--write" }, {}, &out, &err), 1);
        QVERIFY2(err.contains("symbolic link"), err.constData());
        QVERIFY(!QFileInfo::exists(target));
    }

    // Before: a symlinked .flox/pkgs (or .flox) sent the write outside the repository.
    void linkedFoldersAreRefused_data()
    {
        QTest::addColumn<QString>("linked");
        QTest::newRow(".flox/pkgs") << ".flox/pkgs";
        QTest::newRow(".flox") << ".flox";
    }
    void linkedFoldersAreRefused()
    {
        QFETCH(QString, linked);
        GitFixture repo;
        QTemporaryDir outside;
        QVERIFY(repo.write("README.md", "x\n"));
        QVERIFY(repo.commitAll("seed"));
        if (linked == ".flox/pkgs")
            QVERIFY(QDir().mkpath(repo.filePath(".flox")));
        QVERIFY(QFile::link(outside.path(), repo.filePath(linked)));
        for (const bool force : { false, true }) {
            const RecipeWriter::Result r = RecipeWriter::write(repo.path(), "main", cell(), "{ }\n", force);
            QVERIFY(!r.ok());
            QVERIFY2(r.error.contains("is a symbolic link"), qPrintable(r.error));
        }
        QVERIFY(QDir(outside.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRecipeWriter)
#include "test_recipe_generator_writer.moc"
