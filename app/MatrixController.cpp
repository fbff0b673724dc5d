#include "MatrixController.h"

#include "MatrixView.h"
#include "SliceSelector.h"
#include "itemmodels/MatrixFilterProxy.h"
#include "itemmodels/MatrixModel.h"

#include <QItemSelectionModel>
#include <QLabel>

namespace vs {

MatrixController::MatrixController(MatrixView *view, SliceSelector *selector, QLabel *counts, QObject *parent)
    : QObject(parent)
    , m_model(new MatrixModel(this))
    , m_proxy(new MatrixFilterProxy(this))
    , m_view(view)
    , m_selector(selector)
    , m_counts(counts)
{
    m_proxy->setSourceModel(m_model);
    m_view->setModel(m_proxy);
    QStringList filters;
    for (auto f :
        { MatrixFilterProxy::All, MatrixFilterProxy::OnlyProblems, MatrixFilterProxy::OnlyDefined, MatrixFilterProxy::OnlyNotDefined })
        filters.append(MatrixFilterProxy::filterName(f));
    m_selector->setFilterNames(filters);

    connect(m_selector, &SliceSelector::sliceChosen, m_model, &MatrixModel::setSlice);
    connect(m_selector, &SliceSelector::filterChosen, m_proxy,
        [this](int f) { m_proxy->setFilter(static_cast<MatrixFilterProxy::Filter>(f)); });
    connect(m_model, &MatrixModel::sliceChanged, this, &MatrixController::refreshSelectors);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_view->setSpannedRow(m_model->darwinRow());
        refreshCounts();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MatrixController::refreshCounts);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MatrixController::selectionChanged);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &MatrixController::selectionChanged);
    m_view->setSpannedRow(m_model->darwinRow());
    refreshSelectors();
    refreshCounts();
}

void MatrixController::refreshSelectors()
{
    m_selector->setChoices(m_model->packageChoices(), m_model->pythonChoices(), m_model->cudaChoices(), m_model->package(),
        m_model->python(), m_model->cuda());
}

QString MatrixController::countsText() const
{
    const QMap<CellStatus, int> counts = m_model->statusCounts();
    QStringList parts;
    for (CellStatus s : CellStatusInfo::all())
        if (counts.value(s) > 0)
            parts.append(QStringLiteral("%1 %2 %3").arg(CellStatusInfo::glyph(s)).arg(counts.value(s)).arg(CellStatusInfo::name(s)));
    return parts.join(QStringLiteral("   "));
}

void MatrixController::refreshCounts()
{
    if (m_counts)
        m_counts->setText(countsText());
}

} // namespace vs

namespace vs {

QModelIndexList MatrixController::selectedCells() const
{
    QModelIndexList out;
    const QModelIndex current = m_proxy->mapToSource(m_view->currentIndex());
    for (const QModelIndex &i : m_view->selectionModel()->selectedIndexes()) {
        const QModelIndex source = m_proxy->mapToSource(i);
        if (m_model->isCell(source))
            out.append(source);
    }
    // The current cell first, so single-cell actions act on what has the focus.
    const qsizetype at = out.indexOf(current);
    if (at > 0)
        out.move(at, 0);
    return out;
}

void MatrixController::selectCell(const QModelIndex &sourceIndex)
{
    const QModelIndex i = m_proxy->mapFromSource(sourceIndex);
    if (!i.isValid())
        return;
    m_view->selectionModel()->setCurrentIndex(i, QItemSelectionModel::ClearAndSelect);
    m_view->scrollTo(i);
    m_view->setFocus();
}

} // namespace vs
