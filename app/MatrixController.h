#pragma once

#include <QModelIndexList>
#include <QObject>

class QLabel;

namespace vs {

class MatrixModel;
class MatrixFilterProxy;
class MatrixView;
class SliceSelector;

// Keeps the grid, its selectors and the status counts in step with MatrixModel.
class MatrixController : public QObject {
    Q_OBJECT
public:
    MatrixController(MatrixView *view, SliceSelector *selector, QLabel *counts, QObject *parent = nullptr);
    MatrixModel *model() const { return m_model; }
    MatrixFilterProxy *proxy() const { return m_proxy; }
    // "12 defined · 3 new · …": what the status bar shows.
    QString countsText() const;
    // Selected source-model cells, current first when it is selected.
    QModelIndexList selectedCells() const;
    // Selects one cell of the source model and scrolls to it.
    void selectCell(const QModelIndex &sourceIndex);

signals:
    void selectionChanged();

private:
    void refreshSelectors();
    void refreshCounts();

    MatrixModel *m_model;
    MatrixFilterProxy *m_proxy;
    MatrixView *m_view;
    SliceSelector *m_selector;
    QLabel *m_counts;
};

} // namespace vs
