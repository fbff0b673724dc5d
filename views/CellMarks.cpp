#include "CellMarks.h"

#include "CellStatusColors.h"

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

QString CellMarks::partnerText(CellStatus partner, std::optional<bool> shared)
{
    const QString mark = !shared ? QString() : *shared ? QStringLiteral("=") : QStringLiteral("≠");
    return CellStatusInfo::glyph(partner) + mark;
}

QFont CellMarks::partnerFont(const QFont &base)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() * 0.75);
    f.setBold(true);
    return f;
}

QRect CellMarks::partnerRect(const QRect &cell, const QFont &base, const QString &text)
{
    const QFontMetrics fm(partnerFont(base));
    const int h = qMin(fm.height(), cell.height() / 2);
    return QRect(cell.left() + 2, cell.bottom() - h - 1, fm.horizontalAdvance(text) + 6, h);
}

void CellMarks::paintPartner(
    QPainter *painter, const QRect &cell, const QFont &base, CellStatus partner, std::optional<bool> shared, bool dark)
{
    const QString text = partnerText(partner, shared);
    const QRect tag = partnerRect(cell, base, text);
    const QColor ink = CellStatusColors::textColor(partner, dark);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(ink, 1));
    painter->setBrush(CellStatusColors::color(partner, dark));
    painter->drawRoundedRect(QRectF(tag).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
    painter->setFont(partnerFont(base));
    painter->drawText(tag, Qt::AlignCenter, text);
    painter->restore();
}

} // namespace vs
