#include "CellMarks.h"

#include <QPainter>
#include <QPainterPath>

namespace vs {

QRect CellMarks::runsHereRect(const QRect &cell)
{
    const int side = qBound(7, cell.height() / 3, 12);
    return QRect(cell.right() - side - 1, cell.top() + 2, side, side);
}

void CellMarks::paintRunsHere(QPainter *painter, const QRect &cell, const QColor &ink)
{
    const QRect m = runsHereRect(cell);
    QPainterPath triangle;
    triangle.moveTo(m.topLeft());
    triangle.lineTo(m.topRight());
    triangle.lineTo(m.bottomRight());
    triangle.closeSubpath();
    painter->fillPath(triangle, ink);
}

void CellMarks::paintRecommended(QPainter *painter, const QRect &cell, const QColor &ink)
{
    painter->save();
    QPen pen(ink, 3);
    pen.setJoinStyle(Qt::MiterJoin);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(cell.adjusted(1, 1, -2, -2));
    painter->restore();
}

} // namespace vs
