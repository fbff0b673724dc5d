#include "RecipeActions.h"

#include "MatrixController.h"
#include "Workspace.h"
#include "itemmodels/MatrixModel.h"
#include "recipes/RecipeGenerator.h"
#include "repository/RecipeBasis.h"
#include "repository/RecipeWriter.h"

#include <QAction>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QMessageBox>
#include <QUrl>
#include <QtConcurrent>

namespace vs {

RecipeActions::RecipeActions(MatrixController *matrix, Workspace *workspace, QWidget *window)
    : QObject(window)
    , m_matrix(matrix)
    , m_repository(workspace)
    , m_window(window)
    , m_generate(new QAction(tr("&Generate Recipe"), this))
    , m_copyName(new QAction(tr("Copy &Package Name"), this))
    , m_copyBuild(new QAction(tr("Copy `flox &build` Command"), this))
    , m_openEditor(new QAction(tr("Open in External &Editor"), this))
{
    m_generate->setObjectName(QStringLiteral("generateAction"));
    m_generate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    m_generate->setToolTip(tr("Write the recipe of the selected cells into the working tree and stage it"));
    m_copyName->setShortcut(QKeySequence::Copy);
    m_copyName->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_openEditor->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_askOverwrite = [this](const QStringList &files) {
        return QMessageBox::question(m_window, tr("Overwrite Recipes?"),
                   tr("These recipes already exist in the working tree:\n%1\n\nReplace them with the generated text?")
                       .arg(files.join(QLatin1Char('\n'))),
                   QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
            == QMessageBox::Yes;
    };
    connect(m_generate, &QAction::triggered, this, &RecipeActions::generateSelected);
    connect(m_copyName, &QAction::triggered, this, &RecipeActions::copyPackageNames);
    connect(m_copyBuild, &QAction::triggered, this, &RecipeActions::copyBuildCommand);
    connect(m_openEditor, &QAction::triggered, this, &RecipeActions::openInEditor);
    connect(m_matrix, &MatrixController::selectionChanged, this, &RecipeActions::updateEnabled);
    connect(&m_writing, &QFutureWatcher<QStringList>::finished, this, [this] {
        const QStringList errors = m_writing.result();
        emit message(errors.join(QLatin1Char('\n')));
        emit generated({});
        m_repository->rescan(); // the new files turn their cells "new"
        updateEnabled();
    });
    updateEnabled();
}

QList<VariantName> RecipeActions::selectedVariants() const
{
    QList<VariantName> out;
    for (const QModelIndex &i : m_matrix->selectedCells())
        out.append(m_matrix->model()->variantAt(i));
    return out;
}

void RecipeActions::updateEnabled()
{
    const bool any = !m_matrix->selectedCells().isEmpty();
    m_generate->setEnabled(any && !m_writing.isRunning());
    m_copyName->setEnabled(any);
    m_copyBuild->setEnabled(any);
    m_openEditor->setEnabled(any && m_repository->hasRepository());
}

void RecipeActions::generateSelected()
{
    const MatrixModel *model = m_matrix->model();
    if (!m_repository->hasRepository()) {
        emit message(tr("Open a build repository (or create one with File › New Build Repository…) before generating recipes."));
        return;
    }
    const QString branch = model->branch();
    const QString current = m_repository->scan().currentBranch;
    if (branch != current) {
        emit message(tr("Recipes are written into the working tree, which holds branch '%1', not '%2'. "
                        "Check out '%2' first (git switch %2), then generate.")
                         .arg(current.isEmpty() ? tr("(detached HEAD)") : current, branch));
        return;
    }
    const QString root = m_repository->root();
    const RecipeBasis basis = RecipeBasis::forBranch(model->catalog(), m_repository->scan(), branch);
    const RecipeGenerator generator(model->catalog());

    QList<QPair<VariantName, QString>> work; // variant, text
    QStringList errors, existing;
    for (const QModelIndex &cell : m_matrix->selectedCells()) {
        const VariantName v = model->variantAt(cell);
        const auto result = generator.generate(v, basis.profile, basis.nixpkgsRev);
        if (!result.ok()) {
            errors.append(tr("%1: %2").arg(v.toString(), result.error));
            continue;
        }
        if (RecipeWriter::occupied(root, v))
            existing.append(QDir(root).relativeFilePath(RecipeWriter::recipePath(root, v)));
        work.append({ v, result.text });
    }
    // Never overwrite silently: ask once for all existing files.
    const bool force = !existing.isEmpty() && m_askOverwrite(existing);
    if (!existing.isEmpty() && !force) {
        work.erase(
            std::remove_if(work.begin(), work.end(), [&](const auto &w) { return RecipeWriter::occupied(root, w.first); }), work.end());
        errors.append(tr("Kept %n existing recipe(s) unchanged.", nullptr, int(existing.size())));
    }
    if (work.isEmpty()) {
        emit message(errors.join(QLatin1Char('\n')));
        return;
    }
    emit message(tr("Writing %n recipe(s)…", nullptr, int(work.size())));
    // RecipeWriter runs git: off the UI thread.
    m_writing.setFuture(QtConcurrent::run([root, branch, work, force, errors]() {
        QStringList out = errors;
        for (const auto &[variant, text] : work) {
            const auto r = RecipeWriter::write(root, branch, variant, text, force);
            if (!r.ok())
                out.append(QStringLiteral("%1: %2").arg(variant.toString(), r.error));
        }
        return out;
    }));
    updateEnabled();
}

void RecipeActions::copyPackageNames()
{
    QStringList names;
    for (const VariantName &v : selectedVariants())
        names.append(v.toString());
    QGuiApplication::clipboard()->setText(names.join(QLatin1Char('\n')));
}

void RecipeActions::copyBuildCommand()
{
    QStringList names;
    for (const VariantName &v : selectedVariants())
        names.append(v.toString());
    if (!names.isEmpty())
        QGuiApplication::clipboard()->setText(QStringLiteral("flox build ") + names.join(QLatin1Char(' ')));
}

void RecipeActions::openInEditor()
{
    const MatrixModel *model = m_matrix->model();
    const QModelIndexList cells = m_matrix->selectedCells();
    if (cells.isEmpty())
        return;
    const MatrixRecipe *recipe = model->recipeAt(cells.first());
    if (!recipe) {
        emit message(tr("%1 has no recipe yet: generate it first.").arg(model->variantAt(cells.first()).toString()));
        return;
    }
    if (model->branch() != m_repository->scan().currentBranch) {
        emit message(tr("%1 is on branch '%2', which is not checked out: the working tree has no such file to edit.")
                         .arg(recipe->path, model->branch()));
        return;
    }
    QDesktopServices::openUrl(QUrl::fromLocalFile(QDir(m_repository->root()).filePath(recipe->path)));
}

} // namespace vs
