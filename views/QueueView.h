#pragma once

#include <QWidget>

class QListView;
class QPushButton;

namespace vs {

class BuildQueue;
class BuildQueueModel;

// The build queue: running and waiting jobs, with Move up / Move down / Remove
// (waiting jobs) and Cancel (the selected job, running or waiting).
// Wiring: new QueueView(queue); connect jobSelected(id) to show that job's log.
class QueueView : public QWidget {
    Q_OBJECT
public:
    explicit QueueView(BuildQueue *queue, QWidget *parent = nullptr);

    quint64 selectedJob() const; // 0 when none
    void selectJob(quint64 id);
    QListView *listView() const { return m_list; }
    BuildQueueModel *model() const { return m_model; }
    QPushButton *upButton() const { return m_up; }
    QPushButton *downButton() const { return m_down; }
    QPushButton *removeButton() const { return m_remove; }
    QPushButton *cancelButton() const { return m_cancel; }

signals:
    void jobSelected(quint64 id);

private:
    void updateButtons();

    BuildQueue *m_queue;
    BuildQueueModel *m_model;
    QListView *m_list;
    QPushButton *m_up;
    QPushButton *m_down;
    QPushButton *m_remove;
    QPushButton *m_cancel;
    quint64 m_keepSelected = 0; // survives the model resets
};

} // namespace vs
