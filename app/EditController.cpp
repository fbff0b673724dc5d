#include "EditController.h"

#include "EditRecipesDialog.h"
#include "RepositoryController.h"
#include "repository/EditChecks.h"

#include <QAction>
#include <QStandardPaths>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace vs {

EditController::EditController(RepositoryController *repository, QWidget *window, QObject *parent)
    : QObject(parent)
    , m_repository(repository)
    , m_window(window)
    , m_action(new QAction(tr("&Edit Recipes…"), this))
    , m_undoAction(new QAction(tr("&Undo Last Edit"), this))
{
    m_action->setObjectName(QStringLiteral("editRecipesAction"));
    m_action->setStatusTip(tr("Change the pin, a setting or any text in the recipes of several branches, with a preview"));
    m_undoAction->setObjectName(QStringLiteral("undoEditAction"));
    m_undoAction->setStatusTip(tr("Revert the commits of the last Edit Recipes change (refused when a branch moved since)"));
    connect(m_action, &QAction::triggered, this, &EditController::open);
    connect(m_undoAction, &QAction::triggered, this, &EditController::undo);
    connect(&m_previewing, &QFutureWatcher<EditPreview>::finished, this, &EditController::showPreviewResult);
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
        say(tr("Committed %1 (not pushed; Undo Last Edit reverts it).").arg(done.join(QStringLiteral(", ")))
            + (applied.warning.isEmpty() ? QString() : QLatin1Char(' ') + applied.warning));
    });
    connect(&m_undoing, &QFutureWatcher<EditUndo::Result>::finished, this, [this] {
        const EditUndo::Result undone = m_undoing.result();
        m_undoAction->setEnabled(true);
        if (!undone.ok()) {
            if (m_dialog)
                m_dialog->showPreview(QString(), tr("Not undone: %1").arg(undone.error), false);
            else
                emit message(tr("Not undone: %1").arg(undone.error));
            return;
        }
        QStringList done;
        for (const EditCommit &c : undone.commits)
            done << tr("%1 on %2").arg(c.newCommit.left(12), c.branch);
        say(tr("Undid \"%1\": reverted with %2 (not pushed).").arg(undone.title, done.join(QStringLiteral(", ")))
            + (undone.warning.isEmpty() ? QString() : QLatin1Char(' ') + undone.warning));
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
        connect(m_dialog, &EditRecipesDialog::undoRequested, this, &EditController::undo);
    }
    QStringList branches;
    for (const BranchScan &b : m_repository->scan().branches)
        if (!b.remote)
            branches << b.name;
    m_dialog->setBranches(branches, m_repository->scan().currentBranch);
    m_dialog->show();
    m_dialog->raise();
}

void EditController::say(const QString &text)
{
    if (m_dialog)
        m_dialog->showPreview(QString(), text, false);
    // Said once the rescan has redrawn the window (which resets the banner).
    m_afterRescan = text;
    m_repository->rescan();
}

void EditController::preview()
{
    QString error;
    m_operation = RecipeEditOperation::parse(m_dialog->operation(), m_dialog->operationArguments(), &error);
    if (!m_operation) {
        m_dialog->showPreview(QString(), error, false);
        return;
    }
    const bool deep = m_dialog->deepCheck();
    const DeepCheckOptions options;
    if (deep && QStandardPaths::findExecutable(options.nixInstantiate).isEmpty()) {
        m_dialog->showPreview(QString(), tr("The deep check needs nix-instantiate on PATH; uncheck it or install Nix."), false);
        return;
    }
    m_dialog->showBusy(deep ? tr("Computing the preview and deep-checking the changed recipes…") : tr("Computing the preview…"));
    const RepositoryScan scan = m_repository->scan();
    const RecipeEditOperation operation = *m_operation;
    const QStringList branches = m_dialog->checkedBranches();
    const QString cells = m_dialog->cells();
    m_previewing.setFuture(QtConcurrent::run([scan, operation, branches, cells, deep, options] {
        // No branch checked is no branch, not every branch.
        EditPreview preview = branches.isEmpty() ? EditPreview() : BranchEdit::preview(scan, operation, branches, cells);
        if (deep && !preview.branchesChanged().isEmpty()) {
            preview.newErrors += EditChecks::newDeepErrors(scan, preview, options);
            preview.deepChecked = true;
        }
        return preview;
    }));
}

void EditController::showPreviewResult()
{
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
    for (const RecipeChange &c : std::as_const(m_preview.files))
        if (c.outcome == Outcome::Skipped && c.after != c.before) // a hand-made recipe regenerate keeps
            diff += tr("# left alone on branch %1 (what regenerating it would change)\n").arg(c.branch)
                + BranchEdit::unifiedDiff(c.path, c.before, c.after);
    QString summary = tr("%1 file(s) would change on %2 branch(es); %3 already so, %4 not recognised, %5 skipped.")
                          .arg(m_preview.count(Outcome::Changed))
                          .arg(m_preview.branchesChanged().size())
                          .arg(m_preview.count(Outcome::Unchanged))
                          .arg(m_preview.count(Outcome::NotRecognised))
                          .arg(m_preview.count(Outcome::Skipped));
    if (m_preview.deepChecked)
        summary += tr(" Deep-checked the changed recipes before and after.");
    if (!m_preview.newErrors.isEmpty()) {
        QStringList errors;
        for (const LintProblem &p : std::as_const(m_preview.newErrors))
            errors << p.toString();
        summary += (m_preview.deepChecked
                           ? tr(" The change brings %n new lint or deep-check error(s):\n", nullptr, int(m_preview.newErrors.size()))
                           : tr(" The change brings %n new lint error(s):\n", nullptr, int(m_preview.newErrors.size())))
            + errors.join(QLatin1Char('\n'));
    }
    m_dialog->showPreview(diff, summary, m_preview.count(Outcome::Changed) > 0, !m_preview.newErrors.isEmpty());
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

void EditController::undo()
{
    if (m_repository->root().isEmpty()) {
        emit message(tr("Open a build repository first: Undo Last Edit reverts an edit of its branches."));
        return;
    }
    if (m_undoing.isRunning())
        return;
    if (m_dialog)
        m_dialog->showBusy(tr("Undoing the last edit…"));
    m_undoAction->setEnabled(false);
    const QString root = m_repository->scan().root;
    const QString current = m_repository->scan().currentBranch;
    m_undoing.setFuture(QtConcurrent::run([root, current] { return EditUndo::undoLast(root, current, {}); }));
}

} // namespace vs
