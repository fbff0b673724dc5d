#include "JobLogFollower.h"

#include "builds/BuildQueue.h"
#include "itemmodels/LogModel.h"

namespace vs {

JobLogFollower::JobLogFollower(BuildQueue *queue, LogModel *log, QObject *parent)
    : QObject(parent)
    , m_log(log)
{
    connect(queue, &BuildQueue::linesReady, this, [this](quint64 id, const LogLines &lines) {
        if (id == m_id)
            m_log->appendLines(lines);
    });
    connect(queue, &BuildQueue::jobChanged, this, [this](const BuildJob &job) {
        if (job.id == m_id)
            emit jobChanged(job);
    });
    connect(queue, &BuildQueue::jobFinished, this, [this](const BuildJob &job) {
        if (job.id != m_id)
            return;
        emit jobChanged(job);
        emit jobFinished(job);
    });
}

void JobLogFollower::follow(const BuildJob &job)
{
    m_id = job.id;
    m_log->clear();
    emit jobChanged(job);
}

} // namespace vs
