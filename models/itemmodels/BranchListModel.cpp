#include "itemmodels/BranchListModel.h"

#include <QFont>

namespace vs {

void BranchListModel::setBranches(const QList<BranchSummary> &branches)
{
    beginResetModel();
    m_branches = branches;
    endResetModel();
}

int BranchListModel::rowOf(const QString &name) const
{
    for (int i = 0; i < m_branches.size(); ++i)
        if (m_branches[i].name == name)
            return i;
    return -1;
}

int BranchListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_branches.size());
}

QVariant BranchListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_branches.size())
        return {};
    const BranchSummary &b = m_branches[index.row()];
    switch (role) {
    case Qt::DisplayRole: {
        // "● main   42 recipes · 3 problems": the dot marks the checked-out branch.
        QString text = (b.current ? QStringLiteral("● ") : QStringLiteral("   ")) + b.name;
        text += QLatin1Char('\n') + tr("%n recipe(s)", nullptr, b.recipes);
        if (b.problems > 0)
            text += QStringLiteral(" · ") + tr("%n problem(s)", nullptr, b.problems);
        return text;
    }
    case Qt::ToolTipRole:
        return b.current ? tr("%1 (checked out: recipes include the working tree)").arg(b.name) : b.name;
    case Qt::FontRole:
        if (b.current) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::AccessibleTextRole:
        return tr("%1, %n recipe(s)", nullptr, b.recipes).arg(b.name);
    case NameRole:
        return b.name;
    case RecipeCountRole:
        return b.recipes;
    case ProblemCountRole:
        return b.problems;
    case CurrentRole:
        return b.current;
    default:
        return {};
    }
}

} // namespace vs
