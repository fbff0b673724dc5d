#pragma once

#include <QColor>
#include <QRect>

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
};

} // namespace vs
