#include "FarmDock.h"

#include "FarmSettingsEditor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vs {

FarmDock::FarmDock(QWidget *parent)
    : QWidget(parent)
    , m_editor(new FarmSettingsEditor)
    , m_check(new QPushButton(tr("&Check Builders")))
    , m_table(new QTableWidget(0, ColumnCount))
{
    m_editor->setMaximumBuilderLines(6); // the table below gets the room
    m_check->setObjectName(QStringLiteral("farmCheck"));
    m_table->setObjectName(QStringLiteral("farmTable"));
    m_table->setHorizontalHeaderLabels({ tr("Builder"), tr("Systems"), tr("Jobs"), tr("Status") });
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);

    m_editor->optionsRow()->addWidget(m_check);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_editor);
    layout->addWidget(m_table, 1);

    connect(m_check, &QPushButton::clicked, this, &FarmDock::checkRequested);
}

void FarmDock::setRows(const QList<QStringList> &rows)
{
    m_table->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r)
        for (int c = 0; c < ColumnCount; ++c) {
            auto *item = new QTableWidgetItem(rows[r].value(c));
            item->setToolTip(rows[r].value(c));
            m_table->setItem(r, c, item);
        }
    m_table->resizeColumnsToContents();
}

QString FarmDock::cell(int row, int column) const
{
    const QTableWidgetItem *item = m_table->item(row, column);
    return item ? item->text() : QString();
}

int FarmDock::rowCount() const
{
    return m_table->rowCount();
}

void FarmDock::setChecking(bool running)
{
    m_check->setEnabled(!running);
    m_check->setText(running ? tr("Checking…") : tr("&Check Builders"));
}

} // namespace vs
