#include "catalog/Catalog.h"
#include "recipes/Lint.h"
#include "recipes/RecipeGenerator.h"
#include "repository/RealisticRecipe.h"
#include "repository/RepositoryScanner.h"
#include "support/LintHelpers.h"
#include "variants/Compatibility.h"

#include <QtTest>

using namespace vs;
using vs::test::dump;
using vs::test::lineOf;
using vs::test::withRule;

namespace {

RecipeFile recipe(const QString &fileName, const QString &text)
{
    return RecipeFile::fromText(QStringLiteral(".flox/pkgs/") + fileName, text);
}

// The realistic text of a (canonical) variant.
QString textOf(const QString &variant)
{
    return test::realisticRecipe(Catalog::embedded(), variant);
}

RecipeFile clean(const QString &variant)
{
    return recipe(variant + QStringLiteral(".nix"), textOf(variant));
}

QList<LintProblem> lint(const QList<RecipeFile> &recipes)
{
    BranchScan b;
    b.name = QStringLiteral("feature/x");
    b.recipes = recipes;
    b.mostCommonNixpkgsRev = RepositoryScanner::mostCommonNixpkgsRev(recipes);
    return Lint::check(Catalog::embedded(), b);
}

} // namespace

#define EXPECT_AGAIN(out, all, ...) QVERIFY2(findOne(all, __VA_ARGS__, &out), qPrintable(dump(all)))
#define EXPECT_ONE(out, ...)                                                                                                               \
    LintProblem out;                                                                                                                       \
    EXPECT_AGAIN(out, __VA_ARGS__)
#define EXPECT_RULE(all, ...) QVERIFY2(findOne(all, __VA_ARGS__, nullptr), qPrintable(dump(all)))

class TestLint : public QObject {
    Q_OBJECT

    QSet<QString> m_asserted; // rule ids some test proved

    // Exactly one problem of `rule`, on `file` at `line` with `severity`.
    bool findOne(
        const QList<LintProblem> &all, const QString &rule, const QString &file, int line, LintProblem::Severity severity, LintProblem *out)
    {
        m_asserted.insert(rule);
        const QList<LintProblem> found = withRule(all, rule);
        if (found.size() != 1 || found.first().file != QStringLiteral(".flox/pkgs/") + file || found.first().line != line
            || found.first().severity != severity)
            return false;
        if (out)
            *out = found.first();
        return true;
    }

private slots:
    void cleanBranchHasNoProblemAtAll()
    {
        QList<RecipeFile> rs;
        for (const char *v : { "pytorch-python313-cuda12_9-sm90-avx512", "pytorch-python313-cuda12_9-sm120-avx2",
                 "pytorch-python313-cuda12_8-sm100-avx", "pytorch-python313-cuda13_0-sm110-armv9",
                 "pytorch-python313-cuda12_9-sm121-armv8_2", "pytorch-python313-cuda13_0-sm75-avx512vnni",
                 "pytorch-python312-cuda12_9-sm61-avx2", "pytorch-python313-cpu-avx512bf16", "pytorch-python313-cpu-armv8_2",
                 "pytorch-python313-darwin-mps", "torchvision-python313-cuda12_9-sm90-avx512", "torchaudio-python311-cpu-avx" })
            rs.append(clean(v));
        const QList<LintProblem> problems = lint(rs);
        QVERIFY2(problems.isEmpty(), qPrintable(dump(problems)));
    }

    // Every compatible cell of the catalogue, as RecipeGenerator writes it: one branch
    // per release line, not a single problem (so the rules agree with the templates).
    void generatedRecipesAreClean()
    {
        const Catalog &c = Catalog::embedded();
        const RecipeGenerator generator(c);
        int checked = 0;
        for (const BranchProfile &profile : c.branchProfiles) {
            QList<RecipeFile> rs;
            for (const VariantName &v : Compatibility::allVariants(c)) {
                if (!Compatibility::of(c, v).ok())
                    continue;
                const RecipeGenerator::Result r = generator.generate(v, profile);
                QVERIFY2(r.ok(), qPrintable(r.error));
                rs.append(recipe(v.fileName(), r.text));
                QCOMPARE(rs.last().meta.gpuArch,
                    v.kind == VariantName::Kind::Cpu          ? QString()
                        : v.kind == VariantName::Kind::Darwin ? v.isa
                                                              : v.gpu);
            }
            const QList<LintProblem> problems = lint(rs);
            QVERIFY2(problems.isEmpty(), qPrintable(profile.id + ":\n" + dump(problems.mid(0, 20))));
            checked += rs.size();
        }
        QVERIFY(checked > 1000);
    }

    void naming()
    {
        const auto all = lint({ recipe("common.nix", "{ lib }: { flags = [ ]; }"), clean("pytorch-python313-cpu-avx2") });
        EXPECT_ONE(p, all, "naming", "common.nix", 0, LintProblem::Severity::Warning);
        QVERIFY2(p.message.contains("'common'"), qPrintable(p.message));
        QCOMPARE(all.size(), 1);
    }

    void unknownPart()
    {
        const QString text = textOf("pytorch-python313-cuda12_9-sm90-avx2")
                                 .replace("gpuArchNum = \"90\"", "gpuArchNum = \"37\"")
                                 .replace("\"9.0\"", "\"3.7\"");
        const auto all = lint({ recipe("pytorch-python313-cuda12_9-sm37-avx2.nix", text) });
        EXPECT_ONE(p, all, "unknown-part", "pytorch-python313-cuda12_9-sm37-avx2.nix", 0, LintProblem::Severity::Warning);
        QVERIFY2(p.message.contains("sm37"), qPrintable(p.message));
        QVERIFY(!hasErrors(all));
    }

    void nonCanonicalAndDuplicate()
    {
        const QString text = textOf("pytorch-python313-cpu-armv8_2");
        const auto all = lint({ recipe("pytorch-python313-cpu-armv8.2.nix", text), recipe("pytorch-python313-cpu-armv8_2.nix", text) });
        EXPECT_ONE(p, all, "non-canonical", "pytorch-python313-cpu-armv8.2.nix", 0, LintProblem::Severity::Warning);
        QVERIFY2(p.message.contains("armv8_2"), qPrintable(p.message));
        EXPECT_ONE(d, all, "duplicate-variant", "pytorch-python313-cpu-armv8_2.nix", 0, LintProblem::Severity::Warning);
        QVERIFY2(d.message.contains("pytorch-python313-cpu-armv8.2.nix"), qPrintable(d.message));
        // The armv8.2 file's pname is the canonical name: it differs from its file name.
        EXPECT_RULE(all, "pname-mismatch", "pytorch-python313-cpu-armv8.2.nix", lineOf(text, "pname ="), LintProblem::Severity::Warning);
    }

    void gluedVersionPnameAndDuplicate()
    {
        const QString text = textOf("pytorch-python313-cuda12_9-sm90-avx2").replace("pname = \"pytorch-", "pname = \"pytorch210-");
        const auto all = lint(
            { recipe("pytorch-python313-cuda12_9-sm90-avx2.nix", text), recipe("pytorch210-python313-cuda12_9-sm90-avx2.nix", text) });
        const QList<LintProblem> pn = withRule(all, "pname-mismatch");
        QCOMPARE(pn.size(), 1); // the glued file name equals its pname
        QCOMPARE(pn.first().file, QString(".flox/pkgs/pytorch-python313-cuda12_9-sm90-avx2.nix"));
        QCOMPARE(pn.first().line, lineOf(text, "pname ="));
        QVERIFY2(pn.first().message.contains("flox publish"), qPrintable(pn.first().message));
        EXPECT_RULE(all, "duplicate-variant", "pytorch210-python313-cuda12_9-sm90-avx2.nix", 0, LintProblem::Severity::Warning);
        EXPECT_RULE(all, "non-canonical", "pytorch210-python313-cuda12_9-sm90-avx2.nix", 0, LintProblem::Severity::Warning);
    }

    // Several files of one variant: each after the first names the first; other
    // variants, and a deleted file, are not counted.
    void duplicatesOfSeveralVariants()
    {
        const QString arm = textOf("pytorch-python313-cpu-armv8_2");
        const QString avx = textOf("pytorch-python313-cpu-avx2");
        RecipeFile gone = recipe("pytorch-python313-cpu-avx2/default.nix", avx);
        gone.state = RecipeFile::State::Deleted;
        const auto all = lint({ recipe("pytorch-python313-cpu-armv8.2.nix", arm), recipe("pytorch-python313-cpu-avx2.nix", avx),
            recipe("pytorch-python313-cpu-armv8_2.nix", arm), recipe("pytorch-python313-cpu-armv8_2/default.nix", arm),
            recipe("pytorch-python313-cpu-avx512.nix", textOf("pytorch-python313-cpu-avx512")), gone });
        const QList<LintProblem> d = withRule(all, "duplicate-variant");
        QCOMPARE(d.size(), 2);
        for (const LintProblem &p : d) {
            QVERIFY2(p.file.contains("armv8_2"), qPrintable(p.file));
            QVERIFY2(p.message.startsWith("same variant as .flox/pkgs/pytorch-python313-cpu-armv8.2.nix (both are "
                                          "pytorch-python313-cpu-armv8_2)"),
                qPrintable(p.message));
        }
    }

    void unreadable()
    {
        RecipeFile binary = recipe("pytorch-python313-cpu-avx2.nix", QString());
        binary.binary = true;
        RecipeFile huge = recipe("pytorch-python313-cpu-avx512.nix", QString());
        huge.tooLarge = true;
        huge.size = 5 << 20;
        const auto all = lint({ binary, huge });
        QCOMPARE(withRule(all, "unreadable").size(), 2);
        m_asserted.insert("unreadable");
        QVERIFY(withRule(all, "unreadable").last().message.contains(QString::number(5 << 20)));
        QCOMPARE(all.size(), 2);
    }

    // A link is named as a link (never read or followed), and only that is said of it.
    void symlink()
    {
        RecipeFile link = recipe("pytorch-python313-cpu-avx2.nix", QString());
        link.symlink = true;
        link.symlinkTarget = QStringLiteral("/etc/passwd\nFORGED: line");
        const auto all = lint({ link });
        EXPECT_ONE(p, all, "symlink", "pytorch-python313-cpu-avx2.nix", 0, LintProblem::Severity::Warning);
        QVERIFY(p.message.contains(QLatin1String("/etc/passwd")));
        QCOMPARE(all.size(), 1);
        QVERIFY2(!p.toString().contains(QLatin1Char('\n')), qPrintable(p.toString()));
        QVERIFY(p.toString().contains(QLatin1String("\\nFORGED")));
    }

    void gpuArchMismatch()
    {
        QString text = textOf("pytorch-python313-cuda12_9-sm90-avx512")
                           .replace("gpuArchNum = \"90\"", "gpuArchNum = \"86\"")
                           .replace("gpuArchSM = \"9.0\"", "gpuArchSM = \"8.6\"");
        auto all = lint({ recipe("pytorch-python313-cuda12_9-sm90-avx512.nix", text) });
        EXPECT_ONE(p, all, "gpu-arch-mismatch", "pytorch-python313-cuda12_9-sm90-avx512.nix", lineOf(text, "gpuArchNum"),
            LintProblem::Severity::Error);
        QVERIFY2(p.message.contains("sm90") && p.message.contains("sm86"), qPrintable(p.message));
        QCOMPARE(all.size(), 1);

        // Only gpuArchSM edited: the recipe contradicts itself, reported where it does.
        text = textOf("pytorch-python313-cuda12_9-sm90-avx512").replace("gpuArchSM = \"9.0\"", "gpuArchSM = \"8.6\"");
        all = lint({ recipe("pytorch-python313-cuda12_9-sm90-avx512.nix", text) });
        EXPECT_AGAIN(p, all, "gpu-arch-mismatch", "pytorch-python313-cuda12_9-sm90-avx512.nix", lineOf(text, "gpuArchSM ="),
            LintProblem::Severity::Error);
        QVERIFY2(p.message.contains("two GPU architectures"), qPrintable(p.message));

        // A CPU recipe that sets a GPU architecture: an error while it may build with CUDA,
        // a warning when PyTorch's cudaSupport is false (the deep check would find nothing).
        text = textOf("pytorch-python313-cpu-avx2").replace("in\n", "  gpuArch = \"sm_90\";\nin\n");
        all = lint({ recipe("pytorch-python313-cpu-avx2.nix", text) });
        EXPECT_RULE(all, "gpu-arch-unused", "pytorch-python313-cpu-avx2.nix", lineOf(text, "gpuArch ="), LintProblem::Severity::Warning);
        text.replace("cudaSupport = false", "cudaSupport = config.cudaSupport");
        all = lint({ recipe("pytorch-python313-cpu-avx2.nix", text) });
        EXPECT_RULE(all, "gpu-arch-mismatch", "pytorch-python313-cpu-avx2.nix", lineOf(text, "gpuArch ="), LintProblem::Severity::Error);
    }

    void gpuArchUnknown()
    {
        QString text = textOf("pytorch-python313-cuda12_9-sm90-avx512");
        text.replace("gpuArchNum = \"90\";", "").replace("gpuArchSM = \"9.0\";", "").replace("gpuTargets = [ gpuArchSM ];", "");
        text.replace("export TORCH_CUDA_ARCH_LIST=\"${gpuArchSM}\"", "");
        const auto all = lint({ recipe("pytorch-python313-cuda12_9-sm90-avx512.nix", text) });
        EXPECT_RULE(all, "gpu-arch-unknown", "pytorch-python313-cuda12_9-sm90-avx512.nix", 0, LintProblem::Severity::Info);
        QCOMPARE(all.size(), 1);
    }

    void cpuFlagsMismatch()
    {
        const QString avx2 = textOf("pytorch-python313-cuda12_9-sm90-avx2");
        const auto wrong = lint({ recipe("pytorch-python313-cuda12_9-sm90-avx512.nix",
            QString(avx2).replace("pytorch-python313-cuda12_9-sm90-avx2", "pytorch-python313-cuda12_9-sm90-avx512")) });
        EXPECT_ONE(p, wrong, "cpu-flags-mismatch", "pytorch-python313-cuda12_9-sm90-avx512.nix", lineOf(avx2, "cpuFlags = ["),
            LintProblem::Severity::Error);
        QVERIFY2(p.message.contains("missing -mavx512f") && p.message.contains("flags of avx2"), qPrintable(p.message));

        // An ARM ISA with x86 flags: both the flags and the platform are wrong.
        QString arm = textOf("pytorch-python313-cpu-avx2")
                          .replace("pname = \"pytorch-python313-cpu-avx2\"", "pname = \"pytorch-python313-cpu-armv9\"");
        const auto armAll = lint({ recipe("pytorch-python313-cpu-armv9.nix", arm) });
        EXPECT_RULE(
            armAll, "cpu-flags-mismatch", "pytorch-python313-cpu-armv9.nix", lineOf(arm, "cpuFlags = ["), LintProblem::Severity::Error);
        EXPECT_ONE(
            pl, armAll, "platform-mismatch", "pytorch-python313-cpu-armv9.nix", lineOf(arm, "platforms ="), LintProblem::Severity::Error);
        QVERIFY2(pl.message.contains("aarch64-linux") && pl.message.contains("x86_64-linux"), qPrintable(pl.message));
    }

    void cpuFlagsUnknown()
    {
        const QString text
            = textOf("pytorch-python313-cpu-avx512").replace(QRegularExpression("cpuFlags = \\[[^\\]]*\\];"), "cpuFlags = [ ];");
        const auto all = lint({ recipe("pytorch-python313-cpu-avx512.nix", text) });
        EXPECT_RULE(all, "cpu-flags-unknown", "pytorch-python313-cpu-avx512.nix", 0, LintProblem::Severity::Info);
        QCOMPARE(all.size(), 1);
    }

    void platformMismatchReverse()
    {
        const QString text = textOf("pytorch-python313-cpu-avx2").replace("\"x86_64-linux\"", "\"aarch64-linux\"");
        const auto all = lint({ recipe("pytorch-python313-cpu-avx2.nix", text) });
        EXPECT_RULE(all, "platform-mismatch", "pytorch-python313-cpu-avx2.nix", lineOf(text, "platforms ="), LintProblem::Severity::Error);
        QCOMPARE(all.size(), 1);
    }

    void cudaArchUnsupported_data()
    {
        QTest::addColumn<QString>("variant");
        QTest::addColumn<QString>("expect");
        QTest::newRow("sm103 on 12.8") << "pytorch-python313-cuda12_8-sm103-avx512"
                                       << "needs CUDA 12.9";
        QTest::newRow("sm121 on 12.8") << "pytorch-python313-cuda12_8-sm121-armv9"
                                       << "needs CUDA 12.9";
        QTest::newRow("sm110 on 12.9") << "pytorch-python313-cuda12_9-sm110-armv9"
                                       << "needs CUDA 13.0";
        QTest::newRow("sm61 on 13.0") << "pytorch-python313-cuda13_0-sm61-avx2"
                                      << "not supported after CUDA 12.9";
        QTest::newRow("sm70 on 13.1") << "pytorch-python313-cuda13_1-sm70-avx2"
                                      << "not supported after CUDA 12.9";
    }
    void cudaArchUnsupported()
    {
        QFETCH(QString, variant);
        QFETCH(QString, expect);
        const QString text = textOf(variant);
        const auto all = lint({ recipe(variant + ".nix", text) });
        EXPECT_ONE(p, all, "cuda-arch-unsupported", variant + ".nix", lineOf(text, "gpuArchNum"), LintProblem::Severity::Error);
        QVERIFY2(p.message.contains(expect), qPrintable(p.message));
        QCOMPARE(all.size(), 1);
    }

    void cudaReleaseAndSupport()
    {
        QString text = textOf("pytorch-python313-cuda12_9-sm90-avx2").replace("cudaPackages_12_9", "cudaPackages_12_8");
        auto all = lint({ recipe("pytorch-python313-cuda12_9-sm90-avx2.nix", text) });
        EXPECT_ONE(p, all, "cuda-release-mismatch", "pytorch-python313-cuda12_9-sm90-avx2.nix", lineOf(text, "cudaPackages_12_8"),
            LintProblem::Severity::Error);
        QVERIFY2(p.message.contains("CUDA 12.9") && p.message.contains("cudaPackages_12_8"), qPrintable(p.message));
        QCOMPARE(all.size(), 1);

        text = textOf("pytorch-python313-cpu-avx2").replace("cudaSupport = false", "cudaSupport = true");
        all = lint({ recipe("pytorch-python313-cpu-avx2.nix", text) });
        // PyTorch's override decides, not nixpkgs' config above it.
        EXPECT_RULE(all, "cuda-support-mismatch", "pytorch-python313-cpu-avx2.nix",
            int(text.split('\n').lastIndexOf("    cudaSupport = true;")) + 1, LintProblem::Severity::Error);
    }

    void nixpkgsRevDiffers()
    {
        const QString other = "0123456789abcdef0123456789abcdef01234567";
        const QString odd = test::realisticRecipe(Catalog::embedded(), "pytorch-python313-cpu-avx", other);
        const auto all = lint(
            { clean("pytorch-python313-cpu-avx2"), clean("pytorch-python313-cpu-avx512"), recipe("pytorch-python313-cpu-avx.nix", odd) });
        EXPECT_ONE(p, all, "nixpkgs-rev-differs", "pytorch-python313-cpu-avx.nix", lineOf(odd, other), LintProblem::Severity::Info);
        QVERIFY(p.message.contains("0123456789ab"));
        QCOMPARE(all.size(), 1);
    }

    void deletedFilesAreNotChecked()
    {
        RecipeFile gone = recipe("pytorch-python313-cpu-armv9.nix", textOf("pytorch-python313-cpu-avx2"));
        gone.state = RecipeFile::State::Deleted;
        QVERIFY(lint({ gone }).isEmpty());
    }

    void jsonNamesAreStable()
    {
        LintProblem p { "main", ".flox/pkgs/x.nix", 7, LintProblem::Severity::Error, "gpu-arch-mismatch", "m" };
        const QJsonObject o = p.toJson();
        QCOMPARE(o.value("severity").toString(), QString("error"));
        QCOMPARE(o.value("line").toInt(), 7);
        QCOMPARE(o.keys(), QStringList({ "branch", "file", "line", "message", "rule", "severity" }));
        QCOMPARE(Lint::severityName(LintProblem::Severity::Info), QString("info"));
        QCOMPARE(Lint::severityName(LintProblem::Severity::Warning), QString("warning"));
    }

    // Every text rule on recipe files: tests/recipes/lint/<rule>/ holds recipes named as
    // variants (one branch) and problems.txt, the problems Lint finds in them, one
    // LintProblem::toString() line each, compared byte for byte. After an intended
    // change of a rule's message, regenerate with VS_UPDATE_REFERENCES=1 and review
    // the diff before committing. Not here: symlink and unreadable depend on what the
    // file system says of a file (a link, a FIFO, its size) and catalog on the
    // repository's overlay; they stay inline above and in tests/repository.
    void referenceProblems_data()
    {
        QTest::addColumn<QString>("folder");
        const QDir lintDir(QStringLiteral(VS_SOURCE_DIR "/tests/recipes/lint"));
        for (const QString &rule : lintDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
            QTest::newRow(qPrintable(rule)) << lintDir.filePath(rule);
    }
    void referenceProblems()
    {
        QFETCH(QString, folder);
        const QDir dir(folder);
        QList<RecipeFile> recipes;
        for (const QString &name : dir.entryList({ QStringLiteral("*.nix") }, QDir::Files, QDir::Name)) {
            QFile input(dir.filePath(name));
            QVERIFY2(input.open(QIODevice::ReadOnly), qPrintable(input.fileName()));
            recipes.append(recipe(name, QString::fromUtf8(input.readAll())));
        }
        QVERIFY2(!recipes.isEmpty(), qPrintable(folder));
        const QList<LintProblem> problems = lint(recipes);
        m_asserted.insert(dir.dirName());
        const QByteArray found = (dump(problems) + QLatin1Char('\n')).toUtf8();
        QFile reference(dir.filePath(QStringLiteral("problems.txt")));
        if (qEnvironmentVariableIsSet("VS_UPDATE_REFERENCES")) {
            QVERIFY(reference.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QCOMPARE(reference.write(found), found.size());
            reference.close();
        }
        QVERIFY2(reference.open(QIODevice::ReadOnly), qPrintable(reference.fileName()));
        const QByteArray expected = reference.readAll();
        QVERIFY2(expected.contains(" [" + dir.dirName().toUtf8() + "]\n"), "the reference shows its folder's rule");
        if (found != expected) {
            const QList<QByteArray> got = found.split('\n'), want = expected.split('\n');
            for (qsizetype i = 0; i < std::max(got.size(), want.size()); ++i)
                if (got.value(i) != want.value(i))
                    QFAIL(qPrintable(QStringLiteral("%1:%2: expected '%3', found '%4'")
                                         .arg(reference.fileName())
                                         .arg(i + 1)
                                         .arg(QString::fromUtf8(want.value(i)), QString::fromUtf8(got.value(i)))));
        }
    }

    void everyTextRuleHasAReference()
    {
        const QStringList notFromText { QStringLiteral("symlink"), QStringLiteral("unreadable"), QStringLiteral("catalog") };
        for (const LintRule &r : Lint::rules())
            if (!notFromText.contains(r.id))
                QVERIFY2(QFileInfo::exists(QStringLiteral(VS_SOURCE_DIR "/tests/recipes/lint/%1/problems.txt").arg(r.id)),
                    qPrintable("no reference for rule " + r.id));
    }

    void everyRuleWasAsserted()
    {
        for (const LintRule &r : Lint::rules())
            if (r.id != "catalog") // repository overlay errors: tests/repository
                QVERIFY2(m_asserted.contains(r.id), qPrintable("no test asserts rule " + r.id));
    }
};

QTEST_GUILESS_MAIN(TestLint)
#include "test_lint.moc"
