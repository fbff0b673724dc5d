#include "EditRecipesDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace vs {

EditRecipesDialog::EditRecipesDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("editRecipesDialog"));
    setWindowTitle(tr("Edit Recipes"));
    m_operation = new QComboBox(this);
    m_operation->addItem(tr("Set the nixpkgs pin"), QStringLiteral("set-pin"));
    m_operation->addItem(tr("Set a binding or attribute"), QStringLiteral("set"));
    m_operation->addItem(tr("Find and replace (regular expression)"), QStringLiteral("replace"));
    m_first = new QLineEdit(this);
    m_second = new QLineEdit(this);
    m_cells = new QLineEdit(this);
    m_cells->setPlaceholderText(tr("all variants, or a wildcard such as pytorch-*-cuda12_9-*"));
    m_firstLabel = new QLabel(this);
    m_secondLabel = new QLabel(this);
    m_branches = new QListWidget(this);
    m_branches->setObjectName(QStringLiteral("editBranches"));
    auto *form = new QFormLayout;
    form->addRow(tr("Change:"), m_operation);
    form->addRow(m_firstLabel, m_first);
    form->addRow(m_secondLabel, m_second);
    form->addRow(tr("Variants:"), m_cells);
    form->addRow(tr("Branches:"), m_branches);

    m_diff = new QPlainTextEdit(this);
    m_diff->setObjectName(QStringLiteral("editDiff"));
    m_diff->setReadOnly(true);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("editSummary"));
    m_summary->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_preview = buttons->addButton(tr("&Preview"), QDialogButtonBox::ActionRole);
    m_apply = buttons->addButton(tr("&Apply (one commit per branch)"), QDialogButtonBox::ApplyRole);
    m_preview->setObjectName(QStringLiteral("editPreviewButton"));
    m_apply->setObjectName(QStringLiteral("editApplyButton"));
    m_apply->setEnabled(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_preview, &QPushButton::clicked, this, &EditRecipesDialog::previewRequested);
    connect(m_apply, &QPushButton::clicked, this, &EditRecipesDialog::applyRequested);
    // Any change of the request makes the shown preview stale: preview again before applying.
    auto stale = [this] { m_apply->setEnabled(false); };
    connect(m_operation, &QComboBox::currentIndexChanged, this, [this, stale] {
        updateFields();
        stale();
    });
    for (QLineEdit *e : { m_first, m_second, m_cells })
        connect(e, &QLineEdit::textChanged, this, stale);
    connect(m_branches, &QListWidget::itemChanged, this, stale);

    auto *top = new QWidget(this);
    top->setLayout(form);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(m_diff);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    updateFields();
    resize(900, 700);
}

void EditRecipesDialog::updateFields()
{
    const QString op = operation();
    m_firstLabel->setText(op == QLatin1String("set-pin") ? tr("Revision:") : op == QLatin1String("set") ? tr("Name:") : tr("Pattern:"));
    m_secondLabel->setText(op == QLatin1String("set-pin") ? tr("sha256 (if the pin has one):")
            : op == QLatin1String("set")                  ? tr("Value (Nix):")
                                                          : tr("Replace with:"));
}

void EditRecipesDialog::setBranches(const QStringList &branches, const QString &current)
{
    m_branches->clear();
    for (const QString &b : branches) {
        auto *item = new QListWidgetItem(b == current ? tr("%1 (checked out)").arg(b) : b, m_branches);
        item->setData(Qt::UserRole, b);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
}

QStringList EditRecipesDialog::checkedBranches() const
{
    QStringList out;
    for (int i = 0; i < m_branches->count(); ++i)
        if (m_branches->item(i)->checkState() == Qt::Checked)
            out << m_branches->item(i)->data(Qt::UserRole).toString();
    return out;
}

QString EditRecipesDialog::operation() const
{
    return m_operation->currentData().toString();
}

QStringList EditRecipesDialog::operationArguments() const
{
    QStringList args { m_first->text().trimmed() };
    if (operation() != QLatin1String("set-pin") || !m_second->text().trimmed().isEmpty())
        args << (operation() == QLatin1String("replace") ? m_second->text() : m_second->text().trimmed());
    return args;
}

QString EditRecipesDialog::cells() const
{
    return m_cells->text().trimmed();
}

void EditRecipesDialog::setOperation(const QString &name, const QStringList &arguments)
{
    m_operation->setCurrentIndex(qMax(0, m_operation->findData(name)));
    m_first->setText(arguments.value(0));
    m_second->setText(arguments.value(1));
}

void EditRecipesDialog::showPreview(const QString &diff, const QString &summary, bool canApply)
{
    m_diff->setPlainText(diff);
    m_summary->setText(summary);
    m_preview->setEnabled(true);
    m_apply->setEnabled(canApply);
}

void EditRecipesDialog::showBusy(const QString &what)
{
    m_summary->setText(what);
    m_preview->setEnabled(false);
    m_apply->setEnabled(false);
}

} // namespace vs
