#include "HardwareDock.h"

#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace vs {

HardwareDock::HardwareDock(QWidget *parent)
    : QDockWidget(tr("This machine"), parent)
    , m_body(new QWidget)
    , m_form(new QFormLayout)
    , m_warnings(new QLabel)
    , m_goToCell(new QPushButton(tr("&Go to my cell")))
{
    setObjectName(QStringLiteral("hardwareDock"));
    m_warnings->setObjectName(QStringLiteral("hardwareWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setFrameShape(QFrame::StyledPanel);
    m_warnings->setMargin(4);
    m_warnings->hide();
    m_goToCell->setObjectName(QStringLiteral("goToMyCell"));
    m_goToCell->setToolTip(tr("Select the variant recommended for this machine on the current branch"));
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *column = new QVBoxLayout(m_body);
    column->addLayout(m_form);
    column->addWidget(m_warnings);
    column->addWidget(m_goToCell, 0, Qt::AlignLeft);
    column->addStretch(1);
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_body);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    setWidget(scroll);
    connect(m_goToCell, &QPushButton::clicked, this, &HardwareDock::goToMyCellRequested);
    setProbing();
}

void HardwareDock::setProbing()
{
    setFacts({ { tr("Status"), tr("Looking at the GPUs and the CPU…") } }, {}, false);
}

void HardwareDock::setFacts(const QList<QPair<QString, QString>> &facts, const QStringList &warnings, bool canGoToCell)
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    for (const auto &[label, value] : facts) {
        auto *v = new QLabel(value);
        v->setWordWrap(true);
        v->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_form->addRow(label + QLatin1Char(':'), v);
    }
    m_warningTexts = warnings;
    m_warnings->setText(warnings.isEmpty() ? QString() : QStringLiteral("⚠ ") + warnings.join(QStringLiteral("\n⚠ ")));
    m_warnings->setVisible(!warnings.isEmpty());
    m_goToCell->setEnabled(canGoToCell);
}

QString HardwareDock::factsText() const
{
    QStringList lines;
    for (int r = 0; r < m_form->rowCount(); ++r) {
        auto *label = qobject_cast<QLabel *>(
            m_form->itemAt(r, QFormLayout::LabelRole) ? m_form->itemAt(r, QFormLayout::LabelRole)->widget() : nullptr);
        auto *value = qobject_cast<QLabel *>(
            m_form->itemAt(r, QFormLayout::FieldRole) ? m_form->itemAt(r, QFormLayout::FieldRole)->widget() : nullptr);
        if (label && value)
            lines << label->text() + QLatin1Char(' ') + value->text();
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace vs
