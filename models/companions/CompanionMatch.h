#pragma once

#include "builds/BuildHistory.h"
#include "companions/BranchPairing.h"
#include "repository/RepositoryScan.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace vs {

// How far the PyTorch a companion cell needs has come.
enum class PartnerStatus { Missing, Defined, Built, Published };
QString toString(PartnerStatus status); // "missing" | "defined" | "built" | "published"

// One TorchVision/TorchAudio recipe and the PyTorch recipe it must be built with.
struct CompanionEntry {
    QString branch; // companion repository's branch
    QString file; // ".flox/pkgs/torchvision-….nix"
    QString variant; // "torchvision-python313-cuda12_9-sm90-avx512"
    QString pytorchBranch; // the paired branch; empty when the branch has no partner
    QString pytorchVariant; // "pytorch-python313-cuda12_9-sm90-avx512"
    QString pytorchRecipe; // ".flox/pkgs/pytorch-….nix"; empty when missing
    PartnerStatus status = PartnerStatus::Missing;
    QString lastBuild; // the PyTorch cell's latest outcome ("failed", "building", …; "none")
};

// Variants one side of a branch pair has and the other lacks.
struct CompanionGap {
    QString companionBranch;
    QString pytorchBranch;
    QString package; // the companion package the gap is about ("torchvision")
    QStringList withoutPytorch; // companion variants whose PyTorch recipe is missing
    QStringList withoutCompanion; // PyTorch variants that have no such companion
};

struct CompanionReport {
    QList<BranchPair> pairs;
    QList<CompanionEntry> entries; // in branch and file order
    QList<CompanionGap> gaps; // only pairs with something missing

    qsizetype withoutPartnerRecipe() const;
};

// Matches every companion recipe (any package but PyTorch) of the companion
// repository with the PyTorch variant of the same Python, CUDA release, GPU and
// ISA on the paired branch of the PyTorch repository; statuses come from that
// repository's build history.
class CompanionMatch {
public:
    static const QString &pytorchPackage(); // "pytorch"

    // branches: companion branches to report (empty: all). Branches are paired as the
    // companion repository's .flox/variant-studio.yaml states (companion.catalog.pairing), else inferred.
    static CompanionReport match(const RepositoryScan &pytorch, const RepositoryScan &companion,
        const QHash<QPair<QString, QString>, CellHistory> &pytorchHistory, const QStringList &branches = {});

    // A PyTorch recipe's status from its cell's history: defined, built or published.
    static PartnerStatus statusOf(const CellHistory &pytorchCell);
    // The PyTorch variant a companion variant needs ("torchvision-python313-cpu-avx2" → "pytorch-python313-cpu-avx2").
    static QString partnerVariant(const VariantName &companion);
};

} // namespace vs
