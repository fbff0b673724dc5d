#include "itemmodels/MatrixModel.h"
#include "variants/SliceChoices.h"

#include <algorithm>

namespace vs {

MatrixModel::MatrixModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_catalog(Catalog::embedded())
{
    setBranch({}, {});
}

void MatrixModel::setCatalog(const Catalog &catalog)
{
    beginResetModel();
    m_catalog = catalog;
    rebuildAxes();
    rebuildCells();
    endResetModel();
}

void MatrixModel::setBranch(const QString &branch, const QList<MatrixRecipe> &recipes)
{
    beginResetModel();
    m_branch = branch;
    m_recipes = recipes;
    rebuildAxes();
    // Keep the slice when the branch holds recipes in it (or has none at all);
    // otherwise show what the branch holds most.
    auto keepOrFirst = [&](const QString &current, const QStringList &choices, auto present) {
        const bool keep = !current.isEmpty() && choices.contains(current) && (m_recipes.isEmpty() || present(current));
        return keep ? current : choices.value(0);
    };
    m_package = keepOrFirst(m_package, packageChoices(), [&](const QString &p) {
        return std::any_of(m_recipes.cbegin(), m_recipes.cend(), [&](const MatrixRecipe &r) { return r.variant.package == p; });
    });
    m_python = keepOrFirst(m_python, pythonChoices(), [&](const QString &py) {
        return std::any_of(m_recipes.cbegin(), m_recipes.cend(),
            [&](const MatrixRecipe &r) { return r.variant.package == m_package && r.variant.python == py; });
    });
    m_cuda = keepOrFirst(m_cuda, cudaChoices(), [&](const QString &c) {
        return std::any_of(m_recipes.cbegin(), m_recipes.cend(),
            [&](const MatrixRecipe &r) { return r.variant.package == m_package && r.variant.python == m_python && r.variant.cuda == c; });
    });
    rebuildCells();
    endResetModel();
    emit sliceChanged();
}

void MatrixModel::setSlice(const QString &package, const QString &python, const QString &cuda)
{
    if (package == m_package && python == m_python && cuda == m_cuda)
        return;
    beginResetModel();
    m_package = package;
    m_python = python;
    m_cuda = cuda;
    rebuildCells();
    endResetModel();
    emit sliceChanged();
}

void MatrixModel::setMachine(const MachineFit &fit)
{
    m_machine = fit;
    rebuildCells();
    if (rowCount() > 0 && columnCount() > 0) // a grid without columns has no cell to announce
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

void MatrixModel::setBuildStates(const QHash<QString, CellStatus> &states)
{
    m_buildStates = states;
    rebuildCells();
    if (rowCount() > 0 && columnCount() > 0) // a grid without columns has no cell to announce
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

void MatrixModel::setCompanionOverlays(const CompanionOverlays &overlays)
{
    m_overlays = overlays;
    rebuildCells();
    if (rowCount() > 0 && columnCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

const CompanionOverlay *MatrixModel::overlayAt(const QModelIndex &index) const
{
    const Cell *c = cellAt(index);
    if (!c || c->recipes.isEmpty())
        return nullptr;
    return overlayOf(m_branch, c->variant.toString());
}

const CompanionOverlay *MatrixModel::overlayOf(const QString &branch, const QString &variantName) const
{
    const auto it = m_overlays.constFind(buildKey(branch, variantName));
    return it == m_overlays.constEnd() ? nullptr : &*it;
}

void MatrixModel::setWorkspacePackages(const QStringList &packages)
{
    m_workspacePackages = packages;
    emit sliceChanged(); // the selector's package list changed
}

SliceChoices MatrixModel::sliceChoices() const
{
    QList<VariantName> variants;
    variants.reserve(m_recipes.size());
    for (const MatrixRecipe &r : m_recipes)
        variants.append(r.variant);
    return SliceChoices(m_catalog, m_branch, variants);
}

QStringList MatrixModel::packageChoices() const
{
    // The branch's packages, then the workspace's, then the rest of the catalogue's.
    const QStringList all = sliceChoices().packages();
    QStringList out;
    for (const QString &p : all)
        if (std::any_of(m_recipes.cbegin(), m_recipes.cend(), [&](const MatrixRecipe &r) { return r.variant.package == p; }))
            out << p;
    for (const QString &p : m_workspacePackages + all)
        if (!out.contains(p))
            out << p;
    return out;
}

QStringList MatrixModel::pythonChoices() const
{
    return sliceChoices().pythons(m_package);
}

QStringList MatrixModel::cudaChoices() const
{
    return sliceChoices().cudaReleases();
}

void MatrixModel::rebuildAxes()
{
    QList<VariantName> variants;
    for (const MatrixRecipe &r : std::as_const(m_recipes))
        variants.append(r.variant);
    m_layout = MatrixLayout(m_catalog, variants, MatrixLayout::Span::Catalogue);
}

MatrixModel::Cell MatrixModel::makeCell(const VariantName &v) const
{
    // The layout places by row and ISA; the cell is the one variant of the slice.
    QList<int> recipes;
    for (int i : m_layout.at(MatrixLayout::rowOf(v), v.isa))
        if (m_recipes[i].variant == v)
            recipes.append(i);
    const auto build = m_buildStates.constFind(buildKey(m_branch, v.toString()));
    const auto overlay = m_overlays.constFind(buildKey(m_branch, v.toString()));
    return MatrixCell::derive(m_catalog, v, m_recipes, recipes, m_machine,
        build == m_buildStates.constEnd() ? std::nullopt : std::optional<CellStatus>(*build),
        overlay != m_overlays.constEnd() && overlay->partnerMissing());
}

void MatrixModel::rebuildCells()
{
    m_cells.clear();
    VariantName base;
    base.package = m_package;
    base.python = m_python;
    for (const QString &gpu : m_layout.gpuRows()) {
        for (const QString &isa : m_layout.columns()) {
            VariantName v = base;
            v.kind = VariantName::Kind::Cuda;
            v.cuda = m_cuda;
            v.gpu = gpu;
            v.isa = isa;
            m_cells.append(makeCell(v));
        }
    }
    for (const QString &isa : m_layout.columns()) {
        VariantName v = base;
        v.kind = VariantName::Kind::Cpu;
        v.isa = isa;
        m_cells.append(makeCell(v));
    }
    VariantName d = base;
    d.kind = VariantName::Kind::Darwin;
    d.isa = m_catalog.darwin.id;
    m_cells.append(makeCell(d));
}

const MatrixModel::Cell *MatrixModel::cellAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    if (index.row() == darwinRow())
        return index.column() == 0 ? &m_cells.last() : nullptr;
    const int i = index.row() * m_layout.columns().size() + index.column();
    return i >= 0 && i < m_cells.size() - 1 ? &m_cells[i] : nullptr;
}

bool MatrixModel::isCell(const QModelIndex &index) const
{
    return cellAt(index) != nullptr;
}

VariantName MatrixModel::variantAt(const QModelIndex &index) const
{
    const Cell *c = cellAt(index);
    return c ? c->variant : VariantName {};
}

CellStatus MatrixModel::statusAt(const QModelIndex &index) const
{
    const Cell *c = cellAt(index);
    return c ? c->status : CellStatus::NotDefined;
}

QList<const MatrixRecipe *> MatrixModel::recipesAt(const QModelIndex &index) const
{
    QList<const MatrixRecipe *> out;
    if (const Cell *c = cellAt(index))
        for (int i : c->recipes)
            out.append(&m_recipes[i]);
    return out;
}

const MatrixRecipe *MatrixModel::recipeAt(const QModelIndex &index) const
{
    const auto all = recipesAt(index);
    return all.isEmpty() ? nullptr : all.first();
}

QModelIndex MatrixModel::indexOf(const VariantName &v) const
{
    if (v.package != m_package || v.python != m_python)
        return {};
    switch (v.kind) {
    case VariantName::Kind::Darwin:
        return index(darwinRow(), 0);
    case VariantName::Kind::Cpu:
        return m_layout.columns().contains(v.isa) ? index(cpuRow(), int(m_layout.columns().indexOf(v.isa))) : QModelIndex();
    case VariantName::Kind::Cuda:
        if (v.cuda != m_cuda || !m_layout.gpuRows().contains(v.gpu) || !m_layout.columns().contains(v.isa))
            return {};
        return index(int(m_layout.gpuRows().indexOf(v.gpu)), int(m_layout.columns().indexOf(v.isa)));
    }
    return {};
}

QModelIndex MatrixModel::recommendedIndex() const
{
    for (int r = 0; r < rowCount(); ++r)
        for (int c = 0; c < columnCount(); ++c)
            if (const Cell *cell = cellAt(index(r, c)); cell && cell->recommended)
                return index(r, c);
    return {};
}

QMap<CellStatus, int> MatrixModel::statusCounts() const
{
    QMap<CellStatus, int> counts;
    for (const Cell &c : m_cells)
        ++counts[c.status];
    return counts;
}

int MatrixModel::runnableRecipeCount() const
{
    int n = 0;
    for (const MatrixRecipe &r : m_recipes)
        n += m_machine.runs(r.variant) ? 1 : 0;
    return n;
}

int MatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_layout.gpuRows().size()) + 2;
}

int MatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_layout.columns().size());
}

Qt::ItemFlags MatrixModel::flags(const QModelIndex &index) const
{
    return isCell(index) ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::NoItemFlags;
}

QString MatrixModel::tooltip(const Cell &cell) const
{
    QStringList lines;
    lines << cell.variant.toString() << tr("Status: %1").arg(CellStatusInfo::name(cell.status));
    for (int i : cell.recipes) {
        const MatrixRecipe &r = m_recipes[i];
        lines << tr("File: %1").arg(r.path);
        if (!r.workingTreeState.isEmpty())
            lines << tr("Working tree: %1").arg(r.workingTreeState);
        if (!r.pname.isEmpty())
            lines << tr("pname: %1").arg(r.pname);
        if (!r.gpuArch.isEmpty())
            lines << tr("GPU architecture: %1").arg(r.gpuArch);
        if (!r.cpuFlags.isEmpty())
            lines << tr("CPU flags: %1").arg(r.cpuFlags.join(QLatin1Char(' ')));
        for (const QString &n : r.notes)
            lines << tr("Note: %1").arg(n);
    }
    if (!cell.reason.isEmpty())
        lines << (cell.recipes.isEmpty() ? tr("Why: %1") : tr("Problems:\n%1")).arg(cell.reason);
    const auto overlay = m_overlays.constFind(buildKey(m_branch, cell.variant.toString()));
    if (!cell.recipes.isEmpty() && overlay != m_overlays.constEnd())
        lines += overlay->tooltipLines();
    if (cell.runsHere)
        lines << tr("Runs on this machine");
    if (cell.recommended)
        lines << tr("Recommended for this machine");
    return lines.join(QLatin1Char('\n'));
}

QVariant MatrixModel::data(const QModelIndex &index, int role) const
{
    const Cell *cell = cellAt(index);
    if (!cell)
        return role == IsCellRole ? QVariant(false) : QVariant();
    switch (role) {
    case Qt::DisplayRole:
    case GlyphRole:
        return CellStatusInfo::glyph(cell->status);
    case Qt::AccessibleTextRole:
    case StatusTextRole:
        return CellStatusInfo::name(cell->status);
    case Qt::ToolTipRole:
        return tooltip(*cell);
    case StatusRole:
        return static_cast<int>(cell->status);
    case VariantNameRole:
        return cell->variant.toString();
    case RunsHereRole:
        return cell->runsHere;
    case RecommendedRole:
        return cell->recommended;
    case FilePathRole:
        return cell->recipes.isEmpty() ? QString() : m_recipes[cell->recipes.first()].path;
    case ReasonRole:
        return cell->reason;
    case IsCellRole:
        return true;
    case PartnerStatusRole:
        if (const CompanionOverlay *o = overlayAt(index))
            return static_cast<int>(o->partnerStatus());
        return {};
    case SharedBuildRole:
        if (const CompanionOverlay *o = overlayAt(index); o && o->sharesBuild())
            return *o->sharesBuild();
        return {};
    default:
        return {};
    }
}

QVariant MatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal) {
        const QString id = m_layout.columns().value(section);
        const CpuIsa *isa = m_catalog.cpuIsa(id);
        if (role == Qt::DisplayRole)
            return id;
        if (role == Qt::ToolTipRole)
            return isa ? QStringLiteral("%1 (%2)").arg(isa->description, isa->platform) : tr("%1: not in the catalogue").arg(id);
        return {};
    }
    if (section == cpuRow()) {
        if (role == Qt::DisplayRole)
            return tr("CPU only");
        if (role == Qt::ToolTipRole)
            return tr("Builds without CUDA");
        return {};
    }
    if (section == darwinRow()) {
        if (role == Qt::DisplayRole)
            return tr("macOS (MPS)");
        if (role == Qt::ToolTipRole)
            return m_catalog.darwin.description;
        return {};
    }
    const QString id = m_layout.gpuRows().value(section);
    const GpuArch *gpu = m_catalog.gpuArch(id);
    if (role == Qt::DisplayRole)
        return gpu ? QStringLiteral("%1  %2").arg(id, gpu->family) : id;
    if (role == Qt::ToolTipRole)
        return gpu ? tr("Compute capability %1: %2").arg(gpu->computeCapability, gpu->products.join(QStringLiteral(", ")))
                   : tr("%1: not in the catalogue").arg(id);
    return {};
}

QHash<int, QByteArray> MatrixModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names[StatusRole] = "status";
    names[StatusTextRole] = "statusText";
    names[VariantNameRole] = "variantName";
    names[RunsHereRole] = "runsHere";
    names[RecommendedRole] = "recommended";
    return names;
}

} // namespace vs
