#include "catalog/Catalog.h"
#include "recipes/DeepCheck.h"
#include "recipes/RecipeGenerator.h"
#include "repository/RepositoryScanner.h"
#include "support/GitFixture.h"
#include "variants/VariantName.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace vs;

namespace {

const QString kRecipes = QStringLiteral(VS_SOURCE_DIR "/tests/fixtures/deep-check");

QByteArray fixture(const QString &name)
{
    QFile f(kRecipes + QLatin1Char('/') + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

DeepCheckOptions options()
{
    DeepCheckOptions o;
    o.nixOptions = vs::test::offlineNixOptions();
    return o;
}

const DeepCheck::Outcome *find(const QList<DeepCheck::Outcome> &outcomes, const QString &fileName)
{
    for (const DeepCheck::Outcome &o : outcomes)
        if (o.file.endsWith(QLatin1Char('/') + fileName))
            return &o;
    return nullptr;
}

QList<LintProblem> compareAs(const DeepCheck::Outcome *o, const QString &name)
{
    return DeepCheck::compare(Catalog::embedded(), "main", ".flox/pkgs/" + name + ".nix", *VariantName::parse(name), *o);
}

QStringList rulesOf(const QList<LintProblem> &problems)
{
    QStringList r;
    for (const LintProblem &p : problems)
        r << p.rule;
    return r;
}

} // namespace

class TestDeepCheck : public QObject {
    Q_OBJECT

    QList<DeepCheck::Outcome> m_outcomes; // one batch with every style, good and broken

private slots:
    void initTestCase()
    {
        // Good and broken recipes mixed in one batch, in the order a branch lists them.
        QStringList files;
        for (const char *name : { "pytorch-python313-cuda12_9-sm90-avx512.nix", "torchvision-python313-cuda12_9-sm90-avx512.nix",
                 "broken-syntax.nix", "pytorch-python313-cuda12_8-sm86-avx2.nix", "torchaudio-python313-cuda12_8-sm86-avx2.nix",
                 "throws.nix", "pytorch-python313-cpu-avx2.nix", "pytorch-python313-cuda12_8-sm90-avx2.nix", "needs-flash-attn.nix",
                 "misspelt-argument.nix" })
            files << kRecipes + QLatin1Char('/') + QLatin1String(name);
        QElapsedTimer t;
        t.start();
        m_outcomes = DeepCheck::evaluate(files, options());
        qInfo("%lld recipes in %lld ms", qlonglong(files.size()), t.elapsed());
        QCOMPARE(m_outcomes.size(), files.size());
        for (qsizetype i = 0; i < files.size(); ++i)
            QCOMPARE(m_outcomes.at(i).file, files.at(i));
    }

    void pinnedOverlayRecipe()
    {
        const DeepCheck::Outcome *o = find(m_outcomes, "pytorch-python313-cuda12_9-sm90-avx512.nix");
        QVERIFY2(o->evaluated, qPrintable(o->error));
        QCOMPARE(o->pname, QStringLiteral("pytorch-python313-cuda12_9-sm90-avx512"));
        QCOMPARE(o->version, QStringLiteral("2.10.0")); // the python3Packages overlay took effect
        QCOMPARE(o->gpuTargets, QStringList { "9.0" });
        QCOMPARE(o->gpuTargetsArgument, QStringList { "9.0" });
        QCOMPARE(o->cudaSupport, std::optional<bool>(true));
        QCOMPARE(o->cudaPackages, QStringLiteral("cudaPackages_12_9"));
        QCOMPARE(o->cpuFlags, (QStringList { "-mavx512f", "-mavx512dq", "-mavx512vl", "-mavx512bw", "-mfma" }));
        QCOMPARE(o->platforms, QStringList { "x86_64-linux" });
    }

    void torchvisionImportsItsSibling()
    {
        const DeepCheck::Outcome *o = find(m_outcomes, "torchvision-python313-cuda12_9-sm90-avx512.nix");
        QVERIFY2(o->evaluated, qPrintable(o->error));
        QCOMPARE(o->pname, QStringLiteral("torchvision-python313-cuda12_9-sm90-avx512"));
        QCOMPARE(o->torch, QStringLiteral("pytorch-python313-cuda12_9-sm90-avx512"));
        QCOMPARE(o->cudaSupport, std::optional<bool>(true));
        QCOMPARE(o->cudaPackages, QStringLiteral("cudaPackages_12_9"));
        QCOMPARE(o->gpuTargets, QStringList { "9.0" }); // its own export beats torchvision's default list
    }

    void callPackageStyleWithSibling()
    {
        const DeepCheck::Outcome *torch = find(m_outcomes, "pytorch-python313-cuda12_8-sm86-avx2.nix");
        QVERIFY2(torch->evaluated, qPrintable(torch->error));
        QCOMPARE(torch->gpuTargets, QStringList { "8.6" });
        QCOMPARE(torch->cudaPackages, QStringLiteral("cudaPackages_12_8"));
        QCOMPARE(torch->cpuFlags, (QStringList { "-mavx2", "-mfma", "-mf16c" }));
        const DeepCheck::Outcome *audio = find(m_outcomes, "torchaudio-python313-cuda12_8-sm86-avx2.nix");
        QVERIFY2(audio->evaluated, qPrintable(audio->error));
        QCOMPARE(audio->torch, QStringLiteral("pytorch-python313-cuda12_8-sm86-avx2"));
        QCOMPARE(audio->gpuTargets, QStringList { "8.6" });
        QCOMPARE(audio->cudaSupport, std::optional<bool>(true));
    }

    void cpuOpenblasRecipe()
    {
        const DeepCheck::Outcome *o = find(m_outcomes, "pytorch-python313-cpu-avx2.nix");
        QVERIFY2(o->evaluated, qPrintable(o->error));
        QCOMPARE(o->pname, QStringLiteral("pytorch-python313-cpu-avx2"));
        QCOMPARE(o->cudaSupport, std::optional<bool>(false));
        QVERIFY(o->gpuTargets.isEmpty());
        QCOMPARE(o->cpuFlags, (QStringList { "-mavx2", "-mfma", "-mf16c" }));
    }

    void aLyingRecipeIsCaught()
    {
        const DeepCheck::Outcome *o = find(m_outcomes, "pytorch-python313-cuda12_8-sm90-avx2.nix");
        QVERIFY2(o->evaluated, qPrintable(o->error));
        QCOMPARE(o->gpuTargets, QStringList { "8.6" });
        QCOMPARE(o->cudaSupport, std::optional<bool>(true)); // from config.cudaSupport
    }

    void brokenRecipesDoNotSpoilTheBatch()
    {
        const DeepCheck::Outcome *syntax = find(m_outcomes, "broken-syntax.nix");
        QVERIFY(!syntax->evaluated);
        QVERIFY2(syntax->error.contains(QLatin1String("syntax error")), qPrintable(syntax->error));
        QVERIFY2(syntax->error.contains(QLatin1String("broken-syntax.nix:3")), qPrintable(syntax->error));
        const DeepCheck::Outcome *thrown = find(m_outcomes, "throws.nix");
        QVERIFY(!thrown->evaluated);
        QVERIFY2(thrown->error.contains(QLatin1String("this recipe gives up")), qPrintable(thrown->error));
        const DeepCheck::Outcome *misspelt = find(m_outcomes, "misspelt-argument.nix");
        QVERIFY(!misspelt->evaluated);
        QVERIFY2(misspelt->error.contains(QLatin1String("gpuTarget")), qPrintable(misspelt->error));
    }

    void standInGapIsInformation()
    {
        const DeepCheck::Outcome *o = find(m_outcomes, "needs-flash-attn.nix");
        QVERIFY(!o->evaluated);
        QVERIFY2(o->error.contains(QLatin1String("flash-attn")) && o->error.contains(QLatin1String("missing")), qPrintable(o->error));
        QVERIFY(o->pname.isEmpty());
    }

    void blobsWrittenToAFolderKeepSiblingImports()
    {
        QTemporaryDir tmp;
        QString error;
        const QStringList paths = DeepCheck::writeRecipes(tmp.filePath("blobs"),
            { { ".flox/pkgs/pytorch-python313-cuda12_8-sm86-avx2.nix", fixture("pytorch-python313-cuda12_8-sm86-avx2.nix") },
                { ".flox/pkgs/torchaudio-python313-cuda12_8-sm86-avx2.nix", fixture("torchaudio-python313-cuda12_8-sm86-avx2.nix") } },
            &error);
        QVERIFY2(paths.size() == 2, qPrintable(error));
        QVERIFY(paths.at(0).endsWith("/blobs/pytorch-python313-cuda12_8-sm86-avx2.nix"));
        QVERIFY(DeepCheck::writeRecipes(tmp.filePath("blobs"), { { "../escape.nix", "{}" } }, &error).isEmpty());
        QVERIFY2(error.contains("escape.nix"), qPrintable(error));
        const QList<DeepCheck::Outcome> outcomes = DeepCheck::evaluate({ paths.at(1) }, options());
        QVERIFY2(outcomes.first().evaluated, qPrintable(outcomes.first().error));
        QCOMPARE(outcomes.first().torch, QStringLiteral("pytorch-python313-cuda12_8-sm86-avx2"));
    }

    void honestRecipesGiveNoProblems()
    {
        for (const char *name :
            { "pytorch-python313-cuda12_9-sm90-avx512", "pytorch-python313-cuda12_8-sm86-avx2", "pytorch-python313-cpu-avx2" }) {
            const QList<LintProblem> problems = compareAs(find(m_outcomes, QString::fromLatin1(name) + ".nix"), name);
            QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0).toString()));
        }
    }

    void comparisonNamesWhatDiffers()
    {
        // The liar: GPU target 8.6 and no CPU flags for a file named sm90/avx2.
        QList<LintProblem> p
            = compareAs(find(m_outcomes, "pytorch-python313-cuda12_8-sm90-avx2.nix"), "pytorch-python313-cuda12_8-sm90-avx2");
        QCOMPARE(rulesOf(p), (QStringList { "deep-gpu-targets", "deep-cpu-flags" }));
        QCOMPARE(p.first().severity, LintProblem::Severity::Error);
        QVERIFY2(p.first().message.contains("sm86") && p.first().message.contains("sm90"), qPrintable(p.first().message));
        QVERIFY2(p.at(1).message.contains("missing -mavx2"), qPrintable(p.at(1).message));

        // The same evaluation under another name: CUDA release, pname and ISA differ.
        p = compareAs(find(m_outcomes, "pytorch-python313-cuda12_9-sm90-avx512.nix"), "pytorch-python313-cuda12_8-sm90-avx2");
        QCOMPARE(rulesOf(p), (QStringList { "deep-pname", "deep-cuda", "deep-cpu-flags" }));
        QVERIFY2(p.at(1).message.contains("cudaPackages_12_9"), qPrintable(p.at(1).message));

        // A CPU name on a CUDA build.
        p = compareAs(find(m_outcomes, "pytorch-python313-cuda12_8-sm86-avx2.nix"), "pytorch-python313-cpu-avx2");
        QVERIFY(rulesOf(p).contains("deep-cuda"));

        // An ARM name on an x86-only recipe.
        p = compareAs(find(m_outcomes, "pytorch-python313-cpu-avx2.nix"), "pytorch-python313-cpu-armv9");
        QVERIFY(rulesOf(p).contains("deep-platforms"));
    }

    void unevaluatedIsOneInfo()
    {
        const QList<LintProblem> p = compareAs(find(m_outcomes, "needs-flash-attn.nix"), "pytorch-python313-cuda12_9-sm90-avx512");
        QCOMPARE(p.size(), 1);
        QCOMPARE(p.first().rule, QStringLiteral("deep-unevaluated"));
        QCOMPARE(p.first().severity, LintProblem::Severity::Info);
        QVERIFY(p.first().message.startsWith("could not evaluate: "));
    }

    void repositoryBranchesFromWorkingTreeAndBlobs()
    {
        vs::test::GitFixture g;
        const QString torch = "pytorch-python313-cuda12_8-sm86-avx2.nix";
        const QString audio = "torchaudio-python313-cuda12_8-sm86-avx2.nix";
        QVERIFY(g.write(".flox/pkgs/" + torch, fixture(torch)));
        QVERIFY(g.write(".flox/pkgs/" + audio, fixture(audio)));
        QVERIFY(g.commitAll("recipes"));
        QVERIFY2(g.git({ "checkout", "-q", "-b", "pytorch-2.8-liar" }), qPrintable(g.lastError()));
        QVERIFY(g.write(".flox/pkgs/pytorch-python313-cuda12_8-sm90-avx2.nix", fixture("pytorch-python313-cuda12_8-sm90-avx2.nix")));
        QVERIFY(g.commitAll("liar"));
        QVERIFY(g.git({ "checkout", "-q", "main" }));

        const RepositoryScan scan = RepositoryScanner::scan(g.path());
        QVERIFY2(scan.ok(), qPrintable(scan.error));
        const QList<LintProblem> problems = DeepCheck::checkRepository(scan.root, scan.catalog, scan.branches, options());
        QStringList where;
        for (const LintProblem &p : problems)
            where << p.branch + ":" + p.file + ":" + p.rule;
        // The sibling import works from the blobs of the branch that is not checked out too.
        QCOMPARE(where,
            (QStringList { "pytorch-2.8-liar:.flox/pkgs/pytorch-python313-cuda12_8-sm90-avx2.nix:deep-gpu-targets",
                "pytorch-2.8-liar:.flox/pkgs/pytorch-python313-cuda12_8-sm90-avx2.nix:deep-cpu-flags" }));
    }

    void generatedRecipesEvaluateToTheirVariant()
    {
        const Catalog &catalog = Catalog::embedded();
        const RecipeGenerator generator(catalog);
        struct Case {
            const char *name;
            const char *profile;
        };
        // Companions build their own matching torch; the avx cell turns kernels off with cmake flags.
        const QList<Case> cases = { { "pytorch-python313-cuda12_9-sm90-avx512", "pytorch-2.9" },
            { "torchvision-python313-cuda12_9-sm90-avx512", "pytorch-2.9" }, { "torchaudio-python313-cuda12_9-sm90-avx512", "pytorch-2.9" },
            { "pytorch-python313-cpu-avx2", "pytorch-2.9" }, { "pytorch-python313-cpu-armv9", "pytorch-2.9" },
            { "torchvision-python313-cpu-armv8_2", "pytorch-2.9" }, { "pytorch-python313-cpu-armv8_2", "pytorch-2.9" },
            { "pytorch-python311-cuda12_8-sm61-avx", "pytorch-2.8" }, { "pytorch-python311-cuda12_8-sm120-avx512bf16", "pytorch-2.8" } };
        QList<QPair<QString, QByteArray>> texts;
        for (const Case &c : cases) {
            const VariantName v = *VariantName::parse(c.name);
            const RecipeGenerator::Result r = generator.generate(v, *catalog.branchProfile(c.profile));
            QVERIFY2(r.ok(), qPrintable(QString::fromLatin1(c.name) + ": " + r.error));
            texts << qMakePair(v.fileName(), r.text.toUtf8());
        }
        QTemporaryDir tmp;
        QString error;
        const QStringList paths = DeepCheck::writeRecipes(tmp.path(), texts, &error);
        QVERIFY2(paths.size() == texts.size(), qPrintable(error));
        const QList<DeepCheck::Outcome> outcomes = DeepCheck::evaluate(paths, options());
        for (qsizetype i = 0; i < cases.size(); ++i) {
            const VariantName v = *VariantName::parse(cases.at(i).name);
            const DeepCheck::Outcome &o = outcomes.at(i);
            QVERIFY2(o.evaluated, qPrintable(QString::fromLatin1(cases.at(i).name) + ": " + o.error));
            QCOMPARE(o.pname, v.toString());
            QCOMPARE(o.cpuFlags, catalog.cpuIsa(v.isa)->compilerFlags);
            if (v.kind == VariantName::Kind::Cuda)
                QCOMPARE(o.gpuTargets, QStringList { catalog.gpuArch(v.gpu)->computeCapability });
            const QList<LintProblem> problems = DeepCheck::compare(catalog, "main", v.fileName(), v, o);
            QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0).toString()));
        }
    }

    void manyRecipesShareOneProcess()
    {
        // A wrapper around the real nix-instantiate counts the processes.
        QTemporaryDir tmp;
        const QString count = tmp.filePath("count");
        QFile script(tmp.filePath("nix-instantiate"));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\necho run >> '" + count.toUtf8() + "'\nexec nix-instantiate \"$@\"\n");
        script.close();
        script.setPermissions(script.permissions() | QFileDevice::ExeOwner);
        DeepCheckOptions o = options();
        o.nixInstantiate = script.fileName();
        auto runs = [&] {
            QFile f(count);
            return f.open(QIODevice::ReadOnly) ? int(f.readAll().count('\n')) : 0;
        };

        QStringList good;
        for (const char *name : { "pytorch-python313-cuda12_9-sm90-avx512.nix", "torchvision-python313-cuda12_9-sm90-avx512.nix",
                 "pytorch-python313-cuda12_8-sm86-avx2.nix", "torchaudio-python313-cuda12_8-sm86-avx2.nix",
                 "pytorch-python313-cpu-avx2.nix" })
            good << kRecipes + QLatin1Char('/') + QLatin1String(name);
        QList<DeepCheck::Outcome> outcomes = DeepCheck::evaluate(good, o);
        for (const DeepCheck::Outcome &out : outcomes)
            QVERIFY2(out.evaluated, qPrintable(out.error));
        QCOMPARE(runs(), 1);

        // One uncatchable failure: the batch is split, not evaluated recipe by recipe.
        QFile::remove(count);
        outcomes = DeepCheck::evaluate(good + QStringList { kRecipes + "/broken-syntax.nix" }, o);
        QVERIFY(!outcomes.last().evaluated);
        QVERIFY2(runs() <= 7, qPrintable(QString::number(runs())));
    }

    void newerOverlayStyles()
    {
        const QString name = "pytorch-python312-cuda13_0-sm100-avx2";
        const QList<DeepCheck::Outcome> outcomes = DeepCheck::evaluate({ kRecipes + "/" + name + ".nix" }, options());
        const DeepCheck::Outcome &o = outcomes.first();
        QVERIFY2(o.evaluated, qPrintable(o.error));
        QCOMPARE(o.cudaPackages, QStringLiteral("cudaPackages_13_0"));
        QCOMPARE(o.gpuTargets, QStringList { "10.0" });
        QCOMPARE(o.cpuFlags, (QStringList { "-mavx2", "-mfma", "-mf16c" }));
        QVERIFY(compareAs(&o, name).isEmpty());
    }

    // Before: an empty file or one with a byte-order mark was "could not evaluate
    // (not the recipe's fault)": it is the recipe's fault, and an error.
    void emptyAndBomFilesAreTheRecipesFault_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("says");
        QTest::newRow("empty") << QByteArray() << "empty";
        QTest::newRow("byte-order mark") << ("\xEF\xBB\xBF" + fixture("pytorch-python313-cpu-avx2.nix")) << "byte-order mark";
        QTest::newRow("only a comment") << QByteArray("# nothing else\n") << "syntax error";
    }
    void emptyAndBomFilesAreTheRecipesFault()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, says);
        QTemporaryDir dir;
        const QString name = "pytorch-python313-cpu-avx2";
        const QStringList files = DeepCheck::writeRecipes(dir.path(), { { name + ".nix", content } });
        QCOMPARE(files.size(), 1);
        const QList<DeepCheck::Outcome> outcomes = DeepCheck::evaluate(files, options());
        QVERIFY(!outcomes.first().evaluated);
        QVERIFY(outcomes.first().recipeFault);
        const QList<LintProblem> p = compareAs(&outcomes.first(), name);
        QCOMPARE(rulesOf(p), QStringList { "deep-syntax" });
        QCOMPARE(p.first().severity, LintProblem::Severity::Error);
        QVERIFY2(p.first().message.contains(says), qPrintable(p.first().message));
        // A gap of the stand-in stays information.
        QVERIFY(!find(m_outcomes, "needs-flash-attn.nix")->recipeFault);
    }

    // Before: a predictable folder under /tmp, trusted whenever its marker existed,
    // whoever made it: another user could plant what `lint --deep` evaluates.
    void standInLivesInAPrivateFolder()
    {
        QString error;
        const QString dir = DeepCheck::standInDirectory(&error);
        QVERIFY2(!dir.isEmpty(), qPrintable(error));
        QCOMPARE(DeepCheck::standInDirectory(), dir); // once per process
        const QFileInfo info(dir);
        QCOMPARE(info.ownerId(), uint(::getuid()));
        QCOMPARE(info.permissions()
                & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
                    | QFileDevice::WriteOther | QFileDevice::ExeOther),
            QFileDevice::Permissions());
        QVERIFY(QFileInfo::exists(dir + "/deep-check.nix"));
        // A planted folder of the old, predictable kind is never used.
        const QString planted = QDir::temp().filePath("variant-studio-nix-planted");
        QVERIFY(QDir().mkpath(planted));
        QFile marker(planted + "/.complete");
        QVERIFY(marker.open(QIODevice::WriteOnly));
        marker.close();
        QVERIFY(!dir.startsWith(planted));
        QDir(planted).removeRecursively();
    }

    void missingNixIsReported()
    {
        DeepCheckOptions o = options();
        o.nixInstantiate = QStringLiteral("/nonexistent/no-such-nix-instantiate");
        const QList<DeepCheck::Outcome> outcomes = DeepCheck::evaluate({ m_outcomes.first().file }, o);
        QCOMPARE(outcomes.size(), 1);
        QVERIFY(!outcomes.first().evaluated);
        QVERIFY2(outcomes.first().error.contains(QLatin1String("no-such-nix-instantiate")), qPrintable(outcomes.first().error));
    }
};

QTEST_GUILESS_MAIN(TestDeepCheck)
#include "test_deep_check.moc"
