#include "PublishController.h"

#include "JobLogFollower.h"
#include "PublishDialog.h"
#include "builds/BuildHistory.h"
#include "builds/BuildQueue.h"
#include "itemmodels/LogModel.h"
#include "settings/AppSettings.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace vs {

PublishController::PublishController(
    BuildQueue *queue, BuildHistory *history, const QString &repoRoot, const QString &branch, const QString &variant, QObject *parent)
    : QObject(parent)
    , m_queue(queue)
    , m_history(history)
    , m_repoRoot(repoRoot)
    , m_branch(branch)
    , m_variant(variant)
    , m_organisation(AppSettings().publishOrganisation())
    , m_log(new LogModel(this))
    , m_follower(new JobLogFollower(queue, m_log, this))
{
    connect(m_follower, &JobLogFollower::jobChanged, this, &PublishController::jobChanged);
    connect(m_follower, &JobLogFollower::jobFinished, this, [this](const BuildJob &job) {
        m_jobId = 0;
        emit stateChanged();
        emit publishFinished(job);
        if (job.state == BuildState::Succeeded)
            emit published(job);
        recheck(); // publishing changes what is met
    });
}

bool PublishController::isOrganisationValid() const
{
    return PublishChecks::isValidOrg(m_organisation);
}

bool PublishController::canRecheck() const
{
    return !m_checking && !isPublishing();
}

bool PublishController::canPublish() const
{
    return canRecheck() && isOrganisationValid() && PublishChecks::allMet(m_checks);
}

void PublishController::setOrganisation(const QString &organisation)
{
    const QString trimmed = organisation.trimmed();
    if (trimmed == m_organisation)
        return;
    m_organisation = trimmed;
    emit stateChanged();
}

void PublishController::recheck()
{
    if (m_checking)
        return;
    m_checking = true;
    emit stateChanged();
    // git runs in the checks: off the UI thread, with a snapshot of the history.
    const auto cells = m_history ? m_history->cells() : PublishChecks::Cells();
    const QString repo = m_repoRoot, branch = m_branch, variant = m_variant;
    const QString gitProgram = m_queue->settings().gitProgram;
    auto *watcher = new QFutureWatcher<QList<PublishCheck>>(this);
    connect(watcher, &QFutureWatcher<QList<PublishCheck>>::finished, this, [this, watcher] {
        m_checks = watcher->result();
        watcher->deleteLater();
        m_checking = false;
        emit checksUpdated();
        emit stateChanged();
    });
    watcher->setFuture(QtConcurrent::run([=] { return PublishChecks::evaluate(repo, branch, variant, cells, gitProgram); }));
}

quint64 PublishController::publish()
{
    if (!canPublish())
        return 0;
    AppSettings().setPublishOrganisation(m_organisation);
    BuildJob job;
    job.kind = BuildKind::Publish;
    job.repoRoot = m_repoRoot;
    job.branch = m_branch;
    job.variant = m_variant;
    job.org = m_organisation;
    job.backend = BuildBackend::Flox;
    m_jobId = m_queue->enqueue(job);
    job.id = m_jobId;
    m_follower->follow(job);
    emit stateChanged();
    return m_jobId;
}

void PublishController::attach(PublishDialog *dialog)
{
    dialog->setOrganisation(m_organisation);
    dialog->setLogModel(m_log);
    auto showState = [this, dialog] {
        if (m_checking)
            dialog->showChecking();
        dialog->setOrganisationHintVisible(!isOrganisationValid());
        dialog->setPublishEnabled(canPublish());
        dialog->setRecheckEnabled(canRecheck());
    };
    connect(this, &PublishController::stateChanged, dialog, showState);
    connect(this, &PublishController::checksUpdated, dialog, [this, dialog] { dialog->showChecks(m_checks); });
    connect(this, &PublishController::jobChanged, dialog, &PublishDialog::setJob);
    connect(dialog, &PublishDialog::organisationEdited, this, &PublishController::setOrganisation);
    connect(dialog, &PublishDialog::recheckRequested, this, &PublishController::recheck);
    connect(dialog, &PublishDialog::publishRequested, this, &PublishController::publish);
    dialog->showChecks(m_checks);
    showState();
}

} // namespace vs
