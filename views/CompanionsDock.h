#pragma once

#include "itemmodels/CompanionTableModel.h"

#include <QDockWidget>

class QAction;
class QLabel;
class QTableView;
class QToolBar;
class QTreeWidget;

namespace vs {

// The workspace's companion recipes (a table: partner, its status, shared or
// separate PyTorch build; the tooltip says what differs) and the pairing view:
// every companion branch with its PyTorch branch (stated or inferred, or none,
// with the reason), under it the variants one side has and the other lacks.
class CompanionsDock : public QDockWidget {
    Q_OBJECT
public:
    explicit CompanionsDock(QWidget *parent = nullptr);
    void setModel(CompanionTableModel *model);
    void showPairs(const QList<CompanionTableModel::Repository> &repositories);
    void showMessage(const QString &text);
    void setActions(const QList<QAction *> &actions); // buttons above the table
    // Rows of the model selected in the table, or as "no PyTorch recipe" in the pairing view.
    QList<int> selectedRows() const;
    QTableView *table() const { return m_table; }
    QTreeWidget *gaps() const { return m_gaps; }

signals:
    void selectionChanged();

private:
    QLabel *m_message;
    QToolBar *m_tools;
    QTableView *m_table;
    QTreeWidget *m_gaps;
    CompanionTableModel *m_model = nullptr;
};

} // namespace vs
