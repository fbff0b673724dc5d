#include "EditRecipesDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
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
    m_operation->addItem(tr("Regenerate from the template"), QStringLiteral("regenerate"));
    m_first = new QLineEdit(this);
    m_second = new QLineEdit(this);
    m_cells = new QLineEdit(this);
    m_cells->setPlaceholderText(tr("all variants, or a wildcard such as pytorch-*-cuda12_9-*"));
    m_firstLabel = new QLabel(this);
    m_secondLabel = new QLabel(this);
    m_deep = new QCheckBox(tr("Deep check the changed recipes before and after (nix-instantiate; slower)"), this);
    m_deep->setObjectName(QStringLiteral("editDeepCheck"));
    auto *form = new QFormLayout;
    form->addRow(tr("Change:"), m_operation);
    form->addRow(m_firstLabel, m_first);
    form->addRow(m_secondLabel, m_second);
    form->addRow(tr("Variants:"), m_cells);
    form->addRow(tr("Branches:"), branchPicker());
    form->addRow(QString(), m_deep);

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
    m_undo = buttons->addButton(tr("&Undo Last Edit"), QDialogButtonBox::ResetRole);
    m_undo->setObjectName(QStringLiteral("editUndoButton"));
    m_undo->setToolTip(tr("Revert the commits of the last edit (one revert commit per branch; refused when a branch moved since)"));
    // Insisting on new errors is a deliberate second step, like --allow-new-errors.
    m_insist = new QCheckBox(tr("Apply anyway, with the new errors"), this);
    m_insist->setObjectName(QStringLiteral("editAllowNewErrors"));
    m_insist->setVisible(false);
    connect(m_insist, &QCheckBox::toggled, this, &EditRecipesDialog::updateApply);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_preview, &QPushButton::clicked, this, &EditRecipesDialog::previewRequested);
    connect(m_apply, &QPushButton::clicked, this, &EditRecipesDialog::applyRequested);
    connect(m_undo, &QPushButton::clicked, this, &EditRecipesDialog::undoRequested);
    // Any change of the request makes the shown preview stale: preview again before applying.
    auto stale = [this] {
        m_changes = m_newErrors = false;
        updateApply();
    };
    connect(m_operation, &QComboBox::currentIndexChanged, this, [this, stale] {
        updateFields();
        stale();
    });
    for (QLineEdit *e : { m_first, m_second, m_cells })
        connect(e, &QLineEdit::textChanged, this, stale);
    connect(m_branches, &QListWidget::itemChanged, this, stale);
    connect(m_deep, &QCheckBox::toggled, this, stale);

    auto *top = new QWidget(this);
    top->setLayout(form);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(m_diff);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_insist);
    layout->addWidget(buttons);
    updateFields();
    resize(900, 700);
}

QWidget *EditRecipesDialog::branchPicker()
{
    // A compact list: a dozen branches scroll instead of pushing the diff away.
    m_branches = new QListWidget(this);
    m_branches->setObjectName(QStringLiteral("editBranches"));
    m_branches->setFlow(QListView::LeftToRight);
    m_branches->setWrapping(true);
    m_branches->setResizeMode(QListView::Adjust);
    const int row = m_branches->fontMetrics().height() + 6;
    m_branches->setMaximumHeight(4 * row + 2 * m_branches->frameWidth());
    m_branches->setMinimumHeight(row + 2 * m_branches->frameWidth());
    auto *all = new QPushButton(tr("All"), this);
    auto *none = new QPushButton(tr("None"), this);
    for (auto [button, state] : { std::pair { all, Qt::Checked }, std::pair { none, Qt::Unchecked } }) {
        button->setAutoDefault(false);
        connect(button, &QPushButton::clicked, this, [this, state] {
            for (int i = 0; i < m_branches->count(); ++i)
                m_branches->item(i)->setCheckState(state);
        });
    }
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(all);
    buttons->addWidget(none);
    buttons->addStretch();
    auto *box = new QWidget(this);
    auto *row2 = new QHBoxLayout(box);
    row2->setContentsMargins(0, 0, 0, 0);
    row2->addWidget(m_branches, 1);
    row2->addLayout(buttons);
    return box;
}

void EditRecipesDialog::updateApply()
{
    m_insist->setVisible(m_changes && m_newErrors);
    m_apply->setEnabled(m_changes && (!m_newErrors || m_insist->isChecked()));
}

bool EditRecipesDialog::deepCheck() const
{
    return m_deep->isChecked();
}

void EditRecipesDialog::setDeepCheck(bool on)
{
    m_deep->setChecked(on);
}

void EditRecipesDialog::updateFields()
{
    const QString op = operation();
    const bool regenerate = op == QLatin1String("regenerate");
    m_second->setVisible(!regenerate);
    m_secondLabel->setVisible(!regenerate);
    m_first->setPlaceholderText(regenerate ? tr("none, or hand-made variants to overwrite too, separated by spaces") : QString());
    if (regenerate) {
        m_firstLabel->setText(tr("Overwrite:"));
        return;
    }
    m_firstLabel->setText(op == QLatin1String("set-pin") ? tr("Revision:") : op == QLatin1String("set") ? tr("Name:") : tr("Pattern:"));
    m_secondLabel->setText(op == QLatin1String("set-pin") ? tr("sha256 (if the pin has one):")
            : op == QLatin1String("set")                  ? tr("Value (Nix):")
                                                          : tr("Replace with:"));
}

void EditRecipesDialog::setBranches(const QStringList &branches, const QString &current)
{
    m_branches->clear();
    int widest = 0;
    for (const QString &b : branches) {
        auto *item = new QListWidgetItem(b == current ? tr("%1 (checked out)").arg(b) : b, m_branches);
        item->setData(Qt::UserRole, b);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
        widest = qMax(widest, m_branches->fontMetrics().horizontalAdvance(item->text()));
    }
    // Columns as wide as the longest name (check box and margins included): no name is cut.
    const int indicator = style()->pixelMetric(QStyle::PM_IndicatorWidth) + 3 * style()->pixelMetric(QStyle::PM_FocusFrameHMargin);
    m_branches->setGridSize(QSize(widest + indicator + 16, m_branches->fontMetrics().height() + 6));
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
    if (operation() == QLatin1String("regenerate"))
        return m_first->text().split(QLatin1Char(' '), Qt::SkipEmptyParts);
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
    m_first->setText(name == QLatin1String("regenerate") ? arguments.join(QLatin1Char(' ')) : arguments.value(0));
    m_second->setText(name == QLatin1String("regenerate") ? QString() : arguments.value(1));
}

void EditRecipesDialog::showPreview(const QString &diff, const QString &summary, bool changes, bool newErrors)
{
    m_diff->setPlainText(diff);
    m_summary->setText(summary);
    m_preview->setEnabled(true);
    m_undo->setEnabled(true);
    m_changes = changes;
    m_newErrors = newErrors;
    m_insist->setChecked(false); // insisting is for this preview only
    updateApply();
}

void EditRecipesDialog::showBusy(const QString &what)
{
    m_summary->setText(what);
    m_preview->setEnabled(false);
    m_apply->setEnabled(false);
    m_undo->setEnabled(false);
    m_insist->setVisible(false);
}

} // namespace vs
