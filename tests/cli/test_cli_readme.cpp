// `variant-studio readme`: the generated block of every branch's README.md, found
// stale or missing by --check and rewritten by --write (one commit per branch, the
// author's text outside the markers byte for byte). Real git, the real executable.
#include "support/GitFixture.h"

#include <QtTest>

using namespace vs::test;

namespace {
int app(const QStringList &args, QByteArray *out, QByteArray *err)
{
    return runProgram(VS_APP_PATH, QStringList { "readme" } + args, {}, out, err);
}

const QByteArray kReadme = "# Build repository\r\n\nHand-written intro.\n\n<!-- variant-studio:begin matrix -->\n"
                           "| stale | table |\n<!-- variant-studio:end matrix -->\n\nHand-written tail, no newline at the end";
} // namespace

class TestCliReadme : public QObject {
    Q_OBJECT
private slots:
    void checkThenWriteThenCheck()
    {
        GitFixture repo;
        QVERIFY(repo.write(".flox/pkgs/pytorch-python313-cuda12_9-sm90-avx512.nix", "{ }\n"));
        QVERIFY(repo.write(".flox/pkgs/pytorch-python313-cpu-avx2.nix", "{ }\n"));
        QVERIFY(repo.write("README.md", kReadme));
        QVERIFY(repo.commitAll("main"));
        QVERIFY(repo.git({ "checkout", "-q", "-b", "pytorch-2.9-python312" }));
        QVERIFY(repo.write(".flox/pkgs/pytorch-python312-cuda12_8-sm86-avx2.nix", "{ }\n"));
        QVERIFY(repo.commitAll("2.9"));
        QVERIFY(repo.git({ "checkout", "-q", "-b", "no-markers", "main" }));
        QVERIFY(repo.write("README.md", "# No markers here\n"));
        QVERIFY(repo.commitAll("plain readme"));
        QVERIFY(repo.git({ "checkout", "-q", "main" }));

        QByteArray out, err;
        QCOMPARE(app({ repo.path(), "--check" }, &out, &err), 1);
        QVERIFY2(out.contains("main: stale") && out.contains("pytorch-2.9-python312: stale"), out.constData());
        QVERIFY(out.contains("no-markers: README.md: no block 'matrix'"));

        QCOMPARE(app({ repo.path(), "--write", "--branch", "main", "--branch", "pytorch-2.9-python312" }, &out, &err), 0);
        QVERIFY2(out.contains("committed") && out.contains("Nothing was pushed."), out.constData());
        QByteArray status;
        QVERIFY(repo.git({ "status", "--porcelain" }, &status));
        QVERIFY2(status.isEmpty(), status.constData());

        QByteArray mainReadme, otherReadme;
        QVERIFY(repo.git({ "show", "main:README.md" }, &mainReadme));
        QVERIFY(repo.git({ "show", "pytorch-2.9-python312:README.md" }, &otherReadme));
        for (const QByteArray &r : { mainReadme, otherReadme }) {
            QVERIFY(r.startsWith("# Build repository\r\n\nHand-written intro.\n\n<!-- variant-studio:begin matrix -->\n"));
            QVERIFY(r.endsWith("<!-- variant-studio:end matrix -->\n\nHand-written tail, no newline at the end"));
            QVERIFY(!r.contains("| stale | table |"));
            QVERIFY(r.contains("| `pytorch-2.9-python312` |") && r.contains("| `main` |"));
        }
        QVERIFY(mainReadme.contains("### Build matrix: main") && mainReadme.contains("2 recipe file(s)"));
        QVERIFY(otherReadme.contains("### Build matrix: pytorch-2.9-python312") && otherReadme.contains("3 recipe file(s)"));
        QVERIFY(otherReadme.contains("12.8, 12.9"));
        // The table of all branches is the same text on every branch.
        const auto allBranches = [](const QByteArray &r) { return r.mid(r.indexOf("### All branches")); };
        QCOMPARE(allBranches(mainReadme), allBranches(otherReadme));

        QCOMPARE(app({ repo.path(), "--check", "--branch", "main", "--branch", "pytorch-2.9-python312" }, &out, &err), 0);
        QVERIFY2(out.contains("main: up to date"), out.constData());
        QCOMPARE(app({ repo.path(), "--check", "--write" }, &out, &err), 2);
    }

    void uncommittedReadmeIsNotOverwritten()
    {
        GitFixture repo;
        QVERIFY(repo.write(".flox/pkgs/pytorch-python313-cpu-avx2.nix", "{ }\n"));
        QVERIFY(repo.write("README.md", kReadme));
        QVERIFY(repo.commitAll("main"));
        QVERIFY(repo.write("README.md", kReadme + "\nmy unsaved notes\n"));
        QByteArray out, err;
        QCOMPARE(app({ repo.path(), "--write" }, &out, &err), 1);
        QVERIFY2(err.contains("uncommitted changes"), err.constData());
        QFile f(repo.filePath("README.md"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().endsWith("my unsaved notes\n"));
    }
};

QTEST_GUILESS_MAIN(TestCliReadme)
#include "test_cli_readme.moc"
