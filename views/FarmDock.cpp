#include "FarmDock.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vs {

FarmDock::FarmDock(QWidget *parent)
    : QWidget(parent)
    , m_builders(new QPlainTextEdit)
    , m_farmOnly(new QCheckBox(tr("Farm only (build nothing on this machine)")))
    , m_retries(new QSpinBox)
    , m_problems(new QLabel)
    , m_check(new QPushButton(tr("&Check Builders")))
    , m_import(new QPushButton(tr("&Import from Nix")))
    , m_table(new QTableWidget(0, ColumnCount))
{
    m_builders->setObjectName(QStringLiteral("farmBuilders"));
    m_builders->setPlaceholderText(tr("One builder a line (Nix's machines format), e.g.\n"
                                      "ssh-ng://builder1 x86_64-linux - 8 1 big-parallel\n"
                                      "Empty: the builders of your Nix configuration."));
    m_builders->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_builders->setMaximumHeight(m_builders->fontMetrics().lineSpacing() * 6);
    m_farmOnly->setObjectName(QStringLiteral("farmOnly"));
    m_retries->setObjectName(QStringLiteral("farmRetries"));
    m_retries->setRange(0, 3);
    m_retries->setPrefix(tr("Retries: "));
    m_problems->setObjectName(QStringLiteral("farmProblems"));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: #b00020"));
    m_problems->hide();
    m_check->setObjectName(QStringLiteral("farmCheck"));
    m_import->setObjectName(QStringLiteral("farmImport"));
    m_table->setObjectName(QStringLiteral("farmTable"));
    m_table->setHorizontalHeaderLabels({ tr("Builder"), tr("Systems"), tr("Jobs"), tr("Status") });
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto *options = new QHBoxLayout;
    options->addWidget(m_farmOnly);
    options->addWidget(m_retries);
    options->addStretch();
    options->addWidget(m_import);
    options->addWidget(m_check);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_builders);
    layout->addWidget(m_problems);
    layout->addLayout(options);
    layout->addWidget(m_table, 1);

    connect(m_builders, &QPlainTextEdit::textChanged, this, &FarmDock::buildersEdited);
    connect(m_farmOnly, &QCheckBox::toggled, this, &FarmDock::farmOnlyToggled);
    connect(m_retries, &QSpinBox::valueChanged, this, &FarmDock::retriesChanged);
    connect(m_check, &QPushButton::clicked, this, &FarmDock::checkRequested);
    connect(m_import, &QPushButton::clicked, this, &FarmDock::importRequested);
}

QString FarmDock::buildersText() const
{
    return m_builders->toPlainText();
}

void FarmDock::setBuildersText(const QString &text)
{
    if (text != m_builders->toPlainText())
        m_builders->setPlainText(text);
}

bool FarmDock::farmOnly() const
{
    return m_farmOnly->isChecked();
}

void FarmDock::setFarmOnly(bool on)
{
    m_farmOnly->setChecked(on);
}

int FarmDock::retries() const
{
    return m_retries->value();
}

void FarmDock::setRetries(int n)
{
    m_retries->setValue(n);
}

void FarmDock::setProblems(const QString &text)
{
    m_problems->setText(text);
    m_problems->setVisible(!text.isEmpty());
}

QString FarmDock::problems() const
{
    return m_problems->text();
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
