#pragma once

#include "repository/BranchEdit.h"

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
// per branch, all or none) and rescans. New lint errors keep Apply disabled.
class EditController : public QObject {
    Q_OBJECT
public:
    EditController(RepositoryController *repository, QWidget *window, QObject *parent = nullptr);

    QAction *action() const { return m_action; }
    void open();
    EditRecipesDialog *dialog() const;

signals:
    void message(const QString &text);

private:
    void preview();
    void apply();

    RepositoryController *m_repository;
    QWidget *m_window;
    QAction *m_action;
    QPointer<EditRecipesDialog> m_dialog;
    std::optional<RecipeEditOperation> m_operation;
    EditPreview m_preview;
    QFutureWatcher<EditPreview> m_previewing;
    QFutureWatcher<EditApplied> m_applying;
    QString m_afterRescan; // what to say once the rescan after an apply is shown
};

} // namespace vs
