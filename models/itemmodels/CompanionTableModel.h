#pragma once

#include "companions/CompanionMatch.h"
#include "companions/SharedBuildCheck.h"
#include "itemmodels/CompanionOverlay.h"
#include "repository/RepositoryScan.h"

#include <QAbstractTableModel>

namespace vs {

// One row per companion recipe of the workspace's companion repositories: its
// PyTorch partner, that partner's status ("needs PyTorch" when its recipe is
// missing) and whether both share one PyTorch build; the tooltip lists what differs.
class CompanionTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { RepositoryColumn, BranchColumn, VariantColumn, PytorchColumn, StatusColumn, SharedColumn, ColumnCount };
    enum Role { SharedRole = Qt::UserRole + 1 }; // QVariant(bool), invalid when not evaluated

    explicit CompanionTableModel(QObject *parent = nullptr);

    struct Repository {
        QString root;
        QString error; // could not be scanned
        RepositoryScan scan; // what the report was made from; what the grid shows of it
        CompanionReport report;
        QList<SharedBuild> shared; // one per report.entries
    };
    void setRepositories(const QList<Repository> &repositories);
    const QList<Repository> &repositories() const { return m_repositories; }
    // The row of a companion variant on a branch of a repository, or -1.
    int rowOf(const QString &branch, const QString &variant) const;
    // The repository and the companion recipe of a row; nullptr outside.
    const Repository *repositoryAt(int row) const { return row >= 0 && row < m_rows.size() ? m_rows.at(row).repository : nullptr; }
    const CompanionEntry *entryAt(int row) const { return row >= 0 && row < m_rows.size() ? &m_rows.at(row).overlay.entry : nullptr; }
    // The companion cells of one repository (by its root), for the grid.
    CompanionOverlays overlaysOf(const QString &root) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row {
        const Repository *repository;
        CompanionOverlay overlay;
    };
    QList<Repository> m_repositories;
    QList<Row> m_rows;
};

} // namespace vs
