#include "MatrixView.h"

#include "StatusDelegate.h"

#include <QContextMenuEvent>
#include <QHeaderView>
#include <QScrollBar>

namespace vs {

MatrixView::MatrixView(QWidget *parent)
    : QTableView(parent)
{
    setObjectName(QStringLiteral("matrixView"));
    setItemDelegate(new StatusDelegate(this));
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionBehavior(QAbstractItemView::SelectItems);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setShowGrid(false);
    setMouseTracking(true);
    setWordWrap(false);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    horizontalHeader()->setMinimumSectionSize(64);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() * 2);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);
    connect(verticalHeader(), &QHeaderView::sectionCountChanged, this, [this] { updateGeometry(); });
    connect(this, &QAbstractItemView::doubleClicked, this, &MatrixView::cellActivated);
}

QSize MatrixView::sizeHint() const
{
    QSize hint = QTableView::sizeHint();
    hint.setHeight(horizontalHeader()->sizeHint().height() + verticalHeader()->length() + 2 * frameWidth());
    return hint;
}

int MatrixView::allColumnsWidth() const
{
    const int columns = model() ? model()->columnCount() : 0;
    return verticalHeader()->sizeHint().width() + columns * horizontalHeader()->minimumSectionSize() + 2 * frameWidth()
        + verticalScrollBar()->sizeHint().width();
}

void MatrixView::setModel(QAbstractItemModel *model)
{
    if (this->model())
        disconnect(this->model(), nullptr, this, nullptr);
    QTableView::setModel(model);
    if (model) {
        connect(model, &QAbstractItemModel::modelReset, this, &MatrixView::applySpan);
        connect(model, &QAbstractItemModel::layoutChanged, this, &MatrixView::applySpan);
    }
    applySpan();
}

void MatrixView::setSpannedRow(int row)
{
    m_spannedRow = row;
    applySpan();
}

void MatrixView::applySpan()
{
    clearSpans();
    if (model() && m_spannedRow >= 0 && m_spannedRow < model()->rowCount() && model()->columnCount() > 1)
        setSpan(m_spannedRow, 0, 1, model()->columnCount());
}

void MatrixView::contextMenuEvent(QContextMenuEvent *event)
{
    const QModelIndex index = indexAt(event->pos());
    emit contextMenuRequestedAt(index, event->globalPos());
}

void MatrixView::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && currentIndex().isValid()) {
        emit cellActivated(currentIndex());
        return;
    }
    QTableView::keyPressEvent(event);
}

} // namespace vs
