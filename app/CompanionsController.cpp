#include "CompanionsController.h"

#include "CompanionsDock.h"
#include "RepositoryController.h"
#include "builds/BuildHistory.h"
#include "builds/BuildSettings.h"
#include "repository/RepositoryScanner.h"

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
    connect(m_pytorch, &RepositoryController::scanFinished, this, &CompanionsController::analyse);
    connect(&m_watcher, &QFutureWatcher<QList<CompanionTableModel::Repository>>::finished, this, [this] {
        m_model->setRepositories(m_watcher.result());
        QList<CompanionGap> gaps;
        QStringList errors;
        for (const CompanionTableModel::Repository &r : m_model->repositories()) {
            gaps += r.report.gaps;
            if (!r.error.isEmpty())
                errors << r.error;
        }
        m_dock->showGaps(gaps);
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
    m_dock->show();
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
