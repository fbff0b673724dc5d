// Lint reads what a recipe builds, not the first text that matches (issue 9, item 7):
// PyTorch's effective cudaSupport, compiler flags by the features they imply, and
// warnings (not errors) where the text is valid or only the evaluation could tell.
#include "catalog/Catalog.h"
#include "recipes/CpuFlagCheck.h"
#include "recipes/Lint.h"
#include "support/LintHelpers.h"

#include <QtTest>

using namespace vs;
using vs::test::dump;
using vs::test::lineOf;
using vs::test::withRule;

namespace {

QList<LintProblem> lint(const QString &fileName, const QString &text)
{
    BranchScan b;
    b.name = QStringLiteral("main");
    b.recipes = { RecipeFile::fromText(QStringLiteral(".flox/pkgs/") + fileName, text) };
    return Lint::check(Catalog::embedded(), b);
}

// A TorchVision CPU recipe as the public repositories write it: nixpkgs' config
// says cudaSupport = true, the PyTorch it builds against says false.
QString torchvisionCpu(const char *overrideValue, const QString &flags = QStringLiteral("\"-mavx2\" \"-mfma\" \"-mf16c\""))
{
    return QStringLiteral("{ pkgs ? import <nixpkgs> {} }:\n"
                          "let\n"
                          "  nixpkgs_pinned = import <nixpkgs> {\n"
                          "    config = {\n"
                          "      allowUnfree = true;\n"
                          "      cudaSupport = true;\n"
                          "    };\n"
                          "  };\n"
                          "  cpuFlags = [ %2 ];\n"
                          "  customPytorch = (nixpkgs_pinned.python313Packages.torch.override {\n"
                          "    cudaSupport = %1;\n"
                          "  }).overrideAttrs (old: {\n"
                          "    preConfigure = (old.preConfigure or \"\") + ''\n"
                          "      export CXXFLAGS=\"${nixpkgs_pinned.lib.concatStringsSep \" \" cpuFlags} $CXXFLAGS\"\n"
                          "    '';\n"
                          "  });\n"
                          "in\n"
                          "  (nixpkgs_pinned.python313Packages.torchvision.override { torch = customPytorch; }).overrideAttrs (old: {\n"
                          "    pname = \"torchvision-python313-cpu-avx2\";\n"
                          "    meta = old.meta // { platforms = [ \"x86_64-linux\" ]; };\n"
                          "  })\n")
        .arg(QString::fromLatin1(overrideValue), flags);
}

// TorchAudio main: callPackage shape, no pin, gpuArchSM = "sm_90", flags appended
// after $CXXFLAGS, and a torch whose cudaSupport comes from the caller's config.
const char *kTorchaudioMain = R"({ python3Packages, lib, config, cudaPackages, addDriverRunpath, fetchPypi }:
let
  gpuArchSM = "sm_90";
  customPytorch = python3Packages.torch.override {
    cudaSupport = config.cudaSupport;
    gpuTargets = [ gpuArchSM ];
  };
in
  (python3Packages.torchaudio.override { torch = customPytorch; }).overrideAttrs (old: {
    pname = "torchaudio-python313-cuda12_9-sm90-avx2";
    preConfigure = (old.preConfigure or "") + ''
      export CXXFLAGS="$CXXFLAGS -mavx2 -mfma -mf16c"
      export TORCH_CUDA_ARCH_LIST="${gpuArchSM}"
    '';
  })
)";

CpuFlagVerdict judge(const char *isa, const QStringList &flags)
{
    const Catalog &c = Catalog::embedded();
    return CpuFlagVerdict::judge(c, *c.cpuIsa(QString::fromLatin1(isa)), flags);
}

} // namespace

class TestLintCompanions : public QObject {
    Q_OBJECT

private slots:
    // A companion that embeds its PyTorch recipe verbatim (CompanionGenerator) holds
    // PyTorch's pname first and its own later: named right, no warning; without its own, a warning.
    void embeddedPytorchPnameIsNotTheCompanions()
    {
        QString text = torchvisionCpu("false");
        text.replace(
            QStringLiteral("  customPytorch = ("), QStringLiteral("  customPytorch = let pname = \"pytorch-python313-cpu-avx2\"; in ("));
        QVERIFY(text.contains(QLatin1String("pname = \"pytorch-python313-cpu-avx2\"")));
        QVERIFY2(withRule(lint(QStringLiteral("torchvision-python313-cpu-avx2.nix"), text), QStringLiteral("pname-mismatch")).isEmpty(),
            qPrintable(dump(lint(QStringLiteral("torchvision-python313-cpu-avx2.nix"), text))));
        text.replace(QStringLiteral("pname = \"torchvision-python313-cpu-avx2\""), QStringLiteral("pname = \"torchvision-other\""));
        QCOMPARE(withRule(lint(QStringLiteral("torchvision-python313-cpu-avx2.nix"), text), QStringLiteral("pname-mismatch")).size(), 1);
    }

    void torchOverrideDecidesCudaSupport()
    {
        const QString text = torchvisionCpu("false");
        const RecipeMetadata meta = RecipeMetadata::extract(text);
        QCOMPARE(meta.cudaSupport, std::optional<bool>(false));
        QCOMPARE(meta.line("cudaSupport"), lineOf(text, "cudaSupport = false"));
        const QList<LintProblem> all = lint("torchvision-python313-cpu-avx2.nix", text);
        QVERIFY2(all.isEmpty(), qPrintable(dump(all)));
    }

    void overrideContradictingTheNameIsAnErrorOnItsLine()
    {
        // The reverse: the CPU name, a torch override that builds with CUDA.
        QString text = torchvisionCpu("true");
        text.replace("      cudaSupport = true;\n    };", "      cudaSupport = false;\n    };"); // nixpkgs' config says no CUDA
        const QList<LintProblem> found = withRule(lint("torchvision-python313-cpu-avx2.nix", text), "cuda-support-mismatch");
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().severity, LintProblem::Severity::Error);
        QCOMPARE(found.first().line, lineOf(text, "    cudaSupport = true;"));
        QVERIFY(lineOf(text, "    cudaSupport = true;") > lineOf(text, "cudaSupport = false"));
    }

    void nixpkgsConfigCountsWithoutAnOverride()
    {
        const QString text = QStringLiteral("let p = import <nixpkgs> { config.cudaSupport = true; };\n"
                                            "in p.python3Packages.torch.overrideAttrs (o: { pname = \"x\"; })\n");
        const RecipeMetadata meta = RecipeMetadata::extract(text);
        QCOMPARE(meta.cudaSupport, std::optional<bool>(true));
        QCOMPARE(meta.line("cudaSupport"), 1);
        // Also through a function of the old arguments: .override (old: { … }).
        const RecipeMetadata fn
            = RecipeMetadata::extract(QStringLiteral("let p = import <nixpkgs> { config = { cudaSupport = true; }; };\n"
                                                     "in p.python3Packages.torch.override (old: {\n  cudaSupport = false;\n})\n"));
        QCOMPARE(fn.cudaSupport, std::optional<bool>(false));
        QCOMPARE(fn.line("cudaSupport"), 3);
    }

    void callPackageRecipeWithoutLiteralsHasNoError()
    {
        const QString text = QString::fromLatin1(kTorchaudioMain);
        const RecipeMetadata meta = RecipeMetadata::extract(text);
        QVERIFY(!meta.cudaSupport); // the caller's config decides: only evaluation can tell
        QCOMPARE(meta.gpuArch, QStringLiteral("sm90"));
        QCOMPARE(meta.cpuFlags, (QStringList { "-mavx2", "-mfma", "-mf16c" }));
        QCOMPARE(meta.line("gpuTargets"), lineOf(text, "TORCH_CUDA_ARCH_LIST"));
        const QList<LintProblem> all = lint("torchaudio-python313-cuda12_9-sm90-avx2.nix", text);
        QVERIFY2(!hasErrors(all), qPrintable(dump(all)));
        QVERIFY2(all.isEmpty(), qPrintable(dump(all)));
    }

    void equivalentSpellingsAreEqual_data()
    {
        QTest::addColumn<QString>("isa");
        QTest::addColumn<QStringList>("flags");
        QTest::newRow("armv9-a implies sve2, +sve2 implies sve") << "armv9" << QStringList { "-march=armv9-a+sve2" };
        QTest::newRow("armv9-a alone") << "armv9" << QStringList { "-march=armv9-a" };
        QTest::newRow("avx2, other order, tuning") << "avx2" << QStringList { "-mf16c", "-mtune=haswell", "-mavx2", "-mfma" };
        QTest::newRow("avx2 written twice") << "avx2" << QStringList { "-mavx2", "-mavx2", "-mfma", "-mf16c" };
    }
    void equivalentSpellingsAreEqual()
    {
        QFETCH(QString, isa);
        QFETCH(QStringList, flags);
        const CpuFlagVerdict v = judge(qPrintable(isa), flags);
        QVERIFY2(v.kind == CpuFlagVerdict::Kind::Same, qPrintable(v.detail));
    }

    void validButDifferentIsAWarning_data()
    {
        QTest::addColumn<QString>("isa");
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<QString>("detail");
        QTest::newRow("avx2 without -mf16c") << "avx2" << QStringList { "-mavx2", "-mfma" } << "without -mf16c";
        QTest::newRow("-march=haswell for avx2") << "avx2" << QStringList { "-march=haswell" } << "also -march=haswell";
        QTest::newRow("avx without the -mno- guards")
            << "avx" << QStringList { "-mavx" } << "without -mno-fma -mno-bmi -mno-bmi2 -mno-avx2";
        QTest::newRow("a flag lint does not know") << "avx2" << QStringList { "-mavx2", "-mfma", "-mf16c", "-mfoo" } << "-mfoo not in";
        QTest::newRow("avx512 without -mfma") << "avx512" << QStringList { "-mavx512f", "-mavx512dq", "-mavx512vl", "-mavx512bw" }
                                              << "without -mfma";
    }
    void validButDifferentIsAWarning()
    {
        QFETCH(QString, isa);
        QFETCH(QStringList, flags);
        QFETCH(QString, detail);
        const CpuFlagVerdict v = judge(qPrintable(isa), flags);
        QCOMPARE(v.kind, CpuFlagVerdict::Kind::Differs);
        QVERIFY2(v.detail.contains(detail), qPrintable(v.detail));
    }

    void missingOrForeignFeatureIsAnError_data()
    {
        QTest::addColumn<QString>("isa");
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<QString>("detail");
        QTest::newRow("avx2 without -mavx2") << "avx2" << QStringList { "-mfma", "-mf16c" } << "missing -mavx2";
        QTest::newRow("AVX-512 in an avx2 build")
            << "avx2" << QStringList { "-mavx2", "-mfma", "-mf16c", "-mavx512f" } << "unexpected -mavx512f";
        QTest::newRow("avx2 switched off again") << "avx2" << QStringList { "-mavx2", "-mfma", "-mno-avx2" } << "missing -mavx2";
        QTest::newRow("armv9 on an armv8_2 build") << "armv8_2" << QStringList { "-march=armv9-a+sve2" } << "unexpected";
        QTest::newRow("armv9 without SVE") << "armv9" << QStringList { "-march=armv9-a+nosve" } << "missing";
        QTest::newRow("avx2 flags named avx512") << "avx512" << QStringList { "-mavx2", "-mfma", "-mf16c" } << "flags of avx2";
    }
    void missingOrForeignFeatureIsAnError()
    {
        QFETCH(QString, isa);
        QFETCH(QStringList, flags);
        QFETCH(QString, detail);
        const CpuFlagVerdict v = judge(qPrintable(isa), flags);
        QCOMPARE(v.kind, CpuFlagVerdict::Kind::Wrong);
        QVERIFY2(v.detail.contains(detail), qPrintable(v.detail));
    }

    void featuresFollowGcc()
    {
        const CpuFeatureTable &t = Catalog::embedded().cpuFeatures;
        const CpuFlagFeatures armv9 = CpuFlagFeatures::of(t, { "-march=armv9-a" });
        for (const char *f : { "sve2", "sve", "fp16", "dotprod", "simd", "armv8.2-a" })
            QVERIFY2(armv9.enabled.contains(QLatin1String(f)), f);
        // -mno-avx2 takes AVX-512 (which needs it) along, but leaves AVX.
        const CpuFlagFeatures off = CpuFlagFeatures::of(t, { "-mavx512f", "-mno-avx2" });
        QVERIFY(!off.enabled.contains("avx512f"));
        QVERIFY(!off.enabled.contains("avx2"));
        QVERIFY(off.enabled.contains("avx"));
        QVERIFY(off.disabled.contains("avx2"));
        QCOMPARE(CpuFlagFeatures::of(t, { "-march=armv9-a+sve2+frob" }).unknown, QStringList { "-march=armv9-a+frob" });
    }

    void lintUsesTheVerdictWithItsLine()
    {
        const QString text = torchvisionCpu("false", "\"-mavx2\" \"-mfma\"");
        QList<LintProblem> all = lint("torchvision-python313-cpu-avx2.nix", text);
        QCOMPARE(withRule(all, "cpu-flags-differ").size(), 1);
        QCOMPARE(withRule(all, "cpu-flags-differ").first().line, lineOf(text, "cpuFlags = ["));
        QCOMPARE(withRule(all, "cpu-flags-differ").first().severity, LintProblem::Severity::Warning);
        QVERIFY2(!hasErrors(all), qPrintable(dump(all)));
        all = lint("torchvision-python313-cpu-avx2.nix", torchvisionCpu("false", "\"-mavx2\" \"-mavx512f\""));
        QCOMPARE(withRule(all, "cpu-flags-mismatch").size(), 1);
        QVERIFY(withRule(all, "cpu-flags-differ").isEmpty());
    }

    void unusedGpuDefinitionIsAWarning()
    {
        // gpuArchNum disagrees, but what the build uses (gpuTargets, the export) is the name's.
        QString text = QString::fromLatin1(kTorchaudioMain);
        text.replace("  gpuArchSM = \"sm_90\";\n", "  gpuArchSM = \"sm_90\";\n  gpuArchNum = \"86\";\n");
        QList<LintProblem> all = lint("torchaudio-python313-cuda12_9-sm90-avx2.nix", text);
        QCOMPARE(withRule(all, "gpu-arch-unused").size(), 1);
        QCOMPARE(withRule(all, "gpu-arch-unused").first().line, lineOf(text, "gpuArchNum"));
        QVERIFY2(!hasErrors(all), qPrintable(dump(all)));
        // When the uses themselves contradict the name, it stays an error.
        text.replace("gpuTargets = [ gpuArchSM ]", "gpuTargets = [ \"8.6\" ]");
        all = lint("torchaudio-python313-cuda12_9-sm90-avx2.nix", text);
        QCOMPARE(withRule(all, "gpu-arch-mismatch").size(), 1);
        QCOMPARE(withRule(all, "gpu-arch-mismatch").first().severity, LintProblem::Severity::Error);
    }
};

QTEST_GUILESS_MAIN(TestLintCompanions)
#include "test_lint_companions.moc"
