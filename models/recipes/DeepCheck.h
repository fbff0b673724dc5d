#pragma once

#include "recipes/Lint.h"

#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>
#include <optional>

namespace vs {

struct BranchScan;
struct RecipeFile;
class Catalog;
struct VariantName;

struct DeepCheckOptions {
    QString nixInstantiate = QStringLiteral("nix-instantiate"); // name on PATH or a path
    QStringList nixOptions; // extra arguments, e.g. {"--option", "substituters", ""}
    int batchSize = 64; // recipes per nix-instantiate process
    int timeoutMs = 300000; // per process
    QString standInDir; // empty: the embedded stand-in nixpkgs, extracted once
    // What deep-check.nix reports per recipe: empty for the deep check's facts,
    // "torch" for the PyTorch a recipe builds (companions/SharedBuildCheck).
    QString mode;
};

// Evaluates recipes with the real `nix-instantiate --eval --strict --json`
// against the stand-in nixpkgs of resources/nix (nothing is downloaded or
// built) and reports what they really produce. Regular expressions over the
// recipe text can be fooled by comments and unused bindings; this cannot.
class DeepCheck {
public:
    struct Outcome {
        QString file; // absolute path as given
        bool evaluated = false;
        QString error; // "could not evaluate" reason in nix's words; information, not a recipe fault…
        bool recipeFault = false; // …unless the file itself is no Nix: empty, a byte-order mark, a syntax error
        QString pname;
        QString version;
        QStringList gpuTargets; // effective TORCH_CUDA_ARCH_LIST ("9.0"), empty without CUDA
        QStringList gpuTargetsArgument; // what .override { gpuTargets } received
        std::optional<bool> cudaSupport; // empty: the package has no such notion
        QString cudaPackages; // "cudaPackages_12_9"
        QString cudaVersion; // "12.9"
        QStringList cpuFlags; // -m… flags of CXXFLAGS/CFLAGS/NIX_CFLAGS_COMPILE (env and preConfigure)
        QStringList cmakeFlags;
        QStringList platforms; // meta.platforms
        QString torch; // pname of the torch a torchvision/torchaudio recipe builds against
        QJsonObject raw; // the driver's entry as it came (all of it in mode "torch")
    };

    // Outcomes in the order of recipeFiles. Blocks: run it off the UI thread.
    static QList<Outcome> evaluate(const QStringList &recipeFiles, const DeepCheckOptions &options = {});
    static QFuture<QList<Outcome>> evaluateAsync(const QStringList &recipeFiles, const DeepCheckOptions &options = {});

    // What the evaluation says against what the file name promises, as lint
    // problems (rules "deep-…", see rules()). A recipe that could not be
    // evaluated gives one "deep-unevaluated" info, never an error. `text` (the
    // recipe's metadata) places each finding on the line of the binding it comes
    // from (TORCH_CUDA_ARCH_LIST, cudaSupport, CXXFLAGS, …); without it, line 0.
    static QList<LintProblem> compare(const Catalog &catalog, const QString &branch, const QString &file, const VariantName &variant,
        const Outcome &outcome, const RecipeMetadata &text = {});
    static const QList<LintRule> &rules();

    // `lint --deep`: every readable recipe of every scanned branch, evaluated in
    // batches (the checked-out branch from the working tree, the others from
    // their blobs written to a temporary folder), compared with its name.
    // PICK, when given, chooses the recipes evaluated; the others of a branch
    // not checked out are still written, for the ones that import them.
    using RecipeFilter = std::function<bool(const BranchScan &, const RecipeFile &)>;
    static QList<LintProblem> checkRepository(const QString &root, const Catalog &catalog, const QList<BranchScan> &branches,
        const DeepCheckOptions &options = {}, const RecipeFilter &pick = {});

    // The embedded stand-in nixpkgs extracted, once per process, into a private
    // temporary folder (random name, mode 0700, removed at exit). Empty and
    // *error set when it cannot be written.
    static QString standInDirectory(QString *error = nullptr);

    // For recipes of branches that are not checked out: writes each (path, text)
    // into dir, keeping names (relative to .flox/pkgs) so `import ./sibling.nix`
    // still works. Returns the absolute paths, or an empty list and *error.
    static QStringList writeRecipes(const QString &dir, const QList<QPair<QString, QByteArray>> &recipes, QString *error = nullptr);

private:
    static QString extractStandIn(const QTemporaryDir &dir); // empty, or why not
};

} // namespace vs
