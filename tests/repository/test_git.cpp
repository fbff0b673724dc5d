#include "repository/Git.h"
#include "support/GitFixture.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace vs;
using namespace vs::test;

class TestGit : public QObject {
    Q_OBJECT

    static QString canonical(const QString &path) { return QFileInfo(path).canonicalFilePath(); }

private slots:
    void currentBranchOnABranch()
    {
        GitFixture repo;
        QVERIFY(repo.write(QStringLiteral("README.md"), "hello\n"));
        QVERIFY(repo.commitAll(QStringLiteral("first")));
        QVERIFY(repo.git({ QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("pytorch-2.9") }));
        const Git git(repo.path());
        QCOMPARE(git.currentBranch(), QStringLiteral("pytorch-2.9"));
        const Git::Head head = git.head();
        QVERIFY(!head.detached);
        QVERIFY(head.result.ok());

        // A tag of the same name makes `symbolic-ref --short` say "heads/main"; the branch is still "main".
        QVERIFY(repo.git({ QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main") }));
        QVERIFY(repo.git({ QStringLiteral("tag"), QStringLiteral("main") }));
        QCOMPARE(git.currentBranch(), QStringLiteral("main"));
    }

    void currentBranchOnADetachedHead()
    {
        GitFixture repo;
        QVERIFY(repo.write(QStringLiteral("README.md"), "hello\n"));
        QVERIFY(repo.commitAll(QStringLiteral("first")));
        QVERIFY(repo.git({ QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("--detach") }));
        const Git::Head head = Git(repo.path()).head();
        QVERIFY(head.branch.isEmpty());
        QVERIFY(head.detached);
        QVERIFY(head.result.started());
        QVERIFY(Git(repo.path()).currentBranch().isEmpty());
    }

    void currentBranchOnAnUnbornBranch()
    {
        GitFixture repo; // git init -b main: no commit yet
        const Git git(repo.path());
        QCOMPARE(git.currentBranch(), QStringLiteral("main"));
        QVERIFY(!git.head().detached);
        QVERIFY(!git.branchExists(QStringLiteral("main"))); // no commit, so no branch ref yet
        QVERIFY(git.revParse(QStringLiteral("HEAD")).isEmpty());

        QVERIFY(repo.write(QStringLiteral("README.md"), "hello\n"));
        QVERIFY(repo.commitAll(QStringLiteral("first")));
        QVERIFY(repo.git({ QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("--orphan"), QStringLiteral("fresh") }));
        QCOMPARE(git.currentBranch(), QStringLiteral("fresh"));
    }

    void noRepository()
    {
        QTemporaryDir plain;
        const Git git(plain.path());
        QVERIFY(!git.isRepository());
        QVERIFY(git.topLevel().isEmpty());
        const Git::Head head = git.head();
        QVERIFY(head.branch.isEmpty());
        QVERIFY(!head.detached);
        QVERIFY(head.result.started()); // git ran and said no
        QVERIFY2(head.result.errorText().contains(QLatin1String("not a git repository")), qPrintable(head.result.errorText()));
    }

    void typedHelpers()
    {
        GitFixture repo;
        QVERIFY(repo.write(QStringLiteral("sub/README.md"), "hello\n"));
        QVERIFY(repo.commitAll(QStringLiteral("first")));
        QByteArray head;
        QVERIFY(repo.git({ QStringLiteral("rev-parse"), QStringLiteral("HEAD") }, &head));

        const Git inSub(repo.filePath(QStringLiteral("sub")));
        QVERIFY(inSub.isRepository());
        QCOMPARE(canonical(inSub.topLevel()), canonical(repo.path()));
        QCOMPARE(inSub.revParse(QStringLiteral("HEAD")), QString::fromLatin1(head.trimmed()));
        QCOMPARE(inSub.revParse(QStringLiteral("main^{commit}")), QString::fromLatin1(head.trimmed()));
        QVERIFY(inSub.revParse(QStringLiteral("no-such-branch")).isEmpty());
        // An option-like name is a revision to look up, never an option of rev-parse.
        QVERIFY(inSub.revParse(QStringLiteral("--all")).isEmpty());
        QVERIFY(inSub.branchExists(QStringLiteral("main")));
        QVERIFY(!inSub.branchExists(QStringLiteral("nope")));
        QVERIFY(!inSub.branchExists(QString()));
    }

    void addStagesPathsThatLookLikeOptions()
    {
        GitFixture repo;
        QVERIFY(repo.write(QStringLiteral("README.md"), "hello\n"));
        QVERIFY(repo.commitAll(QStringLiteral("first")));
        QVERIFY(repo.write(QStringLiteral("--all"), "a file named like an option\n"));
        QVERIFY(repo.write(QStringLiteral("other"), "not to be staged\n"));
        const GitResult added = Git(repo.path()).add({ QStringLiteral("--all") });
        QVERIFY2(added.ok(), qPrintable(added.message));
        QByteArray staged;
        QVERIFY(repo.git({ QStringLiteral("diff"), QStringLiteral("--cached"), QStringLiteral("--name-only") }, &staged));
        QCOMPARE(staged, QByteArray("--all\n"));
    }

    void fixedEnvironment()
    {
        // A stand-in "git" that prints what it was given.
        QTemporaryDir dir;
        const QString program = dir.filePath(QStringLiteral("git-env"));
        QVERIFY(writeExecutable(program,
            "printf 'args=%s\\n' \"$*\"\nprintf 'LC_ALL=%s\\n' \"$LC_ALL\"\n"
            "printf 'PROMPT=%s\\n' \"$GIT_TERMINAL_PROMPT\"\nprintf 'LOCKS=%s\\n' \"${GIT_OPTIONAL_LOCKS-unset}\"\n"));
        const Git git(dir.path(), program);
        QCOMPARE(git.program(), program);
        const GitResult read = git.run({ QStringLiteral("status") });
        QVERIFY2(read.ok(), qPrintable(read.message));
        QCOMPARE(read.outText(), QStringLiteral("args=status\nLC_ALL=C\nPROMPT=0\nLOCKS=0"));
        const GitResult write = git.run({ QStringLiteral("commit") }, Git::Access::Write);
        QCOMPARE(write.outText(), QStringLiteral("args=commit\nLC_ALL=C\nPROMPT=0\nLOCKS=unset"));
        const GitResult add = git.add({ QStringLiteral("a b") });
        QVERIFY(add.outText().startsWith(QLatin1String("args=add -- a b\n")));
        QVERIFY(add.outText().endsWith(QLatin1String("LOCKS=unset")));
    }

    void configuredProgramThatDoesNotExist()
    {
        GitFixture repo;
        QTemporaryDir dir;
        const QString absent = dir.filePath(QStringLiteral("bin/git"));
        const Git git(repo.path(), absent);
        const GitResult r = git.run({ QStringLiteral("status") });
        QCOMPARE(r.error, ProcessError::NotFound);
        QVERIFY(!r.started());
        QVERIFY2(r.message.contains(absent), qPrintable(r.message));
        QCOMPARE(r.errorText(), r.message);
        const Git::Head head = git.head();
        QVERIFY(head.branch.isEmpty());
        QVERIFY(!head.detached);
        QVERIFY(!head.result.started());
        QVERIFY(!git.isRepository());

        // An empty setting means the default.
        QCOMPARE(Git(repo.path(), QString()).program(), QStringLiteral("git"));
        QCOMPARE(Git(repo.path(), QString()).currentBranch(), QStringLiteral("main"));
    }

    void timeoutApplies()
    {
        QTemporaryDir dir;
        const QString program = dir.filePath(QStringLiteral("slow-git"));
        QVERIFY(writeExecutable(program, "exec sleep 60\n"));
        Git git(dir.path(), program);
        git.setTimeout(300);
        QElapsedTimer t;
        t.start();
        const GitResult r = git.run({ QStringLiteral("status") });
        QCOMPARE(r.error, ProcessError::TimedOut);
        QVERIFY(t.elapsed() < 20000);
        QVERIFY2(r.errorText().contains(QLatin1String("did not finish")), qPrintable(r.errorText()));
    }
};

QTEST_GUILESS_MAIN(TestGit)
#include "test_git.moc"
