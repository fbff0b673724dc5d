#include "ReadmeController.h"

#include "ReadmeBlocksDialog.h"
#include "RepositoryController.h"

#include <QAction>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace vs {

using State = ReadmeRefresh::BranchReadme::State;

ReadmeController::ReadmeController(RepositoryController *repository, QWidget *window, QObject *parent)
    : QObject(parent)
    , m_repository(repository)
    , m_window(window)
    , m_action(new QAction(tr("README &Blocks…"), this))
{
    m_action->setObjectName(QStringLiteral("readmeBlocksAction"));
    m_action->setStatusTip(tr("Refresh the generated matrix block in every branch's README, or insert one"));
    connect(m_action, &QAction::triggered, this, &ReadmeController::open);
    connect(&m_checking, &QFutureWatcher<QList<ReadmeRefresh::BranchReadme>>::finished, this, [this] {
        m_readmes = m_checking.result();
        m_pending.clear();
        for (const ReadmeRefresh::BranchReadme &r : std::as_const(m_readmes))
            if (r.state == State::Stale)
                m_pending.insert(r.branch, r.updated);
        showRows();
        emit checked();
    });
    connect(&m_writing, &QFutureWatcher<EditApplied>::finished, this, [this] {
        const EditApplied applied = m_writing.result();
        if (!applied.ok()) {
            if (m_dialog)
                m_dialog->showSummary(tr("Not written: %1").arg(applied.error), !m_pending.isEmpty());
            return;
        }
        QStringList done;
        for (const EditCommit &c : applied.commits)
            done << tr("%1 on %2").arg(c.newCommit.left(12), c.branch);
        // Said once the rescan has redrawn the window (which resets the banner).
        m_afterRescan
            = tr("README blocks committed: %1 (not pushed; Recipe › Undo Last Edit reverts it).").arg(done.join(QStringLiteral(", ")));
        m_repository->rescan();
    });
    connect(m_repository, &RepositoryController::scanFinished, this, [this] {
        if (m_afterRescan.isEmpty())
            return;
        QTimer::singleShot(0, this, [this, text = m_afterRescan] { emit message(text); });
        m_afterRescan.clear();
        refresh(); // from the new commits
    });
}

ReadmeBlocksDialog *ReadmeController::dialog() const
{
    return m_dialog;
}

void ReadmeController::open()
{
    if (m_repository->root().isEmpty()) {
        emit message(tr("Open a build repository first: README Blocks reads its branches."));
        return;
    }
    if (!m_dialog) {
        m_dialog = new ReadmeBlocksDialog(m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &ReadmeBlocksDialog::branchSelected, this, &ReadmeController::showBranch);
        connect(m_dialog, &ReadmeBlocksDialog::insertRequested, this, &ReadmeController::insert);
        connect(m_dialog, &ReadmeBlocksDialog::writeRequested, this, &ReadmeController::write);
    }
    m_dialog->show();
    m_dialog->raise();
    refresh();
}

void ReadmeController::refresh()
{
    if (!m_dialog)
        return;
    m_dialog->showSummary(tr("Reading every branch's README…"), false);
    const RepositoryScan scan = m_repository->scan();
    m_checking.setFuture(QtConcurrent::run([scan] { return ReadmeRefresh::check(scan); }));
}

void ReadmeController::showRows()
{
    if (!m_dialog)
        return;
    QList<ReadmeBlocksDialog::Row> rows;
    for (const ReadmeRefresh::BranchReadme &r : std::as_const(m_readmes)) {
        QString status;
        switch (r.state) {
        case State::UpToDate:
            status = tr("up to date");
            break;
        case State::Stale:
            status = tr("stale: Write refreshes it");
            break;
        case State::NoBlock:
            status = m_pending.contains(r.branch) ? tr("block inserted: Write commits it") : tr("no block: put the cursor where it goes");
            break;
        case State::NoReadme:
        case State::Broken:
            status = r.problem;
            break;
        }
        rows << ReadmeBlocksDialog::Row { r.branch, status, r.state == State::NoBlock && !m_pending.contains(r.branch) };
    }
    m_dialog->setRows(rows);
    m_dialog->showSummary(m_pending.isEmpty() ? tr("Nothing to write.")
                                              : tr("%n README(s) to write: %1.", nullptr, int(m_pending.size()))
                                                    .arg(QStringList(m_pending.keys()).join(QStringLiteral(", "))),
        !m_pending.isEmpty() && !m_writing.isRunning());
}

void ReadmeController::showBranch(const QString &branch)
{
    for (const ReadmeRefresh::BranchReadme &r : std::as_const(m_readmes))
        if (r.branch == branch && m_dialog)
            m_dialog->showReadme(m_pending.value(branch, r.text), r.state == State::NoBlock && !m_pending.contains(branch));
}

void ReadmeController::insert(const QString &branch, int line)
{
    for (const ReadmeRefresh::BranchReadme &r : std::as_const(m_readmes))
        if (r.branch == branch && r.state == State::NoBlock && !m_pending.contains(branch))
            m_pending.insert(
                branch, ReadmeRefresh::insertBlock(r.text, line < 0 ? r.text.size() : ReadmeRefresh::lineOffset(r.text, line), r.block));
    showRows();
}

void ReadmeController::write()
{
    if (m_pending.isEmpty() || m_writing.isRunning())
        return;
    EditPreview changes;
    for (const ReadmeRefresh::BranchReadme &r : std::as_const(m_readmes))
        if (m_pending.contains(r.branch))
            changes.files << RecipeChange { r.branch, ReadmeRefresh::kReadme, r.text, m_pending.value(r.branch),
                RecipeChange::Outcome::Changed, {}, {} };
    m_dialog->showSummary(tr("Committing…"), false);
    const RepositoryScan scan = m_repository->scan();
    m_writing.setFuture(QtConcurrent::run(
        [scan, changes] { return BranchEdit::apply(scan, changes, QStringLiteral("readme: refresh the generated matrix block")); }));
}

} // namespace vs
