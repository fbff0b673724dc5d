#include "CompanionsDock.h"

#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vs {

namespace {
constexpr int kBranchRole = Qt::UserRole + 1; // on a "no PyTorch recipe" item: the companion branch
}

CompanionsDock::CompanionsDock(QWidget *parent)
    : QDockWidget(tr("Companions"), parent)
    , m_message(new QLabel(this))
    , m_tools(new QToolBar(this))
    , m_table(new QTableView(this))
    , m_gaps(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("companionsDock"));
    m_message->setObjectName(QStringLiteral("companionsMessage"));
    m_message->setWordWrap(true);
    m_tools->setObjectName(QStringLiteral("companionsTools"));
    m_tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_table->setObjectName(QStringLiteral("companionTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSortingEnabled(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_gaps->setObjectName(QStringLiteral("companionGaps"));
    m_gaps->setHeaderLabels({ tr("Pairing"), tr("Variant") });
    m_gaps->setSelectionMode(QAbstractItemView::ExtendedSelection);
    connect(m_gaps, &QTreeWidget::itemSelectionChanged, this, &CompanionsDock::selectionChanged);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(m_gaps);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_tools);
    layout->addWidget(m_message);
    layout->addWidget(split, 1);
    setWidget(body);
}

void CompanionsDock::setModel(CompanionTableModel *model)
{
    m_model = model;
    m_table->setModel(model);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CompanionsDock::selectionChanged);
}

void CompanionsDock::setActions(const QList<QAction *> &actions)
{
    m_tools->addActions(actions);
}

void CompanionsDock::showPairs(const QList<CompanionTableModel::Repository> &repositories)
{
    m_gaps->clear();
    for (const CompanionTableModel::Repository &r : repositories) {
        const QString name = QDir(r.root).dirName();
        for (const BranchPair &p : r.report.pairs) {
            const QString partner = p.pytorchBranch.isEmpty() ? tr("no PyTorch branch") : p.pytorchBranch;
            auto *pair = new QTreeWidgetItem(m_gaps,
                { tr("%1: %2 ↔ %3").arg(name, p.companionBranch, partner),
                    p.pytorchBranch.isEmpty() ? tr("no partner") : (p.stated ? tr("stated") : tr("inferred")) });
            pair->setToolTip(0, p.reason);
            pair->setToolTip(1, p.reason);
            for (const CompanionGap &g : r.report.gaps) {
                if (g.companionBranch != p.companionBranch)
                    continue;
                for (const QString &v : g.withoutPytorch) {
                    auto *item = new QTreeWidgetItem(pair, { tr("no PyTorch recipe"), v });
                    item->setData(0, kBranchRole, g.companionBranch);
                }
                for (const QString &v : g.withoutCompanion)
                    new QTreeWidgetItem(pair, { tr("no %1 recipe").arg(g.package), v });
            }
            pair->setExpanded(true);
        }
    }
}

QList<int> CompanionsDock::selectedRows() const
{
    QList<int> rows;
    if (!m_model)
        return rows;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        rows << i.row();
    for (const QTreeWidgetItem *item : m_gaps->selectedItems()) {
        const int row = m_model->rowOf(item->data(0, kBranchRole).toString(), item->text(1));
        if (row >= 0 && !rows.contains(row))
            rows << row;
    }
    return rows;
}

void CompanionsDock::showMessage(const QString &text)
{
    m_message->setText(text);
}

} // namespace vs
