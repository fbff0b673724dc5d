#pragma once

#include "companions/CompanionMatch.h"
#include "companions/TorchFactsCompare.h"
#include "recipes/DeepCheck.h"

#include <QList>
#include <QString>

#include <optional>

namespace vs {

// Whether a companion recipe's embedded PyTorch is the same derivation as its
// partner PyTorch recipe's (Nix builds it once) or not (a second PyTorch build).
struct SharedBuild {
    std::optional<bool> shared; // empty: not evaluable (error says why) or no partner recipe
    QList<BuildDifference> differences;
    QString error;

    // "shares its PyTorch build" / "builds its own PyTorch: differs in nixpkgs pin, CPU flags" / "not evaluated: …"
    QString summary() const;
};

// Evaluates, with the real nix-instantiate against the stand-in nixpkgs
// (DeepCheck's batches, mode "torch"), the PyTorch every companion recipe builds
// and the PyTorch its partner recipe builds, and compares what decides the
// derivation: pin, config, cudaSupport, gpuTargets, CUDA set, CPU flags and
// how they are applied, Python, other attributes. Branches that are not checked
// out are evaluated from their blobs (with their siblings, for `import ./…`).
class SharedBuildCheck {
public:
    // One result per entry, in order. Blocks: run it off the UI thread.
    static QList<SharedBuild> check(const RepositoryScan &pytorch, const RepositoryScan &companion, const QList<CompanionEntry> &entries,
        const DeepCheckOptions &options = {});
    // The same from two evaluated recipes (DeepCheck outcomes in mode "torch").
    static SharedBuild compare(const DeepCheck::Outcome &companion, const DeepCheck::Outcome &pytorch);
};

} // namespace vs
