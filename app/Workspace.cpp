#include "Workspace.h"

#include "CompanionsController.h"
#include "RepositoryController.h"
#include "ScanAdapter.h"
#include "itemmodels/MatrixModel.h"

namespace vs {

namespace {
int recipesOf(const RepositoryScan &scan, const QString &package)
{
    int n = 0;
    for (const BranchScan &b : scan.branches)
        for (const RecipeFile &r : b.recipes)
            n += r.variant && r.variant->package == package && r.state != RecipeFile::State::Deleted ? 1 : 0;
    return n;
}
} // namespace

Workspace::Workspace(RepositoryController *primary, CompanionsController *companions, MatrixModel *matrix, QObject *parent)
    : QObject(parent)
    , m_primary(primary)
    , m_companions(companions)
    , m_matrix(matrix)
{
    connect(m_primary, &RepositoryController::scanFinished, this, [this] {
        if (!showsCompanion())
            emit shownChanged();
    });
    connect(m_companions, &CompanionsController::analysed, this, &Workspace::companionsAnalysed);
    connect(this, &Workspace::shownChanged, this, &Workspace::feedMatrix);
    // Choosing a package of another repository shows that repository.
    connect(m_matrix, &MatrixModel::sliceChanged, this, [this] { showPackage(m_matrix->package()); });
}

const RepositoryScan &Workspace::scan() const
{
    for (const CompanionTableModel::Repository &r : m_companions->model()->repositories())
        if (r.root == m_shown && !m_shown.isEmpty())
            return r.scan;
    return m_primary->scan();
}

void Workspace::rescan()
{
    m_primary->rescan(); // the companions are analysed again after it
}

QString Workspace::rootOf(const QString &package) const
{
    if (package == CompanionMatch::pytorchPackage())
        return {};
    QString best;
    int most = 0;
    for (const CompanionTableModel::Repository &r : m_companions->model()->repositories())
        if (const int n = r.error.isEmpty() ? recipesOf(r.scan, package) : 0; n > most) {
            most = n;
            best = r.root;
        }
    return best;
}

void Workspace::showPackage(const QString &package)
{
    const QString root = rootOf(package);
    if (root == m_shown)
        return;
    m_shown = root;
    emit shownChanged();
}

void Workspace::remember(const QString &branch)
{
    m_branches.insert(root(), branch);
}

QString Workspace::branchToShow() const
{
    const RepositoryScan &shown = scan();
    if (const QString last = m_branches.value(shown.root); shown.branch(last))
        return last;
    const QString primaryBranch = m_branches.value(m_primary->root());
    for (const CompanionTableModel::Repository &r : m_companions->model()->repositories())
        if (r.root == m_shown && !m_shown.isEmpty())
            for (const BranchPair &pair : r.report.pairs)
                if (pair.pytorchBranch == primaryBranch && shown.branch(pair.companionBranch))
                    return pair.companionBranch;
    return ScanAdapter::initialBranch(shown);
}

void Workspace::companionsAnalysed()
{
    const bool wasCompanion = showsCompanion();
    // A companion repository that failed to scan this time is no longer shown.
    if (wasCompanion && scan().root != m_shown)
        m_shown.clear();
    feedMatrix();
    // The chosen package may live in a repository that was not scanned before.
    const QString wanted = rootOf(m_matrix->package());
    if (wanted != m_shown || wasCompanion) {
        m_shown = wanted;
        emit shownChanged();
    }
}

void Workspace::feedMatrix()
{
    QStringList packages;
    for (const CompanionTableModel::Repository &r : m_companions->model()->repositories())
        for (const BranchScan &b : r.scan.branches)
            for (const RecipeFile &f : b.recipes)
                if (f.variant && !packages.contains(f.variant->package))
                    packages << f.variant->package;
    m_matrix->setWorkspacePackages(packages);
    m_matrix->setCompanionOverlays(m_companions->model()->overlaysOf(showsCompanion() ? m_shown : QString()));
}

} // namespace vs
