#pragma once

#include "catalog/Catalog.h"
#include "recipes/RecipeFile.h"

#include <QString>

namespace vs {

// Writes the recipe of a missing TorchVision/TorchAudio cell so that it shares
// its PyTorch build: the partner PyTorch recipe's whole expression is embedded
// verbatim as customPytorch (same pin, overrides, flags, pname: the same
// derivation, so Nix builds PyTorch once), and the companion package comes
// from the same pinned nixpkgs. Issue 9's fix is in it: nixpkgs builds a
// companion's kernels for torch.cudaCapabilities (config.cudaCapabilities), not
// for torch's gpuTargets, so the recipe names its architecture in
// env.TORCH_CUDA_ARCH_LIST.
class CompanionGenerator {
public:
    // Empty and *error set when the partner cannot be embedded (no pin, a link,
    // imports a sibling file of its own repository, not the `{ pkgs ? … }:` shape).
    static QString text(const Catalog &catalog, const RecipeFile &pytorchRecipe, const VariantName &companion, QString *error);
};

} // namespace vs
