#pragma once

#include <QAbstractListModel>

namespace vs {

// One line of the branch list.
struct BranchSummary {
    QString name;
    int recipes = 0;
    int problems = 0; // lint warnings and errors
    bool current = false; // checked out
    bool remote = false;
};

// The branches of the open repository, with recipe and problem counts.
class BranchListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { NameRole = Qt::UserRole + 1, RecipeCountRole, ProblemCountRole, CurrentRole };

    using QAbstractListModel::QAbstractListModel;
    void setBranches(const QList<BranchSummary> &branches);
    const QList<BranchSummary> &branches() const { return m_branches; }
    int rowOf(const QString &name) const; // -1 when absent

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

private:
    QList<BranchSummary> m_branches;
};

} // namespace vs
