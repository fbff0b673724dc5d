#pragma once

#include <QStyledItemDelegate>

namespace vs {

// Paints a matrix cell: the status colour, its glyph and short name (so colour is
// never the only signal), and the CellMarks: a corner mark when the cell runs on
// this machine, a bold frame around the recommended cell.
class StatusDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static bool isDark(const QPalette &palette);
};

} // namespace vs
