#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace vs {

// One thing that makes a companion's PyTorch another derivation than the
// PyTorch recipe's (so Nix builds PyTorch twice).
struct BuildDifference {
    QString what; // "nixpkgs pin", "cudaSupport", "gpuTargets", "CUDA package set", "CPU flags",
                  // "how CPU flags are applied", "Python version", "nixpkgs config.cudaSupport", "attribute pname", …
    QString companion; // the companion's side, as text
    QString pytorch; // the PyTorch recipe's side
};

// Compares two "torch" descriptions of resources/nix/torch-facts.nix (the
// `torch` object of an entry). Empty: the same derivation, one build.
class TorchFactsCompare {
public:
    static QList<BuildDifference> compare(const QJsonObject &companion, const QJsonObject &pytorch);
    // "6a030d53…" for a nixpkgs archive URL, "the caller's nixpkgs (no pin)" for none.
    static QString pinText(const QJsonValue &pin);
};

} // namespace vs
