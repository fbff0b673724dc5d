// A scan that drops recipe texts (ScanOptions::keepTexts = false, what `scan
// --json` uses) must give the same metadata, links and lint findings as one that
// keeps them: only the texts that nothing reads are gone.
#include "recipes/Lint.h"
#include "repository/RealisticRecipe.h"
#include "repository/RepositoryScanner.h"
#include "support/GitFixture.h"

#include <QtTest>

using namespace vs;
using namespace vs::test;

namespace {

const QString kPlain = QStringLiteral(".flox/pkgs/pytorch-python313-cuda12_9-sm90-avx512.nix");
const QString kLink = QStringLiteral(".flox/pkgs/pytorch-python312-cuda12_9-sm90-avx512.nix");
const QString kWarns = QStringLiteral(".flox/pkgs/torchvision-python313-cpu-avx2.nix");
const QString kNamedRight = QStringLiteral(".flox/pkgs/torchaudio-python313-cpu-avx2.nix");
const QString kEdited = QStringLiteral(".flox/pkgs/pytorch-python313-cpu-avx2.nix");

// A companion embedding its PyTorch recipe: PyTorch's pname comes first.
QByteArray companion(const char *ownName)
{
    return QByteArray("{ pkgs ? import <nixpkgs> {} }:\nlet\n  customPytorch = let pname = \"pytorch-python313-cpu-avx2\"; in pkgs.hello;\n"
                      "in pkgs.stdenv.mkDerivation {\n  pname = \"")
        + ownName + "\";\n}\n";
}

const RecipeFile *find(const RepositoryScan &s, const QString &path)
{
    for (const BranchScan &b : s.branches)
        for (const RecipeFile &r : b.recipes)
            if (r.path == path)
                return &r;
    return nullptr;
}

QStringList problems(const RepositoryScan &s)
{
    QStringList out;
    for (const LintProblem &p : s.problems)
        out << QStringLiteral("%1:%2 %3 %4").arg(p.file).arg(p.line).arg(p.rule, p.message);
    return out;
}

} // namespace

class TestScanTexts : public QObject {
    Q_OBJECT

private slots:
    void droppedTextsChangeNothingElse()
    {
        GitFixture repo;
        const Catalog &c = Catalog::embedded();
        QVERIFY(repo.write(kPlain, realisticRecipe(c, QStringLiteral("pytorch-python313-cuda12_9-sm90-avx512")).toUtf8()));
        QVERIFY(repo.write(kWarns, companion("torchvision-other")));
        QVERIFY(repo.write(kNamedRight, companion("torchaudio-python313-cpu-avx2")));
        QVERIFY(repo.write(kEdited, realisticRecipe(c, QStringLiteral("pytorch-python313-cpu-avx2")).toUtf8()));
        QVERIFY(QFile::link(QStringLiteral("pytorch-python313-cuda12_9-sm90-avx512.nix"), repo.filePath(kLink)));
        QVERIFY(repo.commitAll("recipes"));
        // A working-tree change: read from disk, not from git.
        QVERIFY(repo.write(kEdited, realisticRecipe(c, QStringLiteral("pytorch-python313-cpu-avx2"), QStringLiteral("1234567")).toUtf8()));

        const RepositoryScan kept = RepositoryScanner::scan(repo.path());
        ScanOptions dropping;
        dropping.keepTexts = false;
        const RepositoryScan dropped = RepositoryScanner::scan(repo.path(), dropping);
        QVERIFY2(kept.ok() && dropped.ok(), qPrintable(kept.error + dropped.error));

        for (const QString &path : { kPlain, kLink, kWarns, kNamedRight, kEdited }) {
            const RecipeFile *k = find(kept, path);
            const RecipeFile *d = find(dropped, path);
            QVERIFY2(k && d, qPrintable(path));
            QVERIFY2(!k->text.isEmpty() || k->symlink, qPrintable(path));
            QCOMPARE(d->meta.pname, k->meta.pname);
            QCOMPARE(d->meta.gpuArch, k->meta.gpuArch);
            QCOMPARE(d->meta.cpuFlags, k->meta.cpuFlags);
            QCOMPARE(d->meta.nixpkgsRev, k->meta.nixpkgsRev);
            QCOMPARE(d->meta.lines, k->meta.lines);
            QCOMPARE(d->symlink, k->symlink);
            QCOMPARE(d->symlinkTarget, k->symlinkTarget);
            QCOMPARE(d->size, k->size);
        }
        QCOMPARE(find(dropped, kLink)->symlinkTarget, QStringLiteral("pytorch-python313-cuda12_9-sm90-avx512.nix"));
        QCOMPARE(find(dropped, kEdited)->meta.nixpkgsRev, QStringLiteral("1234567"));
        // Gone where nothing reads them, kept where lint does.
        QVERIFY(find(dropped, kPlain)->text.isEmpty());
        QVERIFY(find(dropped, kEdited)->text.isEmpty());
        QCOMPARE(find(dropped, kWarns)->text, find(kept, kWarns)->text);
        QCOMPARE(find(dropped, kNamedRight)->text, find(kept, kNamedRight)->text);

        // The pname rule, which reads texts, says the same either way: one warning,
        // for the companion whose own name is wrong.
        QCOMPARE(problems(dropped), problems(kept));
        QCOMPARE(problems(kept).filter(QStringLiteral("pname-mismatch")).size(), 1);
        QCOMPARE(problems(kept).filter(QStringLiteral("pname-mismatch")).constFirst().section(QLatin1Char(':'), 0, 0), kWarns);
    }

    void needsTextOnlyForASecondPname()
    {
        QVERIFY(!Lint::needsText("{ pname = \"a\"; }"));
        QVERIFY(!Lint::needsText("{ }"));
        QVERIFY(!Lint::needsText("pnam pname"));
        QVERIFY(Lint::needsText("let pname = \"a\"; in { pname = \"b\"; }"));
        QVERIFY(Lint::needsText("pnamepname")); // overlapping starts are not skipped
        QVERIFY(Lint::needsText("# pname = \"b\";\n{ pname = \"a\"; }")); // the rule reads comments too
        QVERIFY(Lint::needsText("{ description = \"ü\"; pname = \"a\"; pname = \"b\"; }")); // UTF-8 before it
        // Both at every place around the sixteen-byte blocks of the search, among
        // near misses ("pn", "pnam", "p n").
        for (int first = 0; first < 40; ++first) {
            for (int second = first + 5; second < 60; second += 3) {
                QByteArray text(70, 'x');
                for (int i = 0; i + 4 < 70; i += 7)
                    text.replace(i, 4, "pnam");
                text.replace(first, 5, "pname");
                QVERIFY(!Lint::needsText(text.left(second)) || text.left(second).count("pname") > 1);
                text.replace(second, 5, "pname");
                QVERIFY2(Lint::needsText(text), text.constData());
                QVERIFY(!Lint::needsText(QByteArray(text).replace("pname", "pn me")));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestScanTexts)
#include "test_scan_texts.moc"
