#include "PublishDialog.h"
#include "BuildLogView.h"
#include "builds/BuildHistory.h"
#include "builds/BuildQueue.h"
#include "itemmodels/LogModel.h"
#include "settings/AppSettings.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace vs {

PublishDialog::PublishDialog(
    BuildQueue *queue, BuildHistory *history, const QString &repoRoot, const QString &branch, const QString &variant, QWidget *parent)
    : QDialog(parent)
    , m_queue(queue)
    , m_history(history)
    , m_repoRoot(repoRoot)
    , m_branch(branch)
    , m_variant(variant)
    , m_org(new QLineEdit(this))
    , m_orgHint(new QLabel(this))
    , m_checkList(new QListWidget(this))
    , m_recheck(new QPushButton(tr("Check &again"), this))
    , m_publish(new QPushButton(tr("&Publish"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
    , m_log(new LogModel(this))
    , m_logView(new BuildLogView(this))
{
    setWindowTitle(tr("Publish %1").arg(variant));
    m_org->setText(AppSettings().publishOrganisation());
    m_org->setPlaceholderText(tr("your Flox organisation"));
    m_org->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z0-9_-]*")), m_org));
    m_orgHint->setText(tr("Letters, digits, - and _ only."));
    m_logView->setLogModel(m_log);

    auto *form = new QFormLayout;
    form->addRow(tr("&Organisation:"), m_org);
    form->addRow(QString(), m_orgHint);
    form->addRow(tr("Branch:"), new QLabel(branch.isEmpty() ? tr("(checked out)") : branch, this));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Before publishing, Flox requires:"), this));
    layout->addWidget(m_checkList);
    layout->addWidget(m_recheck, 0, Qt::AlignLeft);
    layout->addWidget(m_logView, 1);
    m_buttons->addButton(m_publish, QDialogButtonBox::AcceptRole);
    layout->addWidget(m_buttons);
    resize(720, 560);

    // Publish must not close the dialog: the output streams into it.
    disconnect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_publish, &QPushButton::clicked, this, &PublishDialog::publish);
    connect(m_recheck, &QPushButton::clicked, this, &PublishDialog::recheck);
    connect(m_org, &QLineEdit::textChanged, this, &PublishDialog::updatePublishButton);

    connect(m_queue, &BuildQueue::linesReady, this, [this](quint64 id, const LogLines &lines) {
        if (id == m_jobId)
            m_log->appendLines(lines);
    });
    connect(m_queue, &BuildQueue::jobChanged, this, [this](const BuildJob &job) {
        if (job.id == m_jobId)
            m_logView->setJob(job);
    });
    connect(m_queue, &BuildQueue::jobFinished, this, [this](const BuildJob &job) {
        if (job.id != m_jobId)
            return;
        m_jobId = 0;
        m_logView->setJob(job);
        emit publishFinished(job);
        if (job.state == BuildState::Succeeded)
            emit published(job);
        recheck();
    });
    recheck();
}

QString PublishDialog::organisation() const
{
    return m_org->text().trimmed();
}

void PublishDialog::recheck()
{
    if (m_checking)
        return;
    m_checking = true;
    m_checkList->clear();
    m_checkList->addItem(tr("Checking…"));
    updatePublishButton();
    // git runs in the checks: off the UI thread, with a snapshot of the history.
    const auto cells = m_history ? m_history->cells() : PublishChecks::Cells();
    const QString repo = m_repoRoot, branch = m_branch, variant = m_variant;
    const QString gitProgram = m_queue->settings().gitProgram;
    auto *watcher = new QFutureWatcher<QList<PublishCheck>>(this);
    connect(watcher, &QFutureWatcher<QList<PublishCheck>>::finished, this, [this, watcher] {
        m_checks = watcher->result();
        watcher->deleteLater();
        m_checking = false;
        showChecks();
        emit checksUpdated();
    });
    watcher->setFuture(QtConcurrent::run([=] { return PublishChecks::evaluate(repo, branch, variant, cells, gitProgram); }));
}

void PublishDialog::showChecks()
{
    m_checkList->clear();
    for (const PublishCheck &c : m_checks) {
        // Never colour alone: a mark and the words say it too.
        auto *item = new QListWidgetItem((c.met ? QStringLiteral("✓ ") : QStringLiteral("✗ ")) + c.message, m_checkList);
        item->setToolTip(c.met ? tr("met") : tr("not met"));
        if (!c.met)
            item->setForeground(
                palette().color(QPalette::Active, QPalette::Text).lightness() > 128 ? QColor(255, 120, 120) : QColor(180, 0, 0));
    }
    updatePublishButton();
}

void PublishDialog::updatePublishButton()
{
    const bool orgOk = PublishChecks::isValidOrg(organisation());
    m_orgHint->setVisible(!orgOk);
    m_publish->setEnabled(!m_checking && m_jobId == 0 && orgOk && PublishChecks::allMet(m_checks));
    m_recheck->setEnabled(!m_checking && m_jobId == 0);
}

void PublishDialog::publish()
{
    if (!m_publish->isEnabled())
        return;
    AppSettings().setPublishOrganisation(organisation());
    BuildJob job;
    job.kind = BuildKind::Publish;
    job.repoRoot = m_repoRoot;
    job.branch = m_branch;
    job.variant = m_variant;
    job.org = organisation();
    job.backend = BuildBackend::Flox;
    m_log->clear();
    m_jobId = m_queue->enqueue(job);
    BuildJob shown = job;
    shown.id = m_jobId;
    m_logView->setJob(shown);
    updatePublishButton();
}

} // namespace vs
