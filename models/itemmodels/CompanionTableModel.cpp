#include "itemmodels/CompanionTableModel.h"
#include "itemmodels/BuildStates.h"

#include <QFileInfo>

namespace vs {

CompanionTableModel::CompanionTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void CompanionTableModel::setRepositories(const QList<Repository> &repositories)
{
    beginResetModel();
    m_repositories = repositories;
    m_rows.clear();
    for (const Repository &r : std::as_const(m_repositories))
        for (qsizetype i = 0; i < r.report.entries.size(); ++i)
            m_rows.append(
                { &r, { r.report.entries.at(i), i < r.shared.size() ? std::optional<SharedBuild>(r.shared.at(i)) : std::nullopt } });
    endResetModel();
}

CompanionOverlays CompanionTableModel::overlaysOf(const QString &root) const
{
    CompanionOverlays out;
    for (const Row &row : m_rows)
        if (row.repository->root == root)
            out.insert(BuildStates::key(row.overlay.entry.branch, row.overlay.entry.variant), row.overlay);
    return out;
}

int CompanionTableModel::rowOf(const QString &branch, const QString &variant) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).overlay.entry.branch == branch && m_rows.at(i).overlay.entry.variant == variant)
            return i;
    return -1;
}

int CompanionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CompanionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CompanionTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const CompanionEntry &e = row.overlay.entry;
    if (role == SharedRole)
        return row.overlay.sharesBuild() ? QVariant(*row.overlay.sharesBuild()) : QVariant();
    if (role == Qt::ToolTipRole)
        return row.overlay.tooltipLines().join(QLatin1Char('\n'));
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case RepositoryColumn:
        return QFileInfo(row.repository->root).fileName();
    case BranchColumn:
        return e.branch;
    case VariantColumn:
        return e.variant;
    case PytorchColumn:
        return e.pytorchBranch.isEmpty() ? tr("(no paired branch)") : QStringLiteral("%1: %2").arg(e.pytorchBranch, e.pytorchVariant);
    case StatusColumn:
        return row.overlay.statusText();
    case SharedColumn:
        return row.overlay.shared ? row.overlay.shared->summary() : QString();
    default:
        return {};
    }
}

QVariant CompanionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RepositoryColumn:
        return tr("Repository");
    case BranchColumn:
        return tr("Branch");
    case VariantColumn:
        return tr("Companion");
    case PytorchColumn:
        return tr("PyTorch partner");
    case StatusColumn:
        return tr("PyTorch status");
    case SharedColumn:
        return tr("PyTorch build");
    default:
        return {};
    }
}

} // namespace vs
