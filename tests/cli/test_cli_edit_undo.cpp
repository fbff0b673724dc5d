// `variant-studio edit REPO undo` and `edit REPO regenerate`, with the real
// executable on real git repositories: undo reverts the last edit's commits on
// every branch in one transaction and refuses when a branch moved since;
// regenerate rewrites generated recipes and never a hand-made one unless chosen.
#include "catalog/Catalog.h"
#include "recipes/RecipeGenerator.h"
#include "repository/RealisticRecipe.h"
#include "support/GitFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace vs;
using namespace vs::test;

namespace {
const QString kOld = QStringLiteral("6a030d535719c5190187c4cec156f335e95e3211");
const QString kNew = QStringLiteral("0182a361324364ae3f436a63005877674cf45efb");
const QString kOther = QStringLiteral("pytorch-2.9-python313");
const QString kFile = QStringLiteral(".flox/pkgs/pytorch-python313-cpu-avx2.nix");

int app(const QStringList &args, QByteArray *out, QByteArray *err)
{
    return runProgram(VS_APP_PATH, QStringList { "edit" } + args, {}, out, err);
}

QByteArray show(GitFixture &repo, const QString &object)
{
    QByteArray out;
    repo.git({ "show", object }, &out);
    return out;
}

QString generated(const QString &variant, const QString &branch, const QString &rev)
{
    const Catalog &catalog = Catalog::embedded();
    const RecipeGenerator::Result r
        = RecipeGenerator(catalog).generate(*VariantName::parse(variant), catalog.profileForBranch(branch), rev);
    return r.text;
}
} // namespace

class TestCliEditUndo : public QObject {
    Q_OBJECT

    // Two branches with the same realistic recipe, main checked out.
    void makeRepository(GitFixture &repo)
    {
        QVERIFY(repo.write(kFile, realisticRecipe(Catalog::embedded(), *VariantName::parse("pytorch-python313-cpu-avx2"), kOld).toUtf8()));
        QVERIFY(repo.commitAll("recipes"));
        QVERIFY(repo.git({ "branch", kOther }));
    }

private slots:
    void undoRevertsEveryBranchOfTheLastEdit()
    {
        GitFixture repo;
        makeRepository(repo);
        const QString mainBefore = repo.revParse("main"), otherBefore = repo.revParse(kOther);
        const QByteArray original = show(repo, "main:" + kFile);
        QByteArray out, err;
        QCOMPARE(app({ repo.path(), "undo" }, &out, &err), 1);
        QVERIFY2(err.contains("no edit to undo"), err.constData());

        QCOMPARE(app({ repo.path(), "set-pin", kNew, "--json" }, &out, &err), 0);
        const QJsonObject applied = QJsonDocument::fromJson(out).object();
        const QString id = applied["editId"].toString();
        QVERIFY(!id.isEmpty());
        const QString mainEdit = repo.revParse("main"), otherEdit = repo.revParse(kOther);
        QVERIFY(mainEdit != mainBefore && otherEdit != otherBefore);
        QByteArray trailer;
        QVERIFY(repo.git({ "log", "-1", "--format=%(trailers:key=Variant-Studio-Edit,valueonly)", kOther }, &trailer));
        QCOMPARE(QString::fromLatin1(trailer.trimmed()), id); // the id the output names is in the commit
        QVERIFY(text(show(repo, "main:" + kFile)).contains(kNew));

        // A dry run finds the edit and writes nothing.
        QCOMPARE(app({ repo.path(), "undo", "--dry-run" }, &out, &err), 0);
        QVERIFY2(out.contains("Would undo edit " + id.toUtf8()), out.constData());
        QCOMPARE(repo.revParse("main"), mainEdit);

        QCOMPARE(app({ repo.path(), "undo", "--json" }, &out, &err), 0);
        const QJsonObject undone = QJsonDocument::fromJson(out).object();
        QCOMPARE(undone["editId"].toString(), id);
        QVERIFY2(undone["title"].toString().startsWith("variant-studio edit: set-pin"), out.constData());
        const QJsonArray commits = undone["commits"].toArray();
        QCOMPARE(commits.size(), 2);
        for (const QJsonValue &c : commits) {
            const QString branch = c["branch"].toString();
            QCOMPARE(repo.revParse(branch), c["commit"].toString());
            QCOMPARE(repo.revParse(branch + "^"), branch == "main" ? mainEdit : otherEdit); // a revert on top, history kept
            QCOMPARE(c["reverted"].toString(), branch == "main" ? mainEdit : otherEdit);
            QCOMPARE(show(repo, branch + ":" + kFile), original); // byte for byte what it was
            QCOMPARE(repo.revParse(branch + "^{tree}"), repo.revParse((branch == "main" ? mainBefore : otherBefore) + "^{tree}"));
        }
        QByteArray status;
        QVERIFY(repo.git({ "status", "--porcelain" }, &status));
        QVERIFY2(status.isEmpty(), status.constData());
        QFile onDisk(repo.filePath(kFile));
        QVERIFY(onDisk.open(QIODevice::ReadOnly));
        QCOMPARE(onDisk.readAll(), original); // the checked-out branch's file came back too

        // Undoing again: already undone, nothing moves.
        const QString afterUndo = repo.revParse("main");
        QCOMPARE(app({ repo.path(), "undo" }, &out, &err), 1);
        QVERIFY2(err.contains("already undone"), err.constData());
        QCOMPARE(repo.revParse("main"), afterUndo);
    }

    void undoRefusesWhenABranchMovedSince()
    {
        GitFixture repo;
        makeRepository(repo);
        QByteArray out, err;
        QCOMPARE(app({ repo.path(), "set", "ninjaFlags", "[ \"-j8\" ]" }, &out, &err), 0);
        const QString mainEdit = repo.revParse("main");
        // Someone commits on the other branch after the edit.
        QVERIFY(repo.git({ "checkout", "-q", kOther }));
        QVERIFY(repo.write("NOTES.md", "later work\n"));
        QVERIFY(repo.commitAll("later work"));
        QVERIFY(repo.git({ "checkout", "-q", "main" }));
        const QString otherMoved = repo.revParse(kOther);

        QCOMPARE(app({ repo.path(), "undo" }, &out, &err), 1);
        QVERIFY2(err.contains("cannot be undone as a whole")
                && err.contains("'" + kOther.toUtf8() + "' is at " + otherMoved.left(12).toUtf8()) && err.contains("nothing was undone"),
            err.constData());
        QCOMPARE(repo.revParse("main"), mainEdit); // all or none: main stays too
        QCOMPARE(repo.revParse(kOther), otherMoved);

        // Uncommitted work on a file the undo would restore: refused, kept.
        QVERIFY(repo.write(kFile, "my local work\n"));
        QCOMPARE(app({ repo.path(), "undo", "--branch", "main" }, &out, &err), 1);
        QVERIFY2(err.contains("uncommitted changes"), err.constData());
        QFile local(repo.filePath(kFile));
        QVERIFY(local.open(QIODevice::ReadOnly));
        QCOMPARE(local.readAll(), QByteArray("my local work\n"));
        local.close();
        QVERIFY(repo.git({ "checkout", "--", kFile }));

        // The branch that did not move can be undone on its own.
        QCOMPARE(app({ repo.path(), "undo", "--branch", "main" }, &out, &err), 0);
        QVERIFY2(out.contains("main: reverted " + mainEdit.left(12).toUtf8()), out.constData());
        QCOMPARE(repo.revParse("main^"), mainEdit);
        QVERIFY(!text(show(repo, "main:" + kFile)).contains("-j8"));
        QCOMPARE(repo.revParse(kOther), otherMoved);
        QCOMPARE(app({ repo.path(), "undo", "--branch", "main", "--cells", "x" }, &out, &err), 2);
    }

    void regenerateRewritesGeneratedRecipesAndKeepsHandMadeOnes()
    {
        GitFixture repo;
        const QString variant = "pytorch-python313-cpu-avx2", handMade = "pytorch-python313-cpu-avx512";
        const QString current = generated(variant, "main", kOld);
        QVERIFY(current.contains("# Generated by Variant Studio"));
        // What an older template wrote: the same recipe with a line that is gone now.
        QString older = current;
        older.replace("{ pkgs ? import <nixpkgs> {} }:\n", "{ pkgs ? import <nixpkgs> {} }:\n# old template line\n");
        QVERIFY(older != current);
        QVERIFY(repo.write(".flox/pkgs/" + variant + ".nix", older.toUtf8()));
        const QByteArray hand = realisticRecipe(Catalog::embedded(), *VariantName::parse(handMade), kOld).toUtf8();
        QVERIFY(repo.write(".flox/pkgs/" + handMade + ".nix", hand));
        QVERIFY(repo.write(".flox/pkgs/my-experiment.nix", "{ }: { }\n"));
        QVERIFY(repo.commitAll("recipes"));
        const QString before = repo.revParse("main");

        QByteArray out, err;
        QCOMPARE(app({ repo.path(), "regenerate", "--dry-run" }, &out, &err), 0);
        const QString text = QString::fromUtf8(out);
        QVERIFY2(text.contains("-# old template line\n"), out.constData());
        QVERIFY(text.contains(
            "regenerate (dry run, nothing written): 1 file(s) would change on 1 branch(es), 0 already so, 1 not recognised, 1 skipped"));
        QVERIFY(text.contains("main:.flox/pkgs/" + handMade + ".nix: skipped: hand-made"));
        QVERIFY(text.contains("--overwrite " + handMade));
        QVERIFY(text.contains("main:.flox/pkgs/my-experiment.nix: not-recognised: the file name is not a variant"));
        QVERIFY(text.contains("# left alone on branch main (what regenerating it would change)\n--- a/.flox/pkgs/" + handMade + ".nix"));
        QCOMPARE(repo.revParse("main"), before);

        QCOMPARE(app({ repo.path(), "regenerate" }, &out, &err), 0);
        QCOMPARE(show(repo, "main:.flox/pkgs/" + variant + ".nix"), current.toUtf8()); // what the generator writes, its pin kept
        QCOMPARE(show(repo, "main:.flox/pkgs/" + handMade + ".nix"), hand); // never overwritten silently
        QVERIFY(show(repo, "main^:.flox/pkgs/" + variant + ".nix") == older.toUtf8());

        // Chosen by name, the hand-made one is regenerated too; --cells narrows.
        QCOMPARE(app({ repo.path(), "regenerate", "--cells", "*-avx512", "--overwrite", handMade, "--json" }, &out, &err), 0);
        const QJsonObject root = QJsonDocument::fromJson(out).object();
        QCOMPARE(root["counts"]["changed"].toInt(), 1);
        QCOMPARE(root["files"].toArray().size(), 1);
        QCOMPARE(show(repo, "main:.flox/pkgs/" + handMade + ".nix"), generated(handMade, "main", kOld).toUtf8());
        QCOMPARE(app({ repo.path(), "set-pin", kNew, "--overwrite", handMade, "--dry-run" }, &out, &err), 2);
    }

    // `readme --write` commits through the same path: its commits are an edit undo reverts.
    void readmeWriteIsUndoneToo()
    {
        GitFixture repo;
        makeRepository(repo);
        const QByteArray readme = "# Builds\n\n<!-- variant-studio:begin matrix -->\nold\n<!-- variant-studio:end matrix -->\n";
        QVERIFY(repo.write("README.md", readme));
        QVERIFY(repo.commitAll("readme"));
        QByteArray out, err;
        QCOMPARE(runProgram(VS_APP_PATH, { "readme", repo.path(), "--write", "--branch", "main" }, {}, &out, &err), 0);
        QVERIFY(show(repo, "main:README.md") != readme);
        const QString written = repo.revParse("main");
        QCOMPARE(app({ repo.path(), "undo" }, &out, &err), 0);
        QVERIFY2(out.contains("readme: refresh the generated matrix block"), out.constData());
        QCOMPARE(repo.revParse("main^"), written);
        QCOMPARE(show(repo, "main:README.md"), readme);
        QFile onDisk(repo.filePath("README.md"));
        QVERIFY(onDisk.open(QIODevice::ReadOnly));
        QCOMPARE(onDisk.readAll(), readme);
    }

private:
    static QString text(const QByteArray &bytes) { return QString::fromUtf8(bytes); }
};

QTEST_GUILESS_MAIN(TestCliEditUndo)
#include "test_cli_edit_undo.moc"
