#include "CompanionsController.h"

#include "CompanionsDock.h"
#include "RepositoryController.h"
#include "builds/BuildHistory.h"
#include "builds/BuildSettings.h"
#include "repository/RepositoryScanner.h"
#include "settings/AppSettings.h"

#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace vs {

namespace {

QList<CompanionTableModel::Repository> analyseAll(const RepositoryScan &pytorch, const QStringList &folders, const QString &historyDir)
{
    BuildHistory history(pytorch.root, historyDir);
    const auto cells = history.cells();
    QList<CompanionTableModel::Repository> out;
    for (const QString &folder : folders) {
        CompanionTableModel::Repository r;
        const RepositoryScan scan = RepositoryScanner::scan(folder);
        r.root = scan.root.isEmpty() ? folder : scan.root;
        r.scan = scan;
        if (!scan.ok()) {
            r.error = scan.error;
            out << r;
            continue;
        }
        r.report = CompanionMatch::match(pytorch, scan, cells);
        r.shared = SharedBuildCheck::check(pytorch, scan, r.report.entries);
        out << r;
    }
    return out;
}

} // namespace

CompanionsController::CompanionsController(RepositoryController *pytorch, CompanionsDock *dock, QObject *parent)
    : QObject(parent)
    , m_pytorch(pytorch)
    , m_dock(dock)
    , m_model(new CompanionTableModel(this))
{
    m_dock->setModel(m_model);
    connect(m_pytorch, &RepositoryController::scanStarted, this, &CompanionsController::repositoryOpening);
    connect(m_pytorch, &RepositoryController::scanFinished, this, &CompanionsController::repositoryScanned);
    connect(&m_watcher, &QFutureWatcher<QList<CompanionTableModel::Repository>>::finished, this, [this] {
        m_model->setRepositories(m_watcher.result());
        QStringList errors;
        for (const CompanionTableModel::Repository &r : m_model->repositories()) {
            if (!r.error.isEmpty())
                errors << r.error;
            // A broken .flox/variant-studio.yaml leaves the pairing to inference: say where.
            for (const LintProblem &p : r.scan.problems)
                if (p.rule == QLatin1String("catalog"))
                    errors << tr("%1/%2:%3: %4 (branches are paired by inference)").arg(r.root, p.file).arg(p.line).arg(p.message);
        }
        m_dock->showPairs(m_model->repositories());
        m_dock->showMessage(errors.isEmpty() ? tr("%n companion recipe(s)", nullptr, m_model->rowCount()) : errors.join(QLatin1Char('\n')));
        emit analysed();
        if (std::exchange(m_again, false))
            analyse();
    });
}

CompanionsController::~CompanionsController()
{
    m_watcher.waitForFinished();
}

void CompanionsController::add(const QString &folder)
{
    const QString absolute = QFileInfo(folder).absoluteFilePath();
    if (!m_folders.contains(absolute))
        m_folders << absolute;
    if (!m_root.isEmpty())
        AppSettings().setWorkspaceCompanions(m_root, m_folders);
    m_dock->show();
    analyse();
}

void CompanionsController::refresh()
{
    analyse();
}

void CompanionsController::repositoryOpening(const QString &folder)
{
    // Another repository than the workspace's: its own workspace comes back with its scan.
    if (m_root.isEmpty() || QFileInfo(folder).canonicalFilePath() == m_root)
        return;
    m_root.clear();
    m_folders.clear();
    m_model->setRepositories({});
    m_dock->showPairs({});
    m_dock->showMessage({});
}

void CompanionsController::repositoryScanned()
{
    const QString root = m_pytorch->root();
    if (root != m_root) {
        // Remembered companions first, then those added while the repository was opening
        // (scripts/run REPO COMPANION…); a remembered folder that is gone is dropped.
        QStringList folders;
        for (const QString &f : AppSettings().workspaceCompanions(root))
            if (QFileInfo(f).isDir())
                folders << f;
        for (const QString &f : std::as_const(m_folders))
            if (!folders.contains(f))
                folders << f;
        m_folders = folders;
        m_root = root;
        if (!m_folders.isEmpty()) {
            AppSettings().setWorkspaceCompanions(m_root, m_folders);
            m_dock->show();
        }
    }
    analyse();
}

void CompanionsController::analyse()
{
    if (m_folders.isEmpty() || !m_pytorch->hasRepository())
        return;
    if (m_watcher.isRunning()) {
        m_again = true;
        return;
    }
    m_dock->showMessage(tr("Evaluating the companion recipes…"));
    m_watcher.setFuture(QtConcurrent::run(analyseAll, m_pytorch->scan(), m_folders, BuildSettings::load().historyDirectory()));
}

} // namespace vs
