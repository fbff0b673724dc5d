// `variant-studio edit … --dry-run`: what a named change would do to the recipes
// of several branches (both recipe shapes, links, unrecognised shapes), shown as
// unified diffs and JSON, with nothing written. Real git, the real executable.
#include "catalog/Catalog.h"
#include "repository/BranchEdit.h"
#include "repository/RealisticRecipe.h"
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
        QCOMPARE(app({ m_repo.path(), "set-pin", "main", "--dry-run" }, &out, &err), 2);
        QVERIFY(err.contains("40 hexadecimal digits"));
        QCOMPARE(app({ m_repo.path(), "bump", "--dry-run" }, &out, &err), 2);
        QCOMPARE(app({ m_repo.path(), "replace", "(", "x", "--dry-run" }, &out, &err), 2);
        QVERIFY(err.contains("regular expression"));
        QCOMPARE(app({ m_repo.path(), "--branch", "nope", "set-pin", kNew, "--dry-run" }, &out, &err), 2);
        QVERIFY(err.contains("no branch 'nope'"));
        QCOMPARE(refsAndStatus(), m_refsBefore);
    }

    // Without --dry-run: one commit per branch, all or none, the checked-out
    // branch's working tree brought along, the user's uncommitted work never touched.
    void applyCommitsEveryBranchAtOnce()
    {
        GitFixture repo;
        const QString old = "6a030d535719c5190187c4cec156f335e95e3211";
        const QString file = ".flox/pkgs/pytorch-python313-cpu-avx2.nix";
        QVERIFY(repo.write(file, pinned(old, "pytorch-python313-cpu-avx2")));
        QVERIFY(repo.write(".flox/pkgs/x/default.nix", pinned(old, "x")));
        QVERIFY(repo.commitAll("recipes"));
        QVERIFY(repo.git({ "branch", "pytorch-2.9-python313" }));
        QByteArray mainBefore, otherBefore;
        QVERIFY(repo.git({ "rev-parse", "main" }, &mainBefore));
        QVERIFY(repo.git({ "rev-parse", "pytorch-2.9-python313" }, &otherBefore));

        // A half-way failure (the second branch's ref is locked): no branch moves.
        QFile lock(repo.filePath(".git/refs/heads/pytorch-2.9-python313.lock"));
        QVERIFY(lock.open(QIODevice::WriteOnly));
        lock.close();
        QByteArray out, err;
        QCOMPARE(app({ repo.path(), "set-pin", kNew }, &out, &err), 1);
        QVERIFY2(err.contains("nothing was changed"), err.constData());
        QByteArray now;
        QVERIFY(repo.git({ "rev-parse", "main" }, &now));
        QCOMPARE(now, mainBefore);
        QVERIFY(QFile::remove(lock.fileName()));

        // Uncommitted work on a file the edit targets: refused, the work kept.
        QVERIFY(repo.write(file, pinned(old, "my-local-edit")));
        QCOMPARE(app({ repo.path(), "set-pin", kNew }, &out, &err), 1);
        QVERIFY2(err.contains("uncommitted changes") && err.contains(file.toUtf8()), err.constData());
        QFile local(repo.filePath(file));
        QVERIFY(local.open(QIODevice::ReadOnly));
        QVERIFY(local.readAll().contains("my-local-edit"));
        local.close();
        QVERIFY(repo.git({ "checkout", "--", file }));

        QCOMPARE(app({ repo.path(), "set-pin", kNew, "--json" }, &out, &err), 0);
        const QJsonObject root = QJsonDocument::fromJson(out).object();
        QCOMPARE(root["dryRun"].toBool(), false);
        const QJsonArray commits = root["commits"].toArray();
        QCOMPARE(commits.size(), 2);
        for (const QJsonValue &c : commits) {
            const QString branch = c["branch"].toString();
            QByteArray tip, parent, message, content;
            QVERIFY(repo.git({ "rev-parse", branch }, &tip));
            QCOMPARE(QString::fromLatin1(tip.trimmed()), c["commit"].toString());
            QVERIFY(repo.git({ "rev-parse", branch + "^" }, &parent));
            QCOMPARE(parent, branch == "main" ? mainBefore : otherBefore);
            QVERIFY(repo.git({ "log", "-1", "--format=%B", branch }, &message));
            QVERIFY2(message.startsWith("variant-studio edit: set-pin " + kNew.toUtf8()), message.constData());
            QVERIFY(message.contains(file.toUtf8()) && message.contains(".flox/pkgs/x/default.nix"));
            QVERIFY(repo.git({ "show", branch + ":" + file }, &content));
            QCOMPARE(content, pinned(kNew, "pytorch-python313-cpu-avx2")); // every other byte as it was
        }
        QByteArray status;
        QVERIFY(repo.git({ "status", "--porcelain" }, &status));
        QVERIFY2(status.isEmpty(), status.constData()); // the checked-out branch's files came along
        QFile afterFile(repo.filePath(file));
        QVERIFY(afterFile.open(QIODevice::ReadOnly));
        QCOMPARE(afterFile.readAll(), pinned(kNew, "pytorch-python313-cpu-avx2"));

        // Again: everything is already so, nothing to commit.
        QCOMPARE(app({ repo.path(), "set-pin", kNew }, &out, &err), 0);
        QVERIFY2(out.contains("0 file(s) changed on 0 branch(es), 4 already so"), out.constData());
        QByteArray tipAfter;
        QVERIFY(repo.git({ "rev-parse", "main" }, &tipAfter));
        QCOMPARE(QString::fromLatin1(tipAfter.trimmed()),
            commits[0]["branch"].toString() == "main" ? commits[0]["commit"].toString() : commits[1]["commit"].toString());
    }

    // A change that makes lint find a new error is shown and not applied unless insisted on.
    void newLintErrorsBlockTheApply()
    {
        GitFixture repo;
        const QString file = ".flox/pkgs/pytorch-python313-cpu-avx2.nix";
        const QString text = realisticRecipe(Catalog::embedded(), "pytorch-python313-cpu-avx2");
        QVERIFY(text.contains("\"-mavx2\""));
        QVERIFY(repo.write(file, text.toUtf8()));
        QVERIFY(repo.commitAll("recipe"));
        QByteArray before;
        QVERIFY(repo.git({ "rev-parse", "main" }, &before));
        QByteArray out, err;
        QCOMPARE(app({ repo.path(), "replace", "\"-mavx2\"", "\"-mavx512f\"", "--dry-run" }, &out, &err), 0);
        QVERIFY2(out.contains("New lint errors the change brings:") && out.contains("[cpu-flags-mismatch]"), out.constData());
        QCOMPARE(app({ repo.path(), "replace", "\"-mavx2\"", "\"-mavx512f\"" }, &out, &err), 1);
        QVERIFY2(err.contains("new lint error") && err.contains("cpu-flags-mismatch"), err.constData());
        QByteArray now;
        QVERIFY(repo.git({ "rev-parse", "main" }, &now));
        QCOMPARE(now, before);
        QCOMPARE(app({ repo.path(), "replace", "\"-mavx2\"", "\"-mavx512f\"", "--allow-new-errors" }, &out, &err), 0);
        QVERIFY(repo.git({ "rev-parse", "main" }, &now));
        QVERIFY(now != before);
        // A change that fixes nothing and breaks nothing brings no new error.
        QCOMPARE(app({ repo.path(), "set", "ninjaFlags", "[ \"-j8\" ]", "--dry-run" }, &out, &err), 0);
        QVERIFY(!out.contains("New lint errors"));
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
