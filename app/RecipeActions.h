#pragma once

#include "variants/VariantName.h"

#include <QFutureWatcher>
#include <QObject>

#include <functional>

class QAction;
class QWidget;

namespace vs {

class MatrixController;
class Workspace;

// The recipe actions on selected cells: Generate, Copy package name, Copy the
// `flox build` command, Open in external editor.
class RecipeActions : public QObject {
    Q_OBJECT
public:
    RecipeActions(MatrixController *matrix, Workspace *workspace, QWidget *window);

    QAction *generateAction() const { return m_generate; }
    QAction *copyNameAction() const { return m_copyName; }
    QAction *copyBuildAction() const { return m_copyBuild; }
    QAction *openEditorAction() const { return m_openEditor; }
    QList<QAction *> actions() const { return { m_generate, m_copyName, m_copyBuild, m_openEditor }; }

    // Asked before existing recipes are overwritten; true: overwrite. Default: a message box.
    using OverwriteQuestion = std::function<bool(const QStringList &existingFiles)>;
    void setOverwriteQuestion(OverwriteQuestion question) { m_askOverwrite = std::move(question); }
    // The same question for every recipe writer of the window.
    bool askOverwrite(const QStringList &existingFiles) const { return m_askOverwrite(existingFiles); }

    void generateSelected();
    void copyPackageNames();
    void copyBuildCommand();
    void openInEditor();

signals:
    void message(const QString &text); // for the banner; empty clears
    void generated(const QStringList &paths);

private:
    void updateEnabled();
    QList<VariantName> selectedVariants() const;

    MatrixController *m_matrix;
    Workspace *m_repository; // the shown repository of the workspace
    QWidget *m_window;
    QAction *m_generate, *m_copyName, *m_copyBuild, *m_openEditor;
    OverwriteQuestion m_askOverwrite;
    QFutureWatcher<QStringList> m_writing;
};

} // namespace vs
