#pragma once

#include "companions/CompanionMatch.h"

#include <QDockWidget>

class QAbstractItemModel;
class QLabel;
class QTableView;
class QTreeWidget;

namespace vs {

// The workspace's companion recipes (a table: partner, its status, shared or
// separate PyTorch build; the tooltip says what differs) and the gap view:
// per branch pair, the variants one repository has and the other lacks.
class CompanionsDock : public QDockWidget {
    Q_OBJECT
public:
    explicit CompanionsDock(QWidget *parent = nullptr);
    void setModel(QAbstractItemModel *model);
    void showGaps(const QList<CompanionGap> &gaps);
    void showMessage(const QString &text);
    QTableView *table() const { return m_table; }
    QTreeWidget *gaps() const { return m_gaps; }

private:
    QLabel *m_message;
    QTableView *m_table;
    QTreeWidget *m_gaps;
};

} // namespace vs
