#pragma once

#include "companions/CompanionMatch.h"
#include "companions/SharedBuildCheck.h"
#include "itemmodels/CellStatus.h"

#include <QHash>
#include <QStringList>

#include <optional>

namespace vs {

// What the grid and the companions table show of one companion cell: its PyTorch
// partner, that partner's status and whether both share one PyTorch build.
struct CompanionOverlay {
    CompanionEntry entry;
    std::optional<SharedBuild> shared; // empty: not evaluated (yet)

    bool partnerMissing() const { return entry.pytorchRecipe.isEmpty(); }
    // The partner's status as a cell status: needs PyTorch, defined, built or published.
    CellStatus partnerStatus() const;
    QString statusText() const; // "needs PyTorch" | "defined" | "built" | "published"
    // true / false / empty: shares its PyTorch build, builds its own, not known.
    std::optional<bool> sharesBuild() const { return shared ? shared->shared : std::nullopt; }
    // The partner, its status and last build, the shared-build verdict and each difference.
    QStringList tooltipLines() const;
};

// Companion cells of one repository by BuildStates::key(branch, variant).
using CompanionOverlays = QHash<QString, CompanionOverlay>;

} // namespace vs
