#include "builds/BuildQueue.h"
#include "builds/BuildHistory.h"
#include "builds/BuildRunner.h"

#include <QTimer>
#include <QUuid>

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

void BuildQueue::addHistory(BuildHistory *history)
{
    m_otherHistories.removeAll(nullptr);
    if (!history || m_otherHistories.contains(history))
        return;
    history->setKeepPerCell(m_settings.historyKeepPerCell);
    m_otherHistories.append(history);
}

BuildHistory *BuildQueue::historyFor(const QString &repoRoot) const
{
    for (const QPointer<BuildHistory> &h : m_otherHistories)
        if (h && h->repoRoot() == repoRoot && (!m_history || m_history->repoRoot() != repoRoot))
            return h;
    return m_history;
}

void BuildQueue::setSettings(const BuildSettings &settings)
{
    m_settings = settings;
    if (m_history)
        m_history->setKeepPerCell(m_settings.historyKeepPerCell);
    for (const QPointer<BuildHistory> &h : std::as_const(m_otherHistories))
        if (h)
            h->setKeepPerCell(m_settings.historyKeepPerCell);
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

int BuildQueue::busySlotsFor(const BuildJob &next) const
{
    if (!m_settings.usesFarm() || !m_settings.farmOnly)
        return int(m_running.size()); // this machine's slots are everyone's
    // Only running builds that could take the same builders use its slots.
    int busy = 0;
    for (const BuildRunner *r : m_running) {
        const BuildJob &j = r->job();
        for (const BuilderMachine &m : m_settings.builders)
            if (m.canBuild(j.system.isEmpty() ? localNixSystem() : j.system, j.requiredFeatures)
                && m.canBuild(next.system.isEmpty() ? localNixSystem() : next.system, next.requiredFeatures)) {
                ++busy;
                break;
            }
    }
    return busy;
}

bool BuildQueue::retryIfBuilderFailed(const BuildJob &failed)
{
    if (failed.state != BuildState::Failed || failed.error != BuildError::BuilderFailed || m_shuttingDown
        || failed.attempt >= qBound(0, m_settings.retries, BuildSettings::kMaxRetries))
        return false;
    // A new run of the same request, first in line: the builder was at fault, not the recipe.
    BuildJob again;
    again.kind = failed.kind;
    again.variant = failed.variant;
    again.branch = failed.branch;
    again.repoRoot = failed.repoRoot;
    again.backend = failed.backend;
    again.org = failed.org;
    again.system = failed.system;
    again.requiredFeatures = failed.requiredFeatures;
    again.attempt = failed.attempt + 1;
    again.id = m_nextId++;
    again.dependsOn = failed.dependsOn;
    for (BuildJob &waiting : m_waiting)
        if (waiting.dependsOn == failed.id)
            waiting.dependsOn = again.id;
    m_waiting.prepend(again);
    emit jobAdded(again);
    emit orderChanged();
    return true;
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
        // Recorded (never run) so its cell says why it has no build, in its own repository's history.
        if (job.runId.isEmpty())
            job.runId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        job.started = QDateTime::currentDateTime();
        if (BuildHistory *history = historyFor(job.repoRoot); history && !m_shuttingDown)
            history->recordFinish(job);
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
    // Ready jobs in order (a companion waits for its PyTorch build). With a farm, as many
    // run at once as it has slots for the next job: Nix hands each to a free builder (or
    // waits for one); without, maxParallel here.
    while (!m_shuttingDown) {
        int next = -1;
        for (int i = 0; i < m_waiting.size() && next < 0; ++i)
            if (readiness(m_waiting[i]) == 1)
                next = i;
        if (next < 0)
            break;
        const BuildJob &candidate = m_waiting[next];
        if (busySlotsFor(candidate) >= m_settings.slotsFor(candidate.system, candidate.requiredFeatures))
            break;
        const BuildJob job = m_waiting.takeAt(next);
        auto *runner = new BuildRunner(m_settings, this);
        m_running.append(runner);
        const quint64 id = job.id;
        connect(runner, &BuildRunner::jobStarted, this, [this](const BuildJob &j) {
            if (BuildHistory *history = historyFor(j.repoRoot))
                history->recordStart(j);
            emit jobChanged(j);
        });
        connect(runner, &BuildRunner::stepChanged, this, [this, runner] { emit jobChanged(runner->job()); });
        connect(runner, &BuildRunner::progressChanged, this, &BuildQueue::jobChanged);
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
    if (BuildHistory *history = historyFor(job.repoRoot))
        history->recordFinish(job);
    m_finished.insert(job.id, job);
    emit jobChanged(job);
    emit jobFinished(job);
    emit jobRemoved(job.id);
    runner->deleteLater();
    // A retried build keeps its dependents waiting (for the new attempt); any other failure fails them.
    if (!retryIfBuilderFailed(job) && job.state != BuildState::Succeeded)
        failDependents(job);
    QTimer::singleShot(0, this, &BuildQueue::startNext);
    if (isIdle())
        emit idle();
}

} // namespace vs
