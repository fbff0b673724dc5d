// The cache check with the real nix: output paths of toy recipes in a real git
// repository (OutputPaths, many recipes per nix-instantiate), then which of them
// the local store (and a file:// binary cache made with `nix copy`) holds.
#include "BuildTestSupport.h"
#include "builds/CacheCheck.h"
#include "recipes/OutputPaths.h"

#include <QSet>
#include <QStandardPaths>

using namespace vs;
using namespace vs::test;

namespace {
QString pkg(const QString &name)
{
    return QStringLiteral(".flox/pkgs/%1.nix").arg(name);
}

CacheCheckOptions offline()
{
    CacheCheckOptions o;
    o.paths.nixOptions = offlineNixOptions();
    return o;
}

// What `nix-instantiate RECIPE` (which writes the derivation) says on its own.
QString instantiate(const QString &file)
{
    QByteArray out;
    runProgram(QStringLiteral("nix-instantiate"), QStringList { file } + offlineNixOptions(), {}, &out);
    return QString::fromUtf8(out).trimmed();
}
} // namespace

class TestOutputPaths : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("nix-instantiate")).isEmpty())
            QSKIP("nix is not installed");
        QVERIFY(m_tmp.isValid());
    }

    void builtRecipeIsValidWithItsResultPath()
    {
        GitFixture repo;
        QVERIFY(repo.write(pkg(QStringLiteral("toy-a")), toyRecipe(QStringLiteral("toy-a"), QStringLiteral("echo a > $out"))));
        QVERIFY(repo.write(
            QStringLiteral(".flox/pkgs/toy-b/default.nix"), toyRecipe(QStringLiteral("toy-b"), QStringLiteral("echo b > $out"))));
        QVERIFY2(repo.commitAll(QStringLiteral("two toys")), qPrintable(repo.lastError()));

        // Both shapes, by name and by path.
        const QStringList asked { QStringLiteral("toy-a"), QStringLiteral(".flox/pkgs/toy-b/default.nix") };
        CacheReport before = CacheCheck::run(repo.path(), asked, offline());
        QVERIFY(before.problems.isEmpty());
        QCOMPARE(before.recipes.size(), 2);
        for (const CachedRecipe &r : before.recipes) {
            QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
            QVERIFY(!r.valid);
            QVERIFY(r.where.isEmpty());
            QVERIFY(!QFileInfo::exists(r.outPath));
        }
        QCOMPARE(before.recipes.at(0).recipe, pkg(QStringLiteral("toy-a")));
        QCOMPARE(before.recipes.at(1).recipe, QStringLiteral(".flox/pkgs/toy-b/default.nix"));
        QCOMPARE(before.recipes.at(1).variant, QStringLiteral("toy-b"));
        QVERIFY(before.recipes.at(0).outPath.endsWith(QLatin1String("-toy-a")));
        // The derivation is the one nix-instantiate writes for the file.
        QCOMPARE(before.recipes.at(0).drvPath, instantiate(repo.filePath(pkg(QStringLiteral("toy-a")))));
        QCOMPARE(before.variants(false), asked.mid(0, 1) + QStringList { QStringLiteral("toy-b") });

        // Built by the app's own runner (real nix-build): the result link points where the check said.
        const BuildJob job = runToEnd(testSettings(m_tmp), makeJob(repo.path(), QStringLiteral("toy-a")));
        QCOMPARE(toString(job.state), toString(BuildState::Succeeded));
        const QString linked = QFileInfo(QDir(job.workDir).filePath(QStringLiteral("result-toy-a"))).symLinkTarget();
        QCOMPARE(linked, before.recipes.at(0).outPath);

        const CacheReport after = CacheCheck::run(repo.path(), asked, offline());
        QVERIFY(after.recipes.at(0).valid);
        QCOMPARE(after.recipes.at(0).where, QStringLiteral("local"));
        QCOMPARE(after.recipes.at(0).outPath, linked);
        QVERIFY(!after.recipes.at(1).valid);
        QCOMPARE(after.variants(true), QStringList { QStringLiteral("toy-a") });
        QCOMPARE(after.variants(false), QStringList { QStringLiteral("toy-b") });
    }

    void brokenRecipesAreReportedAndTheOthersAnswer()
    {
        GitFixture repo;
        QStringList names;
        for (int i = 0; i < 9; ++i) {
            const QString name = QStringLiteral("toy-%1").arg(i);
            names << name;
            QByteArray text = toyRecipe(name, QStringLiteral("echo %1 > $out").arg(i));
            if (i == 2)
                text = "throw \"no CUDA for this one\"\n";
            else if (i == 4)
                text = "derivation { name = \"broken\"\n"; // a syntax error: fails the whole batch
            else if (i == 6)
                text = "{ gpu }: derivation { name = gpu; }\n"; // nix-build cannot call it either
            else if (i == 7)
                text = "42\n";
            QVERIFY(repo.write(pkg(name), text));
        }
        QVERIFY(repo.commitAll(QStringLiteral("nine toys, four broken")));

        CacheCheckOptions options = offline();
        options.paths.batchSize = 4; // batches of 4, 4 and 1: the broken one splits its batch
        const CacheReport report = CacheCheck::run(repo.path(), names << QStringLiteral("toy-missing"), options);
        QCOMPARE(report.recipes.size(), 10);
        QSet<QString> outPaths;
        for (int i : { 0, 1, 3, 5, 8 }) {
            const CachedRecipe &r = report.recipes.at(i);
            QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
            QCOMPARE(r.drvPath, instantiate(repo.filePath(r.recipe)));
            outPaths.insert(r.outPath);
        }
        QCOMPARE(outPaths.size(), 5);
        const auto failedWith = [&](int i, const QString &words) {
            const CachedRecipe &r = report.recipes.at(i);
            return !r.valid && r.outPath.isEmpty() && r.error.contains(pkg(names.at(i))) && r.error.contains(words);
        };
        QVERIFY2(failedWith(2, QStringLiteral("no CUDA for this one")), qPrintable(report.recipes.at(2).error));
        QVERIFY2(failedWith(4, QStringLiteral("syntax error")), qPrintable(report.recipes.at(4).error));
        QVERIFY2(failedWith(6, QStringLiteral("gpu")), qPrintable(report.recipes.at(6).error));
        QVERIFY2(failedWith(7, QStringLiteral("no package: it evaluates to a value of type int")), qPrintable(report.recipes.at(7).error));
        QVERIFY2(report.recipes.at(9).error.contains(QLatin1String("no recipe")), qPrintable(report.recipes.at(9).error));
        QCOMPARE(report.failed().size(), 5);
        QCOMPARE(report.variants(false).size(), 5);
        QVERIFY(report.variants(true).isEmpty());
    }

    void recipeLinkedOutOfTheFolderIsNotEvaluated()
    {
        GitFixture repo;
        QVERIFY(repo.write(QStringLiteral("outside.nix"), toyRecipe(QStringLiteral("outside"), QStringLiteral("echo > $out"))));
        QVERIFY(repo.write(pkg(QStringLiteral("keep")), toyRecipe(QStringLiteral("keep"), QStringLiteral("echo > $out"))));
        QVERIFY(QFile::link(QStringLiteral("../../outside.nix"), repo.filePath(pkg(QStringLiteral("sneaky")))));
        const QList<OutputPaths::Recipe> found = OutputPaths::find(repo.path(), { QStringLiteral("sneaky"), QStringLiteral("keep") });
        QVERIFY(found.at(0).error.contains(QLatin1String("leads out of")));
        QVERIFY(found.at(0).outPath.isEmpty());
        QVERIFY2(found.at(1).ok(), qPrintable(found.at(1).error));
    }

    void cancelledBeforeItStarts()
    {
        GitFixture repo;
        QVERIFY(repo.write(pkg(QStringLiteral("toy")), toyRecipe(QStringLiteral("toy"), QStringLiteral("echo > $out"))));
        const std::atomic<bool> cancel { true };
        OutputPathsOptions options;
        options.cancel = &cancel;
        const QList<OutputPaths::Recipe> found = OutputPaths::find(repo.path(), { QStringLiteral("toy") }, options);
        QVERIFY(found.at(0).error.contains(QLatin1String("cancelled")));
    }

    void substituterHoldsWhatTheLocalStoreLacks()
    {
        GitFixture repo;
        QVERIFY(repo.write(pkg(QStringLiteral("cached")), toyRecipe(QStringLiteral("cached"), QStringLiteral("echo c > $out"))));
        QVERIFY(repo.write(pkg(QStringLiteral("nowhere")), toyRecipe(QStringLiteral("nowhere"), QStringLiteral("echo n > $out"))));
        QByteArray out, err;
        QCOMPARE(runProgram(QStringLiteral("nix-build"),
                     QStringList { QStringLiteral("--no-out-link"), repo.filePath(pkg(QStringLiteral("cached"))) } + offlineNixOptions(),
                     {}, &out, &err),
            0);
        const QString built = QString::fromUtf8(out).trimmed();
        // A file:// binary cache holding it, and the local copy deleted again.
        const QString cache = QStringLiteral("file://") + m_tmp.filePath(QStringLiteral("binary-cache"));
        QCOMPARE(runProgram(QStringLiteral("nix"), { QStringLiteral("copy"), QStringLiteral("--to"), cache, built }, {}, nullptr, &err), 0);
        QCOMPARE(runProgram(QStringLiteral("nix-store"), { QStringLiteral("--delete"), built }, {}, nullptr, &err), 0);
        QVERIFY(!QFileInfo::exists(built));

        const QStringList asked { QStringLiteral("cached"), QStringLiteral("nowhere") };
        const CacheReport local = CacheCheck::run(repo.path(), asked, offline());
        QCOMPARE(local.recipes.at(0).outPath, built);
        QVERIFY(!local.recipes.at(0).valid);

        CacheCheckOptions options = offline();
        options.substituters = { QStringLiteral("bogus://no-such-store"), cache };
        const CacheReport withCache = CacheCheck::run(repo.path(), asked, options);
        QVERIFY(withCache.recipes.at(0).valid);
        QCOMPARE(withCache.recipes.at(0).where, cache);
        QVERIFY(!withCache.recipes.at(1).valid);
        // A store that cannot be asked is a problem of the report, not a recipe's.
        QCOMPARE(withCache.problems.size(), 1);
        QVERIFY2(withCache.problems.first().contains(QLatin1String("bogus://no-such-store")), qPrintable(withCache.problems.first()));
        QVERIFY(withCache.recipes.at(1).error.isEmpty());
    }

private:
    QTemporaryDir m_tmp;
};

QTEST_GUILESS_MAIN(TestOutputPaths)
#include "test_output_paths.moc"
