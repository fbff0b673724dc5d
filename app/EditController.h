#pragma once

#include "repository/BranchEdit.h"
#include "repository/EditUndo.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace vs {

class EditRecipesDialog;
class RepositoryController;

// Recipe › Edit Recipes…: shows the dialog, computes its preview off the UI
// thread (BranchEdit over the open repository's scan), applies it (one commit
// per branch, all or none) and rescans. New lint (and, when asked, deep-check)
// errors keep Apply disabled until the user insists. Undo Last Edit reverts the
// last edit's commits (EditUndo).
class EditController : public QObject {
    Q_OBJECT
public:
    EditController(RepositoryController *repository, QWidget *window, QObject *parent = nullptr);

    QAction *action() const { return m_action; }
    QAction *undoAction() const { return m_undoAction; } // Recipe › Undo Last Edit
    void open();
    EditRecipesDialog *dialog() const;

signals:
    void message(const QString &text);

private:
    void preview();
    void apply();
    void undo();
    void showPreviewResult();
    void say(const QString &text); // in the dialog when it is open, and in the banner after the rescan
    RepositoryController *m_repository;
    QWidget *m_window;
    QAction *m_action;
    QAction *m_undoAction;
    QPointer<EditRecipesDialog> m_dialog;
    std::optional<RecipeEditOperation> m_operation;
    EditPreview m_preview;
    QFutureWatcher<EditPreview> m_previewing;
    QFutureWatcher<EditApplied> m_applying;
    QFutureWatcher<EditUndo::Result> m_undoing;
    QString m_afterRescan; // what to say once the rescan after an apply is shown
};

} // namespace vs
