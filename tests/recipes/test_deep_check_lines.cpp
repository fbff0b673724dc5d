// Deep-check findings point at the binding they come from (issue 9, item 7): the
// test writes recipes, evaluates them with the real nix-instantiate against the
// stand-in nixpkgs, and compares each finding's line with the line of its binding.
#include "catalog/Catalog.h"
#include "recipes/DeepCheck.h"
#include "recipes/RecipeFile.h"
#include "support/GitFixture.h"
#include "support/LintHelpers.h"
#include "variants/VariantName.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace vs;
using vs::test::lineOf;

namespace {

// Builds for sm86 with AVX2 flags, named sm90/avx512: GPU targets and CPU flags are wrong.
const char *kWrongTargets = R"(# callPackage style, as the public repositories write it
{ python3Packages, lib, config, cudaPackages, addDriverRunpath }:
let
  gpuArchSM = "8.6";
  cpuFlags = [ "-mavx2" "-mfma" ];
in
  (python3Packages.torch.override {
    cudaSupport = true;
    gpuTargets = [ gpuArchSM ];
  }).overrideAttrs (oldAttrs: {
    pname = "pytorch-python313-cuda12_8-sm90-avx512";
    preConfigure = (oldAttrs.preConfigure or "") + ''
      export CXXFLAGS="$CXXFLAGS ${lib.concatStringsSep " " cpuFlags}"
      export TORCH_CUDA_ARCH_LIST="${gpuArchSM}"
    '';
  })
)";

// nixpkgs' config says CUDA, PyTorch's override says no: a CUDA name is wrong there.
const char *kOverrideWithoutCuda = R"({ pkgs ? import <nixpkgs> {} }:
let
  nixpkgs_pinned = import <nixpkgs> { config.cudaSupport = true; };
in
  (nixpkgs_pinned.python3Packages.torch.override {
    cudaSupport = false;
  }).overrideAttrs (old: {
    pname = "pytorch-python313-cuda12_8-sm86-avx2";
    preConfigure = (old.preConfigure or "") + ''
      export CXXFLAGS="-mavx2 -mfma $CXXFLAGS"
    '';
  })
)";

struct Finding {
    QString rule;
    int line;
    LintProblem::Severity severity;
};

QList<Finding> deepCheck(const QString &name, const QString &text)
{
    QTemporaryDir dir;
    const QStringList files = DeepCheck::writeRecipes(dir.path(), { { name + ".nix", text.toUtf8() } });
    if (files.size() != 1)
        return {};
    DeepCheckOptions options;
    options.nixOptions = vs::test::offlineNixOptions();
    const QList<DeepCheck::Outcome> outcomes = DeepCheck::evaluate(files, options);
    const RecipeFile recipe = RecipeFile::fromText(".flox/pkgs/" + name + ".nix", text);
    QList<Finding> out;
    for (const LintProblem &p :
        DeepCheck::compare(Catalog::embedded(), "main", recipe.path, *VariantName::parse(name), outcomes.first(), recipe.meta))
        out << Finding { p.rule, p.line, p.severity };
    if (!outcomes.first().evaluated)
        qWarning("not evaluated: %s", qPrintable(outcomes.first().error));
    return out;
}

const Finding *find(const QList<Finding> &all, const char *rule)
{
    for (const Finding &f : all)
        if (f.rule == QLatin1String(rule))
            return &f;
    return nullptr;
}

} // namespace

class TestDeepCheckLines : public QObject {
    Q_OBJECT

private slots:
    void gpuTargetsAndFlagsPointAtTheirBindings()
    {
        const QString text = QString::fromLatin1(kWrongTargets);
        const QList<Finding> all = deepCheck("pytorch-python313-cuda12_8-sm90-avx512", text);
        const Finding *gpu = find(all, "deep-gpu-targets");
        QVERIFY(gpu);
        QCOMPARE(gpu->line, lineOf(text, "export TORCH_CUDA_ARCH_LIST"));
        const Finding *cpu = find(all, "deep-cpu-flags");
        QVERIFY(cpu);
        QCOMPARE(cpu->severity, LintProblem::Severity::Error);
        QCOMPARE(cpu->line, lineOf(text, "cpuFlags = ["));
        QVERIFY(gpu->line != cpu->line);
    }

    void cudaSupportPointsAtTheOverride()
    {
        const QString text = QString::fromLatin1(kOverrideWithoutCuda);
        const QList<Finding> all = deepCheck("pytorch-python313-cuda12_8-sm86-avx2", text);
        const Finding *cuda = find(all, "deep-cuda");
        QVERIFY(cuda);
        QCOMPARE(cuda->line, lineOf(text, "cudaSupport = false"));
        QVERIFY(cuda->line != lineOf(text, "config.cudaSupport"));
        // AVX2 without -mf16c still builds for avx2: a warning, on the flags' line.
        const Finding *cpu = find(all, "deep-cpu-flags-differ");
        QVERIFY(cpu);
        QCOMPARE(cpu->severity, LintProblem::Severity::Warning);
        QCOMPARE(cpu->line, lineOf(text, "export CXXFLAGS"));
        QVERIFY(!find(all, "deep-cpu-flags"));
    }
};

QTEST_GUILESS_MAIN(TestDeepCheckLines)
#include "test_deep_check_lines.moc"
