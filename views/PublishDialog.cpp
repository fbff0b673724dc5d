#include "PublishDialog.h"
#include "BuildLogView.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace vs {

PublishDialog::PublishDialog(const QString &variant, const QString &branch, QWidget *parent)
    : QDialog(parent)
    , m_org(new QLineEdit(this))
    , m_orgHint(new QLabel(this))
    , m_checkList(new QListWidget(this))
    , m_recheck(new QPushButton(tr("Check &again"), this))
    , m_publish(new QPushButton(tr("&Publish"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
    , m_logView(new BuildLogView(this))
{
    setWindowTitle(tr("Publish %1").arg(variant));
    m_org->setPlaceholderText(tr("your Flox organisation"));
    m_org->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z0-9_-]*")), m_org));
    m_orgHint->setText(tr("Letters, digits, - and _ only."));

    auto *form = new QFormLayout;
    form->addRow(tr("&Organisation:"), m_org);
    form->addRow(QString(), m_orgHint);
    form->addRow(tr("Branch:"), new QLabel(branch.isEmpty() ? tr("(checked out)") : branch, this));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Before publishing, Flox requires:"), this));
    layout->addWidget(m_checkList);
    layout->addWidget(m_recheck, 0, Qt::AlignLeft);
    layout->addWidget(m_logView, 1);
    m_buttons->addButton(m_publish, QDialogButtonBox::AcceptRole);
    layout->addWidget(m_buttons);
    resize(720, 560);

    // Publish must not close the dialog: the output streams into it.
    disconnect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_publish, &QPushButton::clicked, this, &PublishDialog::publishRequested);
    connect(m_recheck, &QPushButton::clicked, this, &PublishDialog::recheckRequested);
    connect(m_org, &QLineEdit::textChanged, this, &PublishDialog::organisationEdited);
    setPublishEnabled(false);
}

QString PublishDialog::organisation() const
{
    return m_org->text().trimmed();
}

void PublishDialog::setOrganisation(const QString &organisation)
{
    m_org->setText(organisation);
}

void PublishDialog::setLogModel(LogModel *model)
{
    m_logView->setLogModel(model);
}

void PublishDialog::setJob(const BuildJob &job)
{
    m_logView->setJob(job);
}

void PublishDialog::showChecking()
{
    m_checkList->clear();
    m_checkList->addItem(tr("Checking…"));
}

void PublishDialog::showChecks(const QList<PublishCheck> &checks)
{
    m_checkList->clear();
    for (const PublishCheck &c : checks) {
        // Never colour alone: a mark and the words say it too.
        auto *item = new QListWidgetItem((c.met ? QStringLiteral("✓ ") : QStringLiteral("✗ ")) + c.message, m_checkList);
        item->setToolTip(c.met ? tr("met") : tr("not met"));
        if (!c.met)
            item->setForeground(
                palette().color(QPalette::Active, QPalette::Text).lightness() > 128 ? QColor(255, 120, 120) : QColor(180, 0, 0));
    }
}

void PublishDialog::setOrganisationHintVisible(bool visible)
{
    m_orgHint->setVisible(visible);
}

void PublishDialog::setPublishEnabled(bool enabled)
{
    m_publish->setEnabled(enabled);
}

void PublishDialog::setRecheckEnabled(bool enabled)
{
    m_recheck->setEnabled(enabled);
}

} // namespace vs
