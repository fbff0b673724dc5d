#pragma once

#include "itemmodels/CellStatus.h"

#include <QColor>

namespace vs {

// The colours of each cell status (its words and glyph are CellStatusInfo's):
// one for light palettes, one for dark ones, and the ink that reads on them.
class CellStatusColors {
public:
    static QColor color(CellStatus status, bool darkPalette);
    static QColor textColor(CellStatus status, bool darkPalette); // readable on color()
};

} // namespace vs
