#pragma once

#include "builds/AnsiText.h"
#include "builds/BuildJob.h"
#include "builds/BuildSettings.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace vs {

class BuildHistory;
class BuildRunner;

// First in, first out; at most maxParallel jobs run at once (one by default), or
// with a build farm as many as its builders have slots for the next job. A build
// a builder failed (unreachable, dropped) is queued again, first, up to
// settings().retries times; the other builds go on meanwhile.
// Waiting jobs can be reordered or removed, running ones cancelled. Every state
// change is a signal, so a grid can recolour live. With a history set, every run
// is recorded in it (start as "running", then its outcome; a publish marks the
// cell published).
class BuildQueue : public QObject {
    Q_OBJECT
public:
    explicit BuildQueue(BuildSettings settings, QObject *parent = nullptr);
    ~BuildQueue() override; // cancels everything, waits for the processes to go

    void setHistory(BuildHistory *history); // not owned; may be null; gets settings().historyKeepPerCell
    BuildHistory *history() const;
    // Another repository's history (a workspace's companion repository): its jobs
    // (by repoRoot) are recorded there, every other job in history(). Not owned.
    void addHistory(BuildHistory *history);
    BuildHistory *historyFor(const QString &repoRoot) const;
    const BuildSettings &settings() const { return m_settings; }
    void setSettings(const BuildSettings &settings); // applies to jobs started later
    void setMaxParallel(int count);
    int maxParallel() const { return m_settings.maxParallel; }

    // Adds a job at the end; returns its id (also set in the job). A job with
    // dependsOn waits (others pass it) until that job has succeeded; when it
    // fails or is cancelled, this one finishes as DependencyFailed without running.
    quint64 enqueue(BuildJob job);

    // Running jobs first (in start order), then waiting ones in queue order.
    QList<BuildJob> jobs() const;
    std::optional<BuildJob> job(quint64 id) const;
    // The active (queued or running) job of a cell, if any.
    std::optional<BuildJob> activeJobFor(const QString &branch, const QString &variant) const;
    BuildRunner *runner(quint64 id) const; // null unless running
    bool isIdle() const { return m_running.isEmpty() && m_waiting.isEmpty(); }

    bool moveUp(quint64 id); // waiting jobs only
    bool moveDown(quint64 id);
    bool moveTo(quint64 id, int waitingIndex);
    bool remove(quint64 id); // a waiting job leaves the queue (reported as cancelled)
    bool cancel(quint64 id); // running: terminate; waiting: remove
    // For quitting: drops the waiting jobs, terminates the running ones and waits
    // (up to graceMs, then SIGKILL) until no process of ours is left.
    void cancelAll(int graceMs = 5000);

signals:
    void jobAdded(const vs::BuildJob &job);
    void jobChanged(const vs::BuildJob &job); // state, pid, step, ...
    void jobStarted(const vs::BuildJob &job); // its runner exists: runner(job.id)
    void jobFinished(const vs::BuildJob &job); // final state; the job has left the queue
    void jobRemoved(quint64 id); // left the queue (after finishing or removal)
    void orderChanged();
    void linesReady(quint64 id, const vs::LogLines &lines);
    void idle(); // nothing running, nothing waiting

private:
    void startNext();
    void onRunnerFinished(BuildRunner *runner, const BuildJob &job);
    bool retryIfBuilderFailed(const BuildJob &failed); // true: queued again (its dependents now wait for that)
    int busySlotsFor(const BuildJob &next) const; // running builds that use the slots `next` could use
    int waitingIndex(quint64 id) const;
    // Of a waiting job: 1 may start, 0 must wait, -1 its dependency did not succeed.
    int readiness(const BuildJob &job) const;
    void failDependents(const BuildJob &failed);

    BuildSettings m_settings;
    QPointer<BuildHistory> m_history;
    QList<QPointer<BuildHistory>> m_otherHistories;
    QList<BuildJob> m_waiting;
    QList<BuildRunner *> m_running;
    quint64 m_nextId = 1;
    QHash<quint64, BuildJob> m_finished; // jobs that ended, for their dependents
    bool m_shuttingDown = false;
};

} // namespace vs
