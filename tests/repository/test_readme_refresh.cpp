// ReadmeRefresh: where an inserted block lands (at the start of the cursor's line,
// on lines of its own), and every branch's README read and compared. Real git.
#include "repository/ReadmeBlocks.h"
#include "repository/ReadmeRefresh.h"
#include "repository/RepositoryScanner.h"
#include "support/GitFixture.h"

#include <QtTest>

using namespace vs;

class TestReadmeRefresh : public QObject {
    Q_OBJECT
private slots:
    void insertBlockAtTheCursorsLine()
    {
        const QString readme = QStringLiteral("# Title\nIntro line.\nTail without newline");
        // In the middle of "Intro line.": the block goes before that line.
        const QString inserted = ReadmeRefresh::insertBlock(readme, readme.indexOf(QStringLiteral("line.")), QStringLiteral("table"));
        QCOMPARE(inserted,
            QStringLiteral("# Title\n<!-- variant-studio:begin matrix -->\ntable\n<!-- variant-studio:end matrix -->\nIntro line.\n"
                           "Tail without newline"));
        QCOMPARE(ReadmeBlocks::parse(inserted).blocks.size(), 1);
        // At the very end of a README that does not end its line: a line of its own.
        const QString atEnd = ReadmeRefresh::insertBlock(readme, readme.size(), QStringLiteral("table"));
        QVERIFY(atEnd.startsWith(readme + QStringLiteral("\n<!-- variant-studio:begin matrix -->\n")));
        QVERIFY(ReadmeBlocks::parse(atEnd).error.isEmpty());
        QVERIFY(ReadmeRefresh::insertBlock(readme, 0, QStringLiteral("t")).startsWith("<!-- variant-studio:begin matrix -->\nt\n"));
        QCOMPARE(ReadmeRefresh::lineOffset(readme, 0), 0);
        QCOMPARE(ReadmeRefresh::lineOffset(readme, 2), readme.indexOf(QStringLiteral("Tail")));
        QCOMPARE(ReadmeRefresh::lineOffset(readme, 9), readme.size());
        QCOMPARE(ReadmeRefresh::insertBlock(QString(), 5, QStringLiteral("t")),
            ReadmeBlocks::block(QStringLiteral("matrix"), QStringLiteral("t")));
    }

    void statesOfEveryBranch()
    {
        test::GitFixture repo;
        QVERIFY(repo.write(".flox/pkgs/pytorch-python313-cpu-avx2.nix", "{ }\n"));
        QVERIFY(repo.write("README.md", "# A\n<!-- variant-studio:begin matrix -->\nold\n<!-- variant-studio:end matrix -->\n"));
        QVERIFY(repo.commitAll("main"));
        QVERIFY(repo.git({ "checkout", "-q", "-b", "plain" }));
        QVERIFY(repo.write("README.md", "# No markers\n"));
        QVERIFY(repo.commitAll("plain"));
        QVERIFY(repo.git({ "checkout", "-q", "-b", "broken" }));
        QVERIFY(repo.write("README.md", "<!-- variant-studio:begin matrix -->\n"));
        QVERIFY(repo.commitAll("broken"));
        QVERIFY(repo.git({ "checkout", "-q", "-b", "none" }));
        QVERIFY(repo.git({ "rm", "-q", "README.md" }));
        QVERIFY(repo.commitAll("none"));
        QVERIFY(repo.git({ "checkout", "-q", "main" }));

        const RepositoryScan scan = RepositoryScanner::scan(repo.path());
        QVERIFY2(scan.ok(), qPrintable(scan.error));
        using State = ReadmeRefresh::BranchReadme::State;
        QMap<QString, ReadmeRefresh::BranchReadme> by;
        for (const ReadmeRefresh::BranchReadme &r : ReadmeRefresh::check(scan))
            by.insert(r.branch, r);
        QCOMPARE(by.size(), 4);
        QCOMPARE(by["main"].state, State::Stale);
        QVERIFY(by["main"].updated.contains("| `plain` |") && !by["main"].updated.contains("\nold\n"));
        QCOMPARE(by["plain"].state, State::NoBlock);
        QCOMPARE(by["plain"].text, QStringLiteral("# No markers\n"));
        QCOMPARE(by["broken"].state, State::Broken);
        QVERIFY2(by["broken"].problem.contains("no end marker"), qPrintable(by["broken"].problem));
        QCOMPARE(by["none"].state, State::NoReadme);
        // Written once, the block is up to date.
        QCOMPARE(ReadmeBlocks::replace(by["main"].updated, "matrix", by["main"].block, nullptr), by["main"].updated);
    }
};

QTEST_GUILESS_MAIN(TestReadmeRefresh)
#include "test_readme_refresh.moc"
