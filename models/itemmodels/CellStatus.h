#pragma once

#include <QList>
#include <QString>

namespace vs {

// What one cell of the matrix is, from "nothing there" to "published".
// Every status has a glyph and a name here, and a colour (one for light, one for
// dark palettes) in views/CellStatusColors: colour is never the only signal.
enum class CellStatus {
    NotDefined, // compatible, no recipe on the branch
    Incompatible, // the catalogue says this cannot be built (reason in the tooltip)
    Defined, // a committed recipe
    New, // new or modified in the working tree
    Problem, // the recipe has lint warnings or errors
    NeedsPytorch, // a companion recipe whose PyTorch partner recipe is missing
    Queued,
    Building,
    Built,
    Failed,
    DependencyFailed, // not run: the build it waited for (its PyTorch) failed
    Published,
};

class CellStatusInfo {
public:
    static QList<CellStatus> all();
    static QString name(CellStatus status); // "not defined", translated
    static QString glyph(CellStatus status); // "✓", one character
    static QString description(CellStatus status); // one sentence for the legend tooltip
    // Only a TorchVision/TorchAudio cell can have it (needs PyTorch, dependency failed).
    static bool isCompanionOnly(CellStatus status) { return status == CellStatus::NeedsPytorch || status == CellStatus::DependencyFailed; }
    static QString key(CellStatus status); // "not-defined": stable, for JSON and settings
    // Built by a build: queued … published.
    static bool isBuildState(CellStatus status);
    // Has a recipe on the branch.
    static bool hasRecipe(CellStatus status);
};

} // namespace vs
