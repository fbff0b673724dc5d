#pragma once

#include <QTableView>

namespace vs {

// The matrix grid: status cells painted by StatusDelegate, the darwin row as one
// wide cell, keyboard navigation and extended (multi-)selection. It asks for the
// height of its rows and no more, so what is laid out below it (a banner) takes
// the free room instead of moving the grid.
class MatrixView : public QTableView {
    Q_OBJECT
public:
    explicit MatrixView(QWidget *parent = nullptr);
    void setModel(QAbstractItemModel *model) override;
    QSize sizeHint() const override;
    // The width that shows every column at its minimum size, without scrolling sideways.
    int allColumnsWidth() const;
    // The darwin row's row number in the model (it spans all columns).
    void setSpannedRow(int row);

signals:
    void cellActivated(const QModelIndex &index); // double-click or Enter
    void contextMenuRequestedAt(const QModelIndex &index, const QPoint &globalPos);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void applySpan();
    int m_spannedRow = -1;
};

} // namespace vs
