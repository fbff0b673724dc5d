#include "repository/RealisticRecipe.h"
#include "repository/RepositoryScanner.h"
#include "support/GitFixture.h"

#include <QtTest>

using namespace vs;
using namespace vs::test;

namespace {

const QString kOldRev = QStringLiteral("fe5e41d7ffc0421f0913e8472ce6238ed0daf8e3");
const QString kWeird = QStringLiteral(".flox/pkgs/my recipe \"quoted\" ü.nix");

QByteArray recipeText(const QString &variant, const QString &rev = QString::fromLatin1(kRealisticRev))
{
    return realisticRecipe(Catalog::embedded(), variant, rev).toUtf8();
}

QString pkg(const QString &variant)
{
    return QStringLiteral(".flox/pkgs/%1.nix").arg(variant);
}

QStringList names(const RepositoryScan &s)
{
    QStringList out;
    for (const BranchScan &b : s.branches)
        out.append(b.name);
    return out;
}

QStringList paths(const BranchScan &b)
{
    QStringList out;
    for (const RecipeFile &r : b.recipes)
        out.append(r.path);
    return out;
}

} // namespace

// RepositoryScanner against real repositories made with the real git.
class TestRepositoryScanner : public QObject {
    Q_OBJECT

    GitFixture m_repo;
    QString m_featureCommit;

    bool fail(const char *what)
    {
        qWarning("%s: %s", what, qPrintable(m_repo.lastError()));
        return false;
    }

    // main: recipes + odd files; feature/x: one more, one changed; release/ü-2.8: an
    // older nixpkgs; no-pkgs: no .flox/pkgs at all. Then working-tree changes on main.
    bool build()
    {
        GitFixture &g = m_repo;
        g.write(pkg("pytorch-python313-cuda12_9-sm90-avx512"), recipeText("pytorch-python313-cuda12_9-sm90-avx512"));
        g.write(pkg("pytorch-python313-cpu-avx2"), recipeText("pytorch-python313-cpu-avx2"));
        g.write(pkg("pytorch-python313-cpu-avx512"), recipeText("pytorch-python313-cpu-avx512"));
        g.write(pkg("pytorch-python313-cpu-armv9"), recipeText("pytorch-python313-cpu-armv9"));
        g.write(".flox/pkgs/README.md", "# Recipes\n");
        g.write(".flox/pkgs/default.nix", "{ }: { }\n");
        g.write(pkg("pytorch-python313-cpu-avx"),
            QByteArray("\x7f"
                       "ELF\0\0\0binary",
                13));
        g.write(pkg("pytorch-python313-darwin-mps"), QByteArray(1024 * 1024 + 10, 'x'));
        g.write(kWeird, recipeText("pytorch-python312-cpu-avx2"));
        g.write("README.md", "top\n");
        if (!g.commitAll("main recipes"))
            return fail("commit main");

        if (!g.git({ "checkout", "-q", "-b", "feature/x" }))
            return fail("branch feature/x");
        g.write(pkg("torchvision-python313-cuda12_9-sm90-avx512"), recipeText("torchvision-python313-cuda12_9-sm90-avx512"));
        g.write(pkg("pytorch-python313-cpu-avx2"), recipeText("pytorch-python313-cpu-avx2") + "\n# changed on feature/x\n");
        if (!g.commitAll("feature"))
            return fail("commit feature/x");
        QByteArray out;
        g.git({ "rev-parse", "HEAD" }, &out);
        m_featureCommit = QString::fromLatin1(out.trimmed());

        if (!g.git({ "checkout", "-q", "-b", "release/ü-2.8", "main" }))
            return fail("branch release");
        g.write(pkg("pytorch-python313-cpu-avx2"), recipeText("pytorch-python313-cpu-avx2", kOldRev));
        g.write(pkg("pytorch-python313-cpu-avx512"), recipeText("pytorch-python313-cpu-avx512", kOldRev));
        if (!g.commitAll("older nixpkgs"))
            return fail("commit release");

        if (!g.git({ "checkout", "-q", "--orphan", "no-pkgs" }) || !g.git({ "rm", "-rq", "--cached", "." }))
            return fail("orphan");
        g.git({ "clean", "-fdq" });
        g.write("README.md", "nothing here\n");
        if (!g.git({ "add", "README.md" }) || !g.git({ "commit", "-qm", "no recipes" }))
            return fail("commit no-pkgs");
        if (!g.git({ "checkout", "-qf", "main" }))
            return fail("checkout main");

        // Working tree: one new (untracked), one modified, one deleted.
        g.write(pkg("pytorch-python313-cuda12_9-sm120-avx2"), recipeText("pytorch-python313-cuda12_9-sm120-avx2"));
        g.write(pkg("pytorch-python313-cpu-avx512"), recipeText("pytorch-python313-cpu-avx2"));
        return QFile::remove(g.filePath(pkg("pytorch-python313-cpu-armv9")));
    }

private slots:
    void initTestCase() { QVERIFY(build()); }

    void branchesAndRoot()
    {
        const RepositoryScan s = RepositoryScanner::scan(m_repo.filePath(".flox"));
        QVERIFY2(s.ok(), qPrintable(s.error));
        QCOMPARE(QFileInfo(s.root).canonicalFilePath(), QFileInfo(m_repo.path()).canonicalFilePath());
        QCOMPARE(s.currentBranch, QString("main"));
        QCOMPARE(names(s), QStringList({ "feature/x", "main", "no-pkgs", "release/ü-2.8" }));
        QCOMPARE(s.branch("feature/x")->commit, m_featureCommit);
        QVERIFY(s.branch("main")->current);
        QVERIFY(!s.branch("feature/x")->current);
        QVERIFY(!s.branch("no-pkgs")->hasPkgsDir);
        QVERIFY(s.branch("no-pkgs")->recipes.isEmpty());
    }

    void committedFilesOfAnotherBranch()
    {
        const RepositoryScan s = RepositoryScanner::scan(m_repo.path());
        const BranchScan *f = s.branch("feature/x");
        QVERIFY(f && f->hasPkgsDir);
        // README.md is not a recipe; default.nix is listed without a variant; odd names intact.
        QCOMPARE(paths(*f),
            QStringList({ ".flox/pkgs/default.nix", kWeird, pkg("pytorch-python313-cpu-armv9"), pkg("pytorch-python313-cpu-avx"),
                pkg("pytorch-python313-cpu-avx2"), pkg("pytorch-python313-cpu-avx512"), pkg("pytorch-python313-cuda12_9-sm90-avx512"),
                pkg("pytorch-python313-darwin-mps"), pkg("torchvision-python313-cuda12_9-sm90-avx512") }));
        for (const RecipeFile &r : f->recipes)
            QCOMPARE(r.state, RecipeFile::State::Committed);
        const RecipeFile *def = f->recipe(".flox/pkgs/default.nix");
        QVERIFY(!def->variant && def->parseError.contains("default"));
        const RecipeFile *weird = f->recipe(kWeird);
        QCOMPARE(weird->fileName, QString("my recipe \"quoted\" ü.nix"));
        QCOMPARE(weird->meta.pname, QString("pytorch-python312-cpu-avx2"));
        const RecipeFile *bin = f->recipe(pkg("pytorch-python313-cpu-avx"));
        QVERIFY(bin->binary && bin->text.isEmpty());
        const RecipeFile *huge = f->recipe(pkg("pytorch-python313-darwin-mps"));
        QVERIFY(huge->tooLarge && huge->text.isEmpty());
        QCOMPARE(huge->size, 1024 * 1024 + 10);
        const RecipeFile *cuda = f->recipe(pkg("pytorch-python313-cuda12_9-sm90-avx512"));
        QCOMPARE(cuda->variant->gpu, QString("sm90"));
        QCOMPARE(cuda->meta.gpuArch, QString("sm90"));
        QCOMPARE(cuda->blob.size(), 40);
        QVERIFY(f->recipe(pkg("pytorch-python313-cpu-avx2"))->text.contains("changed on feature/x"));
        QCOMPARE(f->mostCommonNixpkgsRev, QString(kRealisticRev));
        QCOMPARE(s.branch("release/ü-2.8")->mostCommonNixpkgsRev, QString(kRealisticRev)); // 3 of 5 still pin the newer one
    }

    void workingTreeOfTheCheckedOutBranch()
    {
        const RepositoryScan s = RepositoryScanner::scan(m_repo.path());
        const BranchScan *m = s.branch("main");
        const RecipeFile *added = m->recipe(pkg("pytorch-python313-cuda12_9-sm120-avx2"));
        QVERIFY(added);
        QCOMPARE(added->state, RecipeFile::State::New);
        QVERIFY(added->blob.isEmpty());
        QCOMPARE(added->meta.gpuArch, QString("sm120"));
        const RecipeFile *changed = m->recipe(pkg("pytorch-python313-cpu-avx512"));
        QCOMPARE(changed->state, RecipeFile::State::Modified);
        QCOMPARE(changed->meta.pname, QString("pytorch-python313-cpu-avx2")); // read from disk, not the blob
        QCOMPARE(m->recipe(pkg("pytorch-python313-cpu-armv9"))->state, RecipeFile::State::Deleted);
        QCOMPARE(m->recipe(pkg("pytorch-python313-cpu-avx2"))->state, RecipeFile::State::Committed);
        // Other branches never see the working tree.
        QVERIFY(!s.branch("feature/x")->recipe(pkg("pytorch-python313-cuda12_9-sm120-avx2")));
        QCOMPARE(s.branch("feature/x")->recipe(pkg("pytorch-python313-cpu-armv9"))->state, RecipeFile::State::Committed);

        ScanOptions committedOnly;
        committedOnly.includeWorkingTree = false;
        const RepositoryScan c = RepositoryScanner::scan(m_repo.path(), committedOnly);
        QVERIFY(!c.branch("main")->recipe(pkg("pytorch-python313-cuda12_9-sm120-avx2")));
        QCOMPARE(c.branch("main")->recipe(pkg("pytorch-python313-cpu-avx512"))->meta.pname, QString("pytorch-python313-cpu-avx512"));
    }

    void lintRunsOnEveryBranch()
    {
        const RepositoryScan s = RepositoryScanner::scan(m_repo.path());
        auto has = [&](const QString &branch, const QString &file, const QString &rule) {
            return std::any_of(s.problems.begin(), s.problems.end(),
                [&](const LintProblem &p) { return p.branch == branch && p.file == file && p.rule == rule; });
        };
        QVERIFY(has("main", ".flox/pkgs/default.nix", "naming"));
        QVERIFY(has("feature/x", pkg("pytorch-python313-cpu-avx"), "unreadable"));
        QVERIFY(has("main", pkg("pytorch-python313-cpu-avx512"), "cpu-flags-mismatch")); // the modified file
        QVERIFY(!has("main", pkg("pytorch-python313-cpu-armv9"), "naming")); // deleted: not checked
        QVERIFY(has("release/ü-2.8", pkg("pytorch-python313-cpu-avx2"), "nixpkgs-rev-differs"));
        ScanOptions noLint;
        noLint.lint = false;
        QVERIFY(RepositoryScanner::scan(m_repo.path(), noLint).problems.isEmpty());
    }

    void blobsAreReadOncePerScan()
    {
        // Distinct .nix blobs over all branches, as git lists them (the huge one too: its size
        // comes with it, its text is dropped).
        QSet<QString> blobs;
        for (const char *b : { "main", "feature/x", "release/ü-2.8", "no-pkgs" }) {
            QByteArray out;
            QVERIFY(m_repo.git({ "ls-tree", "-r", "-l", b, "--", ".flox/pkgs/" }, &out));
            for (const QByteArray &line : out.split('\n')) {
                const QList<QByteArray> f = line.simplified().split(' ');
                if (f.size() >= 5 && line.contains(".nix"))
                    blobs.insert(QString::fromLatin1(f[2]));
            }
        }
        int lastDone = -1, lastTotal = -1, calls = 0;
        const RepositoryScan s = RepositoryScanner::scan(m_repo.path(), {}, [&](int done, int total) {
            lastDone = done;
            lastTotal = total;
            ++calls;
            return true;
        });
        QVERIFY(s.ok());
        QCOMPARE(lastTotal, int(blobs.size()));
        QCOMPARE(lastDone, lastTotal);
        QCOMPARE(calls, lastTotal + 1);

        // A blob read once serves every recipe file that has it: all of them get its
        // content (the last one is handed the parsed result, the others a copy).
        QHash<QString, const RecipeFile *> first;
        int shared = 0;
        for (const BranchScan &b : s.branches) {
            for (const RecipeFile &r : b.recipes) {
                if (r.blob.isEmpty() || r.state != RecipeFile::State::Committed || r.symlink || r.tooLarge)
                    continue;
                if (const RecipeFile *f = first.value(r.blob)) {
                    shared += f->meta.pname.isEmpty() ? 0 : 1;
                    QCOMPARE(r.size, f->size);
                    QCOMPARE(r.meta.pname, f->meta.pname);
                    QCOMPARE(r.meta.cpuFlags, f->meta.cpuFlags);
                    QVERIFY(r.meta.lines == f->meta.lines);
                } else {
                    first.insert(r.blob, &r);
                }
            }
        }
        QVERIFY(shared >= 2); // the branches share most of main's recipes
    }

    // Each branch is handed on once, complete (working-tree changes of the checked-out
    // branch included), and exactly as the scan returns it.
    void branchFinishedSeesEachBranchComplete()
    {
        QMutex mutex;
        QMap<qsizetype, BranchScan> seen;
        int calls = 0;
        ScanOptions o;
        o.branchFinished = [&](qsizetype index, const BranchScan &b) {
            QMutexLocker lock(&mutex);
            ++calls;
            seen.insert(index, b);
        };
        const RepositoryScan s = RepositoryScanner::scan(m_repo.path(), o);
        QVERIFY2(s.ok(), qPrintable(s.error));
        QCOMPARE(calls, s.branches.size());
        QCOMPARE(seen.keys().size(), s.branches.size());
        for (qsizetype k = 0; k < s.branches.size(); ++k) {
            const BranchScan &got = seen.value(k), &want = s.branches[k];
            QCOMPARE(got.name, want.name);
            QCOMPARE(paths(got), paths(want));
            QCOMPARE(got.mostCommonNixpkgsRev, want.mostCommonNixpkgsRev);
            for (qsizetype i = 0; i < want.recipes.size(); ++i) {
                QCOMPARE(got.recipes[i].state, want.recipes[i].state);
                QCOMPARE(got.recipes[i].meta.pname, want.recipes[i].meta.pname);
                QCOMPARE(got.recipes[i].meta.cpuFlags, want.recipes[i].meta.cpuFlags);
            }
        }
        const BranchScan main = seen.value(s.branch("main") - s.branches.constData());
        auto stateOf = [&](const QString &path) {
            for (const RecipeFile &r : main.recipes)
                if (r.path == path)
                    return r.state;
            return RecipeFile::State::Committed;
        };
        QCOMPARE(stateOf(pkg("pytorch-python313-cuda12_9-sm120-avx2")), RecipeFile::State::New);
        QCOMPARE(stateOf(pkg("pytorch-python313-cpu-avx512")), RecipeFile::State::Modified);
        QCOMPARE(stateOf(pkg("pytorch-python313-cpu-armv9")), RecipeFile::State::Deleted);
        QVERIFY(!main.mostCommonNixpkgsRev.isEmpty());
    }

    // A branch whose blobs are read and parsed is finished while git still answers
    // for the next one: output made in branchFinished overlaps the read. (The read is
    // slowed down on purpose after the first branch, so that this does not hang on timing.)
    void branchesFinishDuringTheRead()
    {
        GitFixture g;
        constexpr int perBranch = 150;
        const QByteArray text = recipeText("pytorch-python313-cpu-avx2");
        for (int i = 0; i < perBranch; ++i)
            g.write(QStringLiteral(".flox/pkgs/a-%1.nix").arg(i), text + "# a " + QByteArray::number(i) + "\n");
        QVERIFY(g.commitAll("a"));
        QVERIFY(g.git({ "checkout", "-q", "-b", "b" }));
        for (int i = 0; i < perBranch; ++i)
            g.write(QStringLiteral(".flox/pkgs/a-%1.nix").arg(i), text + "# b " + QByteArray::number(i) + "\n");
        QVERIFY(g.commitAll("b"));
        g.write(QStringLiteral(".flox/pkgs/new.nix"), text); // the checked-out branch's working tree counts too
        QAtomicInt read = 0;
        QMutex mutex;
        QMap<QString, int> readWhenFinished;
        QMap<QString, qsizetype> recipes;
        ScanOptions o;
        o.branchFinished = [&](qsizetype, const BranchScan &b) {
            QMutexLocker lock(&mutex);
            readWhenFinished.insert(b.name, read.loadAcquire());
            recipes.insert(b.name, b.recipes.size());
        };
        const RepositoryScan s = RepositoryScanner::scan(g.path(), o, [&](int done, int) {
            read.storeRelease(done);
            if (done > perBranch + 64) // the first branch's blobs are all parsed by now
                QThread::msleep(2);
            return true;
        });
        QVERIFY2(s.ok(), qPrintable(s.error));
        QCOMPARE(readWhenFinished.size(), 2);
        QCOMPARE(s.branches.first().name, QString("b")); // checked out; its blobs are read first
        QVERIFY2(readWhenFinished.value("b") < 2 * perBranch,
            qPrintable(QStringLiteral("b finished after %1 of %2 blobs").arg(readWhenFinished.value("b")).arg(2 * perBranch)));
        QCOMPARE(readWhenFinished.value("main"), 2 * perBranch);
        QCOMPARE(recipes.value("b"), perBranch + 1);
        QCOMPARE(recipes.value("main"), perBranch);
        QCOMPARE(s.branches.first().recipes.size(), perBranch + 1);
        QCOMPARE(s.branches.first().recipes.last().state, RecipeFile::State::New);
        QVERIFY(!s.branches.first().recipes.first().meta.cpuFlags.isEmpty());
    }

    void cancel()
    {
        int calls = 0;
        const RepositoryScan s = RepositoryScanner::scan(m_repo.path(), {}, [&](int done, int) {
            ++calls;
            return done < 2;
        });
        QVERIFY(s.cancelled);
        QVERIFY(!s.ok());
        QCOMPARE(calls, 3);
        QVERIFY(s.problems.isEmpty());
    }

    void async()
    {
        QFuture<RepositoryScan> f = RepositoryScanner::scanAsync(m_repo.path());
        f.waitForFinished();
        QCOMPARE(names(f.result()), names(RepositoryScanner::scan(m_repo.path())));
        QCOMPARE(f.result().branch("main")->recipes.size(), 9);
    }

    void branchFilterAndRemotes()
    {
        ScanOptions only;
        only.branches = { "feature/x" };
        QCOMPARE(names(RepositoryScanner::scan(m_repo.path(), only)), QStringList { "feature/x" });

        QVERIFY(m_repo.git({ "update-ref", "refs/remotes/origin/main", m_featureCommit }));
        QVERIFY(m_repo.git({ "symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/main" }));
        QVERIFY(!names(RepositoryScanner::scan(m_repo.path())).contains("origin/main"));
        ScanOptions remotes;
        remotes.includeRemotes = true;
        const RepositoryScan s = RepositoryScanner::scan(m_repo.path(), remotes);
        QCOMPARE(names(s), QStringList({ "feature/x", "main", "no-pkgs", "release/ü-2.8", "origin/main" }));
        QVERIFY(s.branch("origin/main")->remote);
        QCOMPARE(s.branch("origin/main")->recipes.size(), s.branch("feature/x")->recipes.size());
        QVERIFY(m_repo.git({ "update-ref", "-d", "refs/remotes/origin/HEAD" }));
        QVERIFY(m_repo.git({ "update-ref", "-d", "refs/remotes/origin/main" }));
    }

    void catalogOverlayErrorsAreProblems()
    {
        GitFixture g;
        g.write(".flox/variant-studio.yaml", "gpuArchitectures:\n  - id: sm90\n    computeCapability: [oops\n");
        const RepositoryScan s = RepositoryScanner::scan(g.path());
        QVERIFY(s.ok());
        QVERIFY(!s.problems.isEmpty());
        QCOMPARE(s.problems.first().rule, QString("catalog"));
        QCOMPARE(s.problems.first().file, QString(".flox/variant-studio.yaml"));
        QVERIFY(s.problems.first().line > 0);
    }

    void emptyRepository()
    {
        GitFixture g;
        RepositoryScan s = RepositoryScanner::scan(g.path());
        QVERIFY2(s.ok(), qPrintable(s.error));
        QCOMPARE(s.currentBranch, QString("main"));
        QCOMPARE(names(s), QStringList { "main" });
        QVERIFY(s.branches.first().commit.isEmpty());
        QVERIFY(s.branches.first().recipes.isEmpty());
        // A first recipe, not committed yet.
        g.write(pkg("pytorch-python313-cpu-avx2"), recipeText("pytorch-python313-cpu-avx2"));
        s = RepositoryScanner::scan(g.path());
        QCOMPARE(s.branches.first().recipes.size(), 1);
        QCOMPARE(s.branches.first().recipes.first().state, RecipeFile::State::New);
        QVERIFY(s.branches.first().hasPkgsDir);
    }

    void notARepository()
    {
        QTemporaryDir plain;
        RepositoryScan s = RepositoryScanner::scan(plain.path());
        QCOMPARE(s.error, QString("not a git repository: %1").arg(plain.path()));
        QVERIFY(s.branches.isEmpty());
        s = RepositoryScanner::scan(plain.filePath("missing"));
        QCOMPARE(s.error, QString("no such folder: %1").arg(plain.filePath("missing")));
    }
};

QTEST_GUILESS_MAIN(TestRepositoryScanner)
#include "test_repository_scanner.moc"
