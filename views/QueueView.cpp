#include "QueueView.h"
#include "builds/BuildQueue.h"
#include "itemmodels/BuildQueueModel.h"

#include <QHBoxLayout>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace vs {

QueueView::QueueView(BuildQueue *queue, QWidget *parent)
    : QWidget(parent)
    , m_queue(queue)
    , m_model(new BuildQueueModel(queue, this))
    , m_list(new QListView(this))
    , m_up(new QPushButton(tr("Move &up"), this))
    , m_down(new QPushButton(tr("Move &down"), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
    , m_cancel(new QPushButton(tr("&Cancel build"), this))
{
    m_list->setModel(m_model);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_up->setToolTip(tr("Build the selected waiting job earlier"));
    m_down->setToolTip(tr("Build the selected waiting job later"));
    m_remove->setToolTip(tr("Take the selected waiting job out of the queue"));
    m_cancel->setToolTip(tr("Stop the selected build (its whole process group)"));

    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : { m_up, m_down, m_remove, m_cancel })
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    connect(m_up, &QPushButton::clicked, this, [this] { m_queue->moveUp(selectedJob()); });
    connect(m_down, &QPushButton::clicked, this, [this] { m_queue->moveDown(selectedJob()); });
    connect(m_remove, &QPushButton::clicked, this, [this] { m_queue->remove(selectedJob()); });
    connect(m_cancel, &QPushButton::clicked, this, [this] { m_queue->cancel(selectedJob()); });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        m_keepSelected = selectedJob();
        updateButtons();
        if (m_keepSelected)
            emit jobSelected(m_keepSelected);
    });
    // Resets lose the selection: put it back on the same job.
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_keepSelected)
            selectJob(m_keepSelected);
        updateButtons();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &QueueView::updateButtons);
    updateButtons();
}

quint64 QueueView::selectedJob() const
{
    const QModelIndex current = m_list->currentIndex();
    return current.isValid() && m_list->selectionModel()->isSelected(current) ? m_model->idAt(current.row()) : 0;
}

void QueueView::selectJob(quint64 id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_list->setCurrentIndex(m_model->index(row));
}

void QueueView::updateButtons()
{
    const quint64 id = selectedJob();
    const int row = m_model->rowOf(id);
    const bool waiting = row >= 0 && m_model->index(row).data(BuildQueueModel::IsWaitingRole).toBool();
    const bool previousWaiting = row > 0 && m_model->index(row - 1).data(BuildQueueModel::IsWaitingRole).toBool();
    m_up->setEnabled(waiting && previousWaiting);
    m_down->setEnabled(waiting && row + 1 < m_model->rowCount());
    m_remove->setEnabled(waiting);
    m_cancel->setEnabled(row >= 0);
}

} // namespace vs
