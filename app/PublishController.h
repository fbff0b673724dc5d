#pragma once

#include "builds/BuildJob.h"
#include "builds/PublishChecks.h"

#include <QObject>

namespace vs {

class BuildHistory;
class BuildQueue;
class JobLogFollower;
class LogModel;
class PublishDialog;

// Publishing one cell: the organisation (remembered in the settings), Flox's
// preconditions (checked off the UI thread: they run git), and the publish job
// (queued like a build, so it is recorded in the history and marks the cell
// published) whose output it follows. A PublishDialog shows what it says.
// Wiring: PublishController c(queue, history, root, branch, variant); c.attach(&dialog); c.recheck();
class PublishController : public QObject {
    Q_OBJECT
public:
    PublishController(BuildQueue *queue, BuildHistory *history, const QString &repoRoot, const QString &branch, const QString &variant,
        QObject *parent = nullptr);

    QString variant() const { return m_variant; }
    QString branch() const { return m_branch; }
    QString organisation() const { return m_organisation; }
    bool isOrganisationValid() const;
    QList<PublishCheck> checks() const { return m_checks; }
    bool isChecking() const { return m_checking; }
    bool isPublishing() const { return m_jobId != 0; }
    bool canRecheck() const;
    bool canPublish() const;
    LogModel *log() const { return m_log; }

    // Shows this controller in `dialog` and acts on its requests.
    void attach(PublishDialog *dialog);

public slots:
    void setOrganisation(const QString &organisation);
    // Evaluates the checks on a worker thread; checksUpdated when done. Ignored while checking.
    void recheck();
    // Queues `flox publish` when canPublish(); returns the job id (0: not queued).
    quint64 publish();

signals:
    void stateChanged(); // checking, publishing, organisation: what may be done changed
    void checksUpdated();
    void jobChanged(const vs::BuildJob &job); // the publish job
    void published(const vs::BuildJob &job); // succeeded
    void publishFinished(const vs::BuildJob &job); // any outcome

private:
    BuildQueue *m_queue;
    BuildHistory *m_history;
    QString m_repoRoot, m_branch, m_variant;
    QString m_organisation;
    LogModel *m_log;
    JobLogFollower *m_follower;
    QList<PublishCheck> m_checks;
    bool m_checking = false;
    quint64 m_jobId = 0;
};

} // namespace vs
