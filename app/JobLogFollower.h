#pragma once

#include "builds/BuildJob.h"

#include <QObject>

namespace vs {

class BuildQueue;
class LogModel;

// Follows one job of a build queue: its lines go into a log model, its changes
// come out as jobChanged (for a BuildLogView's setJob). Other jobs are ignored.
// Shared by the Build Output dock and the publish dialog.
class JobLogFollower : public QObject {
    Q_OBJECT
public:
    JobLogFollower(BuildQueue *queue, LogModel *log, QObject *parent = nullptr);

    // Starts following `job` (its id must be set): the log starts empty.
    void follow(const BuildJob &job);
    quint64 followedId() const { return m_id; }
    LogModel *log() const { return m_log; }

signals:
    void jobChanged(const vs::BuildJob &job); // the followed job, also when it ends
    void jobFinished(const vs::BuildJob &job); // the followed job ended, in any state

private:
    LogModel *m_log;
    quint64 m_id = 0;
};

} // namespace vs
