#include "ReadmeBlocksDialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace vs {

ReadmeBlocksDialog::ReadmeBlocksDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("readmeBlocksDialog"));
    setWindowTitle(tr("README Blocks"));
    m_branches = new QListWidget(this);
    m_branches->setObjectName(QStringLiteral("readmeBranches"));
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("readmeText"));
    m_text->setReadOnly(true);
    // Read-only, but the cursor shows and moves: it says where a block goes.
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("readmeSummary"));
    m_summary->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_insert = buttons->addButton(tr("&Insert Block at Cursor"), QDialogButtonBox::ActionRole);
    m_write = buttons->addButton(tr("&Write (one commit per branch)"), QDialogButtonBox::ApplyRole);
    m_insert->setObjectName(QStringLiteral("readmeInsertButton"));
    m_write->setObjectName(QStringLiteral("readmeWriteButton"));
    m_insert->setEnabled(false);
    m_write->setEnabled(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_write, &QPushButton::clicked, this, &ReadmeBlocksDialog::writeRequested);
    connect(m_insert, &QPushButton::clicked, this, [this] { emit insertRequested(currentBranch(), cursorLine()); });
    connect(m_branches, &QListWidget::currentRowChanged, this, [this] { emit branchSelected(currentBranch()); });

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_branches);
    split->addWidget(m_text);
    split->setStretchFactor(1, 1);
    split->setSizes({ 320, 580 });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    resize(900, 600);
}

void ReadmeBlocksDialog::setRows(const QList<Row> &rows)
{
    const QString selected = currentBranch();
    const QSignalBlocker quiet(m_branches);
    m_branches->clear();
    int current = 0;
    for (const Row &r : rows) {
        auto *item = new QListWidgetItem(tr("%1\n    %2").arg(r.branch, r.status), m_branches);
        item->setData(Qt::UserRole, r.branch);
        if (r.branch == selected)
            current = m_branches->count() - 1;
    }
    m_branches->setCurrentRow(rows.isEmpty() ? -1 : current);
    emit branchSelected(currentBranch());
}

QString ReadmeBlocksDialog::currentBranch() const
{
    const QListWidgetItem *item = m_branches->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void ReadmeBlocksDialog::showReadme(const QString &text, bool canInsert)
{
    m_text->setPlainText(text);
    m_insert->setEnabled(canInsert);
}

int ReadmeBlocksDialog::cursorLine() const
{
    return m_text->textCursor().atEnd() ? -1 : m_text->textCursor().blockNumber();
}

void ReadmeBlocksDialog::setCursorPosition(int position)
{
    QTextCursor cursor = m_text->textCursor();
    cursor.setPosition(position);
    m_text->setTextCursor(cursor);
}

void ReadmeBlocksDialog::showSummary(const QString &text, bool canWrite)
{
    m_summary->setText(text);
    m_write->setEnabled(canWrite);
}

} // namespace vs
