#pragma once

#include "builds/BuildJob.h"

#include <QAbstractListModel>

namespace vs {

class BuildQueue;

// The queue as a list: running jobs first, then the waiting ones in order.
// Follows the queue's signals; a state change repaints one row, a change of
// membership or order resets (the lists are short).
class BuildQueueModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Roles {
        JobIdRole = Qt::UserRole + 1, // quint64
        StateRole, // "queued" | "running" | ...
        IsWaitingRole, // bool: can be moved or removed
    };

    explicit BuildQueueModel(BuildQueue *queue, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    // "on ssh-ng://builder1 · buildPhase · 1/3 derivations" for a running farm build; empty otherwise.
    static QString farmProgress(const BuildJob &job);
    QHash<int, QByteArray> roleNames() const override;

    int rowOf(quint64 id) const; // -1 when not in the queue
    quint64 idAt(int row) const;

private:
    void rebuild();
    void updateJob(const BuildJob &job);
    // The job a waiting job waits for (a companion's PyTorch build), while it is in the queue.
    QString dependencyTitle(const BuildJob &job) const;

    BuildQueue *m_queue;
    QList<BuildJob> m_jobs;
};

} // namespace vs
