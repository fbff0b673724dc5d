#pragma once

#include "itemmodels/CellStatus.h"

#include <QColor>
#include <QFont>
#include <QRect>
#include <optional>

class QPainter;

namespace vs {

// The marks a matrix cell can carry on top of its status colour, painted the
// same way in the grid (StatusDelegate) and in the legend that explains them.
class CellMarks {
public:
    // Where the "runs on this machine" corner mark sits inside a cell rect.
    static QRect runsHereRect(const QRect &cell);
    // A filled triangle in the top right corner: "runs on this machine".
    static void paintRunsHere(QPainter *painter, const QRect &cell, const QColor &ink);
    // A bold frame: "recommended for this machine".
    static void paintRecommended(QPainter *painter, const QRect &cell, const QColor &ink);

    // A companion cell's PyTorch partner: a tag in the bottom left corner in the
    // partner status's colour with its glyph, then "=" when both share one PyTorch
    // build, "≠" when the companion builds its own (nothing when not known).
    static QString partnerText(CellStatus partner, std::optional<bool> shared);
    static QFont partnerFont(const QFont &base);
    static QRect partnerRect(const QRect &cell, const QFont &base, const QString &text);
    static void paintPartner(
        QPainter *painter, const QRect &cell, const QFont &base, CellStatus partner, std::optional<bool> shared, bool dark);
};

} // namespace vs
