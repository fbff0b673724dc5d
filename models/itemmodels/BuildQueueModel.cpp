#include "itemmodels/BuildQueueModel.h"
#include "builds/BuildQueue.h"

namespace vs {

BuildQueueModel::BuildQueueModel(BuildQueue *queue, QObject *parent)
    : QAbstractListModel(parent)
    , m_queue(queue)
{
    connect(queue, &BuildQueue::jobAdded, this, &BuildQueueModel::rebuild);
    connect(queue, &BuildQueue::jobRemoved, this, &BuildQueueModel::rebuild);
    connect(queue, &BuildQueue::orderChanged, this, &BuildQueueModel::rebuild);
    connect(queue, &BuildQueue::jobChanged, this, &BuildQueueModel::updateJob);
    rebuild();
}

void BuildQueueModel::rebuild()
{
    beginResetModel();
    m_jobs = m_queue->jobs();
    endResetModel();
}

void BuildQueueModel::updateJob(const BuildJob &job)
{
    const int row = rowOf(job.id);
    if (row < 0)
        return;
    m_jobs[row] = job;
    emit dataChanged(index(row), index(row));
}

int BuildQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int BuildQueueModel::rowOf(quint64 id) const
{
    for (int i = 0; i < m_jobs.size(); ++i)
        if (m_jobs[i].id == id)
            return i;
    return -1;
}

quint64 BuildQueueModel::idAt(int row) const
{
    return row >= 0 && row < m_jobs.size() ? m_jobs[row].id : 0;
}

QString BuildQueueModel::farmProgress(const BuildJob &j)
{
    if (j.state != BuildState::Running)
        return {};
    QStringList parts;
    if (!j.host.isEmpty())
        parts << tr("on %1").arg(j.host);
    if (!j.phase.isEmpty())
        parts << j.phase;
    if (j.derivationsExpected > 0)
        parts << tr("%1/%2 derivations").arg(j.derivationsDone).arg(j.derivationsExpected);
    if (j.attempt > 0)
        parts << tr("attempt %1").arg(j.attempt + 1);
    return parts.join(QStringLiteral(" · "));
}

QString BuildQueueModel::dependencyTitle(const BuildJob &j) const
{
    if (j.dependsOn == 0 || j.state != BuildState::Queued)
        return {};
    const auto dependency = m_queue->job(j.dependsOn);
    return dependency ? dependency->title() : QString();
}

QVariant BuildQueueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_jobs.size())
        return {};
    const BuildJob &j = m_jobs[index.row()];
    switch (role) {
    case Qt::DisplayRole: {
        QString state = j.state == BuildState::Running ? tr("running") : tr("waiting");
        if (const QString after = dependencyTitle(j); !after.isEmpty())
            state = tr("waits for %1").arg(after);
        QString text = QStringLiteral("%1 — %2").arg(j.title(), state);
        if (j.state == BuildState::Running && !j.currentStep.isEmpty())
            text += QStringLiteral(" — ") + j.currentStep;
        if (const QString farm = farmProgress(j); !farm.isEmpty())
            text += QStringLiteral(" — ") + farm;
        return text;
    }
    case Qt::ToolTipRole: {
        QString tip = tr("%1 with %2 in %3").arg(j.title(), toString(j.backend), j.workDir.isEmpty() ? j.repoRoot : j.workDir);
        if (const QString farm = farmProgress(j); !farm.isEmpty())
            tip += QLatin1Char('\n') + farm;
        if (const QString after = dependencyTitle(j); !after.isEmpty())
            tip += QLatin1Char('\n') + tr("Starts once %1 has succeeded; not run when it fails.").arg(after);
        return tip;
    }
    case JobIdRole:
        return QVariant::fromValue(j.id);
    case StateRole:
        return toString(j.state);
    case IsWaitingRole:
        return j.state == BuildState::Queued;
    default:
        return {};
    }
}

QHash<int, QByteArray> BuildQueueModel::roleNames() const
{
    return { { Qt::DisplayRole, "display" }, { JobIdRole, "jobId" }, { StateRole, "state" }, { IsWaitingRole, "isWaiting" } };
}

} // namespace vs
