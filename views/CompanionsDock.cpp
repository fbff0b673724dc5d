#include "CompanionsDock.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vs {

CompanionsDock::CompanionsDock(QWidget *parent)
    : QDockWidget(tr("Companions"), parent)
    , m_message(new QLabel(this))
    , m_table(new QTableView(this))
    , m_gaps(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("companionsDock"));
    m_message->setObjectName(QStringLiteral("companionsMessage"));
    m_message->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("companionTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSortingEnabled(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_gaps->setObjectName(QStringLiteral("companionGaps"));
    m_gaps->setHeaderLabels({ tr("Gap"), tr("Variant") });
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(m_gaps);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_message);
    layout->addWidget(split, 1);
    setWidget(body);
}

void CompanionsDock::setModel(QAbstractItemModel *model)
{
    m_table->setModel(model);
}

void CompanionsDock::showGaps(const QList<CompanionGap> &gaps)
{
    m_gaps->clear();
    for (const CompanionGap &g : gaps) {
        auto *pair = new QTreeWidgetItem(m_gaps, { tr("%1 ↔ %2").arg(g.companionBranch, g.pytorchBranch) });
        for (const QString &v : g.withoutPytorch)
            new QTreeWidgetItem(pair, { tr("no PyTorch recipe"), v });
        for (const QString &v : g.withoutCompanion)
            new QTreeWidgetItem(pair, { tr("no %1 recipe").arg(g.package), v });
        pair->setExpanded(true);
    }
}

void CompanionsDock::showMessage(const QString &text)
{
    m_message->setText(text);
}

} // namespace vs
