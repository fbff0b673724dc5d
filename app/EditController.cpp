#include "EditController.h"

#include "EditRecipesDialog.h"
#include "RepositoryController.h"

#include <QAction>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace vs {

EditController::EditController(RepositoryController *repository, QWidget *window, QObject *parent)
    : QObject(parent)
    , m_repository(repository)
    , m_window(window)
    , m_action(new QAction(tr("&Edit Recipes…"), this))
{
    m_action->setObjectName(QStringLiteral("editRecipesAction"));
    m_action->setStatusTip(tr("Change the pin, a setting or any text in the recipes of several branches, with a preview"));
    connect(m_action, &QAction::triggered, this, &EditController::open);
    connect(&m_previewing, &QFutureWatcher<EditPreview>::finished, this, [this] {
        m_preview = m_previewing.result();
        if (!m_dialog)
            return;
        using Outcome = RecipeChange::Outcome;
        QString diff;
        for (const RecipeChange &c : std::as_const(m_preview.files))
            if (c.outcome == Outcome::Changed)
                diff += tr("# branch %1\n").arg(c.branch) + BranchEdit::unifiedDiff(c.path, c.before, c.after);
        QStringList leftAlone;
        for (const RecipeChange &c : std::as_const(m_preview.files))
            if (c.outcome == Outcome::NotRecognised || c.outcome == Outcome::Skipped)
                leftAlone << QStringLiteral("%1:%2: %3").arg(c.branch, c.path, c.reason);
        if (!leftAlone.isEmpty())
            diff += tr("\n# left alone\n") + leftAlone.join(QLatin1Char('\n')) + QLatin1Char('\n');
        QString summary = tr("%1 file(s) would change on %2 branch(es); %3 already so, %4 not recognised, %5 skipped.")
                              .arg(m_preview.count(Outcome::Changed))
                              .arg(m_preview.branchesChanged().size())
                              .arg(m_preview.count(Outcome::Unchanged))
                              .arg(m_preview.count(Outcome::NotRecognised))
                              .arg(m_preview.count(Outcome::Skipped));
        if (!m_preview.newErrors.isEmpty()) {
            QStringList errors;
            for (const LintProblem &p : std::as_const(m_preview.newErrors))
                errors << p.toString();
            summary += tr(" The change brings %n new lint error(s); it is not applied:\n", nullptr, int(m_preview.newErrors.size()))
                + errors.join(QLatin1Char('\n'));
        }
        m_dialog->showPreview(diff, summary, m_preview.count(Outcome::Changed) > 0 && m_preview.newErrors.isEmpty());
    });
    connect(&m_applying, &QFutureWatcher<EditApplied>::finished, this, [this] {
        const EditApplied applied = m_applying.result();
        if (!applied.ok()) {
            if (m_dialog)
                m_dialog->showPreview(QString(), tr("Not applied: %1").arg(applied.error), false);
            return;
        }
        QStringList done;
        for (const EditCommit &c : applied.commits)
            done << tr("%1 on %2").arg(c.newCommit.left(12), c.branch);
        const QString text = tr("Committed %1 (not pushed).").arg(done.join(QStringLiteral(", ")))
            + (applied.warning.isEmpty() ? QString() : QLatin1Char(' ') + applied.warning);
        if (m_dialog)
            m_dialog->showPreview(QString(), text, false);
        // Said once the rescan has redrawn the window (which resets the banner).
        m_afterRescan = text;
        m_repository->rescan();
    });
    connect(m_repository, &RepositoryController::scanFinished, this, [this] {
        if (m_afterRescan.isEmpty())
            return;
        QTimer::singleShot(0, this, [this, text = m_afterRescan] { emit message(text); });
        m_afterRescan.clear();
    });
}

EditRecipesDialog *EditController::dialog() const
{
    return m_dialog;
}

void EditController::open()
{
    if (m_repository->root().isEmpty()) {
        emit message(tr("Open a build repository first: Edit Recipes changes its branches."));
        return;
    }
    if (!m_dialog) {
        m_dialog = new EditRecipesDialog(m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &EditRecipesDialog::previewRequested, this, &EditController::preview);
        connect(m_dialog, &EditRecipesDialog::applyRequested, this, &EditController::apply);
    }
    QStringList branches;
    for (const BranchScan &b : m_repository->scan().branches)
        if (!b.remote)
            branches << b.name;
    m_dialog->setBranches(branches, m_repository->scan().currentBranch);
    m_dialog->show();
    m_dialog->raise();
}

void EditController::preview()
{
    QString error;
    m_operation = RecipeEditOperation::parse(m_dialog->operation(), m_dialog->operationArguments(), &error);
    if (!m_operation) {
        m_dialog->showPreview(QString(), error, false);
        return;
    }
    m_dialog->showBusy(tr("Computing the preview…"));
    const RepositoryScan scan = m_repository->scan();
    const RecipeEditOperation operation = *m_operation;
    const QStringList branches = m_dialog->checkedBranches();
    const QString cells = m_dialog->cells();
    m_previewing.setFuture(QtConcurrent::run([scan, operation, branches, cells] {
        // No branch checked is no branch, not every branch.
        return branches.isEmpty() ? EditPreview() : BranchEdit::preview(scan, operation, branches, cells);
    }));
}

void EditController::apply()
{
    if (!m_operation || m_preview.count(RecipeChange::Outcome::Changed) == 0)
        return;
    m_dialog->showBusy(tr("Committing…"));
    const RepositoryScan scan = m_repository->scan();
    const EditPreview preview = m_preview;
    const QString title = m_operation->title();
    m_applying.setFuture(QtConcurrent::run([scan, preview, title] { return BranchEdit::apply(scan, preview, title); }));
}

} // namespace vs
