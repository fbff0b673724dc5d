#include "builds/BuildQueue.h"
#include "builds/BuildHistory.h"
#include "builds/BuildRunner.h"

#include <QTimer>

namespace vs {

BuildQueue::BuildQueue(BuildSettings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
{
}

BuildQueue::~BuildQueue()
{
    cancelAll(qMin(m_settings.cancelGraceMs, 3000));
}

void BuildQueue::setHistory(BuildHistory *history)
{
    m_history = history;
    if (m_history)
        m_history->setKeepPerCell(m_settings.historyKeepPerCell);
}

BuildHistory *BuildQueue::history() const
{
    return m_history;
}

void BuildQueue::setSettings(const BuildSettings &settings)
{
    m_settings = settings;
    if (m_history)
        m_history->setKeepPerCell(m_settings.historyKeepPerCell);
    startNext();
}

void BuildQueue::setMaxParallel(int count)
{
    m_settings.maxParallel = qMax(1, count);
    startNext();
}

quint64 BuildQueue::enqueue(BuildJob job)
{
    job.id = m_nextId++;
    job.state = BuildState::Queued;
    m_waiting.append(job);
    emit jobAdded(job);
    // Started from the event loop so a caller can connect to the job's signals first.
    QTimer::singleShot(0, this, &BuildQueue::startNext);
    return job.id;
}

QList<BuildJob> BuildQueue::jobs() const
{
    QList<BuildJob> all;
    for (const BuildRunner *r : m_running)
        all.append(r->job());
    all.append(m_waiting);
    return all;
}

std::optional<BuildJob> BuildQueue::job(quint64 id) const
{
    for (const BuildJob &j : jobs())
        if (j.id == id)
            return j;
    return std::nullopt;
}

std::optional<BuildJob> BuildQueue::activeJobFor(const QString &branch, const QString &variant) const
{
    for (const BuildJob &j : jobs())
        if (j.branch == branch && j.variant == variant)
            return j;
    return std::nullopt;
}

BuildRunner *BuildQueue::runner(quint64 id) const
{
    for (BuildRunner *r : m_running)
        if (r->job().id == id)
            return r;
    return nullptr;
}

int BuildQueue::waitingIndex(quint64 id) const
{
    for (int i = 0; i < m_waiting.size(); ++i)
        if (m_waiting[i].id == id)
            return i;
    return -1;
}

bool BuildQueue::moveTo(quint64 id, int index)
{
    const int from = waitingIndex(id);
    if (from < 0 || index < 0 || index >= m_waiting.size())
        return false;
    if (from != index) {
        m_waiting.move(from, index);
        emit orderChanged();
    }
    return true;
}

bool BuildQueue::moveUp(quint64 id)
{
    const int from = waitingIndex(id);
    return from > 0 && moveTo(id, from - 1);
}

bool BuildQueue::moveDown(quint64 id)
{
    const int from = waitingIndex(id);
    return from >= 0 && from + 1 < m_waiting.size() && moveTo(id, from + 1);
}

bool BuildQueue::remove(quint64 id)
{
    const int i = waitingIndex(id);
    if (i < 0)
        return false;
    BuildJob job = m_waiting.takeAt(i);
    job.state = BuildState::Cancelled;
    m_finished.insert(job.id, job);
    emit jobChanged(job);
    emit jobFinished(job);
    emit jobRemoved(id);
    failDependents(job);
    if (isIdle())
        emit idle();
    return true;
}

bool BuildQueue::cancel(quint64 id)
{
    if (BuildRunner *r = runner(id)) {
        r->cancel();
        return true;
    }
    return remove(id);
}

void BuildQueue::cancelAll(int graceMs)
{
    m_shuttingDown = true; // nothing new starts while we empty the queue
    while (!m_waiting.isEmpty())
        remove(m_waiting.first().id);
    // Signal every group first, then wait: the grace periods run side by side.
    const QList<BuildRunner *> running = m_running;
    for (BuildRunner *r : running)
        r->cancel();
    for (BuildRunner *r : running)
        if (m_running.contains(r))
            r->terminateAndWait(graceMs);
    m_shuttingDown = false;
}

int BuildQueue::readiness(const BuildJob &job) const
{
    if (job.dependsOn == 0)
        return 1;
    const auto done = m_finished.constFind(job.dependsOn);
    if (done == m_finished.constEnd())
        return 0; // still waiting or running
    return done->state == BuildState::Succeeded ? 1 : -1;
}

void BuildQueue::failDependents(const BuildJob &failed)
{
    for (int i = 0; i < m_waiting.size();) {
        if (m_waiting[i].dependsOn != failed.id) {
            ++i;
            continue;
        }
        BuildJob job = m_waiting.takeAt(i);
        job.state = BuildState::Failed;
        job.error = BuildError::DependencyFailed;
        job.dependencyLog = failed.logFile;
        job.message = failed.logFile.isEmpty()
            ? tr("dependency failed: %1 did not succeed").arg(failed.title())
            : tr("dependency failed: %1 did not succeed (its log: %2)").arg(failed.title(), failed.logFile);
        m_finished.insert(job.id, job);
        emit jobChanged(job);
        emit jobFinished(job);
        emit jobRemoved(job.id);
        failDependents(job); // what waited for this one fails too
        i = 0;
    }
}

void BuildQueue::startNext()
{
    while (!m_shuttingDown && m_running.size() < m_settings.maxParallel) {
        int next = -1;
        for (int i = 0; i < m_waiting.size() && next < 0; ++i)
            if (readiness(m_waiting[i]) == 1)
                next = i;
        if (next < 0)
            break;
        const BuildJob job = m_waiting.takeAt(next);
        auto *runner = new BuildRunner(m_settings, this);
        m_running.append(runner);
        const quint64 id = job.id;
        connect(runner, &BuildRunner::jobStarted, this, [this](const BuildJob &j) {
            if (m_history)
                m_history->recordStart(j);
            emit jobChanged(j);
        });
        connect(runner, &BuildRunner::stepChanged, this, [this, runner] { emit jobChanged(runner->job()); });
        connect(runner, &BuildRunner::linesReady, this, [this, id](const LogLines &lines) { emit linesReady(id, lines); });
        connect(runner, &BuildRunner::finished, this, [this, runner](const BuildJob &j) { onRunnerFinished(runner, j); });
        runner->start(job);
        // After start: before it, jobs() would list the runner with an empty job.
        emit orderChanged();
        if (runner->isActive()) { // it may have failed at once (missing program)
            emit jobStarted(runner->job());
            emit jobChanged(runner->job());
        }
    }
}

void BuildQueue::onRunnerFinished(BuildRunner *runner, const BuildJob &job)
{
    if (!m_running.removeOne(runner))
        return;
    if (m_history)
        m_history->recordFinish(job);
    m_finished.insert(job.id, job);
    emit jobChanged(job);
    emit jobFinished(job);
    emit jobRemoved(job.id);
    if (job.state != BuildState::Succeeded)
        failDependents(job);
    runner->deleteLater();
    QTimer::singleShot(0, this, &BuildQueue::startNext);
    if (isIdle())
        emit idle();
}

} // namespace vs
