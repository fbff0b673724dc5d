// Repository content as an attacker (or bad luck) leaves it: links to /dev/zero,
// FIFOs, links that lead out of the repository, huge catalogue lists, newlines in
// file names. Nothing may crash, hang, be hidden or forge output. Real git, real
// processes (the CLI under a timeout, so a hang fails instead of stalling).
#include "catalog/CatalogLoader.h"
#include "variants/RecipePaths.h"
#include "system/SafeFile.h"
#include "repository/RepositoryScanner.h"
#include "support/GitFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <sys/stat.h>

using namespace vs;
using namespace vs::test;

namespace {
const char *kRecipe = "{ pname = \"pytorch-python313-cpu-avx2\"; }\n";

bool makeFifo(const QString &path)
{
    return ::mkfifo(QFile::encodeName(path).constData(), 0600) == 0;
}

// The CLI with a short timeout: -1 when it had to be killed.
int cli(const QStringList &args, QByteArray *out, QByteArray *err)
{
    return runProgram(VS_APP_PATH, args, {}, out, err, 30000);
}
} // namespace

class TestHostileContent : public QObject {
    Q_OBJECT
private slots:
    void safeFileRefusesWhatIsNotARegularFile()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath("fifo");
        QVERIFY(makeFifo(fifo));
        SafeFile::Read r = SafeFile::read(fifo); // would block forever with a plain open()
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains("FIFO"), qPrintable(r.error));

        r = SafeFile::read("/dev/zero"); // would never end with readAll()
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains("character device"), qPrintable(r.error));

        const QString link = dir.filePath("zero-link");
        QVERIFY(QFile::link("/dev/zero", link));
        QVERIFY(!SafeFile::read(link).ok());

        QFile big(dir.filePath("big"));
        QVERIFY(big.open(QIODevice::WriteOnly));
        QVERIFY(big.resize(SafeFile::kDefaultMaxBytes + 1));
        big.close();
        r = SafeFile::read(big.fileName());
        QVERIFY(r.tooLarge);
        QVERIFY(r.bytes.isEmpty());

        QFile small(dir.filePath("small"));
        QVERIFY(small.open(QIODevice::WriteOnly));
        small.write("hello");
        small.close();
        r = SafeFile::read(small.fileName());
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.bytes, QByteArray("hello"));
        QVERIFY(!SafeFile::read(dir.filePath("missing")).exists);
    }

    // Before: std::bad_alloc in scan, lint, generate and the window; a FIFO hung forever.
    void catalogueOverlayThatIsADeviceOrAFifo_data()
    {
        QTest::addColumn<bool>("fifo");
        QTest::newRow("link to /dev/zero") << false;
        QTest::newRow("FIFO") << true;
    }
    void catalogueOverlayThatIsADeviceOrAFifo()
    {
        QFETCH(bool, fifo);
        GitFixture repo;
        QVERIFY(repo.write(".flox/pkgs/pytorch-python313-cpu-avx2.nix", kRecipe));
        QVERIFY(repo.commitAll("recipe"));
        const QString overlay = repo.filePath(".flox/variant-studio.yaml");
        QVERIFY(fifo ? makeFifo(overlay) : QFile::link("/dev/zero", overlay));

        const CatalogLoad load = CatalogLoader::forRepository(repo.path());
        QCOMPARE(load.errors.size(), 1);
        QCOMPARE(load.errors.first().where.file, overlay);
        QVERIFY2(load.errors.first().message.contains(fifo ? "FIFO" : "character device"), qPrintable(load.errors.first().message));

        QByteArray out, err;
        QCOMPARE(cli({ "scan", repo.path(), "--json" }, &out, &err), 0);
        QVERIFY(QJsonDocument::fromJson(out).isObject());
        QCOMPARE(cli({ "lint", repo.path() }, &out, &err), 1); // the catalogue error is an error
        QVERIFY2(out.contains("variant-studio.yaml") && out.contains("[catalog]"), out.constData());
        QCOMPARE(cli({ "generate", "pytorch-python313-cpu-avx512", "--repo", repo.path() }, &out, &err), 0);
        QVERIFY2(err.contains("variant-studio.yaml"), err.constData());
    }

    // Before: symlinked recipes were hidden, so the cell looked undefined and invited Generate.
    void symlinkedRecipesAreListedNotFollowed()
    {
        GitFixture repo;
        QTemporaryDir outside;
        QVERIFY(repo.write(".flox/pkgs/pytorch-python313-cpu-avx2.nix", kRecipe));
        QVERIFY(repo.write(".flox/pkgs/pytorch-python311-cpu-avx2.nix", kRecipe));
        QVERIFY(QFile::link(outside.filePath("secret.nix"), repo.filePath(".flox/pkgs/pytorch-python313-cpu-avx512.nix")));
        QVERIFY(repo.commitAll("a committed link"));
        // In the working tree: an untracked link to /dev/zero, a committed recipe
        // replaced by a FIFO (git reports it modified), and an untracked FIFO (git
        // does not list it at all).
        QVERIFY(QFile::link("/dev/zero", repo.filePath(".flox/pkgs/pytorch-python312-cpu-avx2.nix")));
        QVERIFY(QFile::remove(repo.filePath(".flox/pkgs/pytorch-python311-cpu-avx2.nix")));
        QVERIFY(makeFifo(repo.filePath(".flox/pkgs/pytorch-python311-cpu-avx2.nix")));
        QVERIFY(makeFifo(repo.filePath(".flox/pkgs/pytorch-python310-cpu-avx2.nix")));

        const RepositoryScan scan = RepositoryScanner::scan(repo.path());
        QVERIFY2(scan.ok(), qPrintable(scan.error));
        const BranchScan *main = scan.branch("main");
        QVERIFY(main);
        QCOMPARE(main->recipes.size(), 4);
        const RecipeFile *committed = main->recipe(".flox/pkgs/pytorch-python313-cpu-avx512.nix");
        QVERIFY(committed && committed->symlink);
        QCOMPARE(committed->symlinkTarget, outside.filePath("secret.nix"));
        QVERIFY(committed->text.isEmpty());
        const RecipeFile *zero = main->recipe(".flox/pkgs/pytorch-python312-cpu-avx2.nix");
        QVERIFY(zero && zero->symlink && zero->state == RecipeFile::State::New);
        const RecipeFile *fifo = main->recipe(".flox/pkgs/pytorch-python311-cpu-avx2.nix");
        QVERIFY(fifo && fifo->unreadable && fifo->state == RecipeFile::State::Modified);
        QVERIFY2(fifo->parseError.contains("FIFO"), qPrintable(fifo->parseError));

        QStringList linkProblems, unreadable;
        for (const LintProblem &p : scan.problems) {
            if (p.rule == QLatin1String("symlink"))
                linkProblems << p.file;
            if (p.rule == QLatin1String("unreadable"))
                unreadable << p.file;
        }
        linkProblems.sort();
        QCOMPARE(
            linkProblems, (QStringList { ".flox/pkgs/pytorch-python312-cpu-avx2.nix", ".flox/pkgs/pytorch-python313-cpu-avx512.nix" }));
        QCOMPARE(unreadable, QStringList { ".flox/pkgs/pytorch-python311-cpu-avx2.nix" });

        QByteArray out, err;
        QCOMPARE(cli({ "scan", repo.path(), "--json" }, &out, &err), 0);
        bool sawLink = false;
        for (const QJsonValue &b : QJsonDocument::fromJson(out).object().value("branches").toArray())
            for (const QJsonValue &r : b["recipes"].toArray())
                if (r["fileName"].toString() == QLatin1String("pytorch-python313-cpu-avx512.nix"))
                    sawLink = r["symlink"].toBool() && r["symlinkTarget"].toString() == outside.filePath("secret.nix");
        QVERIFY2(sawLink, out.constData());
        // `lint --deep` skips what it must not read, and does not hang on the FIFO.
        QVERIFY(cli({ "lint", repo.path(), "--deep" }, &out, &err) >= 0);
    }

    // Before: 200,000 entries in a catalogue list took 148 s (a look-up per entry
    // over the whole list). bench/catalog_bench measures the time; this checks the result.
    void longCatalogueListsLoad()
    {
        QByteArray yaml = "pythons:\n";
        const int count = 200000;
        for (int i = 0; i < count; ++i)
            yaml += "  - { id: \"9" + QByteArray::number(i) + "\", version: \"9." + QByteArray::number(i) + "\" }\n";
        yaml += "  - { id: \"90\", version: \"again\" }\n"; // a later entry of the same id is a duplicate
        const CatalogLoad load = CatalogLoader::overlay(Catalog::embedded(), yaml, "big.yaml");
        QCOMPARE(load.errors.size(), 1);
        QVERIFY2(load.errors.first().message.contains("duplicate id '90'"), qPrintable(load.errors.first().message));
        QCOMPARE(load.errors.first().where.line, count + 2);
        const CatalogLoad ok = CatalogLoader::overlay(Catalog::embedded(), yaml.left(yaml.lastIndexOf("  - { id: \"90\"")), "big.yaml");
        QVERIFY(ok.errors.isEmpty());
        QCOMPARE(ok.catalog.pythons.size(), Catalog::embedded().pythons.size() + count);
        QVERIFY(ok.catalog.python("9199999"));
    }

    // Before: a newline in a file name forged lines in lint and matrix text output.
    void newlinesInFileNamesCannotForgeLines()
    {
        GitFixture repo;
        QVERIFY(repo.write(".flox/pkgs/pytorch-python313-cpu-avx2.nix", kRecipe));
        QVERIFY(repo.write(".flox/pkgs/x\nerror: FORGED.nix", "{ }\n"));
        QVERIFY(repo.commitAll("odd names"));
        QByteArray out, err;
        QVERIFY(cli({ "lint", repo.path() }, &out, &err) >= 0);
        QVERIFY2(out.contains("x\\nerror: FORGED.nix"), out.constData());
        for (const QByteArray &line : out.split('\n'))
            QVERIFY2(!line.startsWith("error: FORGED"), out.constData());
        QCOMPARE(cli({ "matrix", repo.path() }, &out, &err), 0);
        QVERIFY2(out.contains("x\\nerror: FORGED.nix"), out.constData());
        for (const QByteArray &line : out.split('\n'))
            QVERIFY2(!line.startsWith("error: FORGED"), out.constData());
        QCOMPARE(RecipePaths::printable("a\nb\tc\x1b"), QStringLiteral("a\\nb\\tc\\u001b"));
    }

    // Before: `variant-studio companion …` opened the window, which headless never returned.
    void unknownSubcommandExits2()
    {
        QByteArray out, err;
        QCOMPARE(cli({ "companion", "x" }, &out, &err), 2);
        QVERIFY2(err.contains("unknown command 'companion'"), err.constData());
        QVERIFY(err.contains("build"));
        QVERIFY(err.contains("lint"));
        QCOMPARE(cli({ "bulid" }, &out, &err), 2);
        QCOMPARE(cli({ "help" }, &out, &err), 0);
        QVERIFY(out.contains("Commands:"));
    }
};

QTEST_GUILESS_MAIN(TestHostileContent)
#include "test_hostile_content.moc"
