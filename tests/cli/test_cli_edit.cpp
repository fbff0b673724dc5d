// `variant-studio edit … --dry-run`: what a named change would do to the recipes
// of several branches (both recipe shapes, links, unrecognised shapes), shown as
// unified diffs and JSON, with nothing written. Real git, the real executable.
#include "repository/BranchEdit.h"
#include "support/GitFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace vs;
using namespace vs::test;

namespace {
const QString kNew = QStringLiteral("0182a361324364ae3f436a63005877674cf45efb");

QByteArray pinned(const QString &rev, const QString &pname)
{
    return QStringLiteral(
        "# a comment that stays\n{ pkgs ? import <nixpkgs> {} }:\nlet\n  nixpkgs_pinned = import (builtins.fetchTarball {\n"
        "    url = \"https://github.com/NixOS/nixpkgs/archive/%1.tar.gz\";\n  }) { };\n"
        "in nixpkgs_pinned.python313Packages.torch.overrideAttrs (old: {\n  pname = \"%2\";\n  ninjaFlags = [ \"-j32\" ];\n})\n")
        .arg(rev, pname)
        .toUtf8();
}

int app(const QStringList &args, QByteArray *out, QByteArray *err)
{
    return runProgram(VS_APP_PATH, QStringList { "edit" } + args, {}, out, err);
}
} // namespace

class TestCliEdit : public QObject {
    Q_OBJECT
    GitFixture m_repo;
    QByteArray m_refsBefore;

    QByteArray refsAndStatus()
    {
        QByteArray refs, status;
        m_repo.git({ "for-each-ref", "--format=%(refname) %(objectname)" }, &refs);
        m_repo.git({ "status", "--porcelain" }, &status);
        return refs + status;
    }

private slots:
    void initTestCase()
    {
        const QString old = "6a030d535719c5190187c4cec156f335e95e3211";
        QVERIFY(m_repo.write(".flox/pkgs/pytorch-python313-cpu-avx2.nix", pinned(old, "pytorch-python313-cpu-avx2")));
        QVERIFY(m_repo.write(".flox/pkgs/pytorch-python313-cpu-avx512/default.nix", pinned(old, "pytorch-python313-cpu-avx512")));
        QVERIFY(m_repo.write(".flox/pkgs/torchaudio-python313-cpu-avx2.nix", "{ python3Packages }: python3Packages.torchaudio\n"));
        QVERIFY(QFile::link("pytorch-python313-cpu-avx2.nix", m_repo.filePath(".flox/pkgs/pytorch-python313-cpu-avx.nix")));
        QVERIFY(m_repo.commitAll("main recipes"));
        QVERIFY(m_repo.git({ "checkout", "-q", "-b", "pytorch-2.9-python313" }));
        QVERIFY(m_repo.write(".flox/pkgs/pytorch-python313-cpu-avx2.nix", pinned(kNew, "pytorch-python313-cpu-avx2")));
        QVERIFY(m_repo.commitAll("already on the new pin"));
        QVERIFY(m_repo.git({ "checkout", "-q", "main" }));
        m_refsBefore = refsAndStatus();
    }

    void dryRunShowsDiffsAndWhatIsLeftAlone()
    {
        QByteArray out, err;
        QCOMPARE(app({ m_repo.path(), "set-pin", kNew, "--dry-run" }, &out, &err), 0);
        const QString text = QString::fromUtf8(out);
        QVERIFY2(text.contains(
                     "--- a/.flox/pkgs/pytorch-python313-cpu-avx2.nix\n+++ b/.flox/pkgs/pytorch-python313-cpu-avx2.nix\n@@ -2,7 +2,7 @@\n"),
            out.constData());
        QVERIFY(text.contains("-    url = \"https://github.com/NixOS/nixpkgs/archive/6a030d535719c5190187c4cec156f335e95e3211.tar.gz\";\n"
                              "+    url = \"https://github.com/NixOS/nixpkgs/archive/"
            + kNew + ".tar.gz\";\n"));
        QVERIFY(text.contains("+++ b/.flox/pkgs/pytorch-python313-cpu-avx512/default.nix"));
        QVERIFY2(text.contains("3 file(s) would change on 2 branch(es), 1 already so, 2 not recognised, 2 skipped"), out.constData());
        QVERIFY(text.contains("main:.flox/pkgs/torchaudio-python313-cpu-avx2.nix: not-recognised: no nixpkgs fetchTarball pin"));
        QVERIFY(text.contains("main:.flox/pkgs/pytorch-python313-cpu-avx.nix: skipped: a symbolic link"));
        QCOMPARE(refsAndStatus(), m_refsBefore); // nothing written, nothing committed
    }

    void jsonBranchesAndCells()
    {
        QByteArray out, err;
        QCOMPARE(app({ m_repo.path(), "--branch", "main", "--cells", "pytorch-*-avx2", "set", "ninjaFlags", "[ \"-j16\" ]", "--dry-run",
                         "--json" },
                     &out, &err),
            0);
        QJsonParseError e;
        const QJsonObject root = QJsonDocument::fromJson(out, &e).object();
        QCOMPARE(e.error, QJsonParseError::NoError);
        QCOMPARE(root["operation"].toString(), QStringLiteral("set ninjaFlags = [ \"-j16\" ]"));
        QCOMPARE(root["dryRun"].toBool(), true);
        const QJsonArray files = root["files"].toArray();
        QCOMPARE(files.size(), 1);
        QCOMPARE(files[0]["branch"].toString(), QStringLiteral("main"));
        QCOMPARE(files[0]["outcome"].toString(), QStringLiteral("changed"));
        QCOMPARE(files[0]["lines"].toArray(), QJsonArray { 9 });
        QVERIFY(files[0]["diff"].toString().contains("+  ninjaFlags = [ \"-j16\" ];\n"));
        QCOMPARE(root["counts"]["changed"].toInt(), 1);
        QCOMPARE(refsAndStatus(), m_refsBefore);
    }

    void refusals()
    {
        QByteArray out, err;
        QCOMPARE(app({ m_repo.path(), "set-pin", kNew }, &out, &err), 2); // no --dry-run: this version writes nothing
        QVERIFY2(err.contains("--dry-run"), err.constData());
        QCOMPARE(app({ m_repo.path(), "set-pin", "main", "--dry-run" }, &out, &err), 2);
        QVERIFY(err.contains("40 hexadecimal digits"));
        QCOMPARE(app({ m_repo.path(), "bump", "--dry-run" }, &out, &err), 2);
        QCOMPARE(app({ m_repo.path(), "replace", "(", "x", "--dry-run" }, &out, &err), 2);
        QVERIFY(err.contains("regular expression"));
        QCOMPARE(app({ m_repo.path(), "--branch", "nope", "set-pin", kNew, "--dry-run" }, &out, &err), 2);
        QVERIFY(err.contains("no branch 'nope'"));
        QCOMPARE(refsAndStatus(), m_refsBefore);
    }

    void unifiedDiffHunks()
    {
        QString before, after;
        for (int i = 1; i <= 30; ++i) {
            before += QStringLiteral("line %1\n").arg(i);
            after += (i == 5 || i == 25 ? QStringLiteral("LINE %1\n") : QStringLiteral("line %1\n")).arg(i);
        }
        const QString diff = BranchEdit::unifiedDiff("x.nix", before, after);
        QCOMPARE(diff.count(QStringLiteral("@@ ")), 2); // far apart: two hunks
        QVERIFY(diff.contains("@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n+LINE 5\n line 6\n"));
        QVERIFY(diff.contains("@@ -22,7 +22,7 @@\n"));
        QCOMPARE(BranchEdit::unifiedDiff("x.nix", before, before), QStringLiteral("--- a/x.nix\n+++ b/x.nix\n"));
    }
};

QTEST_GUILESS_MAIN(TestCliEdit)
#include "test_cli_edit.moc"
