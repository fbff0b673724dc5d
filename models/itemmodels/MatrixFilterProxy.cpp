#include "itemmodels/MatrixFilterProxy.h"

#include "itemmodels/MatrixModel.h"

namespace vs {

MatrixFilterProxy::MatrixFilterProxy(QObject *parent)
    : QIdentityProxyModel(parent)
{
}

void MatrixFilterProxy::setFilter(Filter filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    if (rowCount() > 0 && columnCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), { DimmedRole });
}

QString MatrixFilterProxy::filterName(Filter filter)
{
    switch (filter) {
    case All:
        return tr("All cells");
    case OnlyProblems:
        return tr("Only problems");
    case OnlyDefined:
        return tr("Only defined");
    case OnlyNotDefined:
        return tr("Only not defined");
    }
    return {};
}

bool MatrixFilterProxy::matches(const QModelIndex &sourceIndex) const
{
    const auto status = static_cast<CellStatus>(sourceIndex.data(MatrixModel::StatusRole).toInt());
    switch (m_filter) {
    case All:
        return true;
    case OnlyProblems:
        return status == CellStatus::Problem || status == CellStatus::Failed;
    case OnlyDefined:
        return CellStatusInfo::hasRecipe(status);
    case OnlyNotDefined:
        return status == CellStatus::NotDefined;
    }
    return true;
}

QVariant MatrixFilterProxy::data(const QModelIndex &index, int role) const
{
    if (role == DimmedRole)
        return !matches(mapToSource(index));
    return QIdentityProxyModel::data(index, role);
}

} // namespace vs
