#include "FarmSettingsEditor.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace vs {

FarmSettingsEditor::FarmSettingsEditor(QWidget *parent)
    : QWidget(parent)
    , m_builders(new QPlainTextEdit)
    , m_farmOnly(new QCheckBox(tr("Farm only (build nothing on this machine)")))
    , m_retries(new QSpinBox)
    , m_problems(new QLabel)
    , m_import(new QPushButton(tr("&Import from Nix")))
    , m_options(new QHBoxLayout)
{
    m_builders->setObjectName(QStringLiteral("farmBuilders"));
    m_builders->setPlaceholderText(tr("One builder a line (Nix's machines format), e.g.\n"
                                      "ssh-ng://builder1 x86_64-linux - 8 1 big-parallel\n"
                                      "Empty: the builders of your Nix configuration."));
    m_builders->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_builders->setLineWrapMode(QPlainTextEdit::NoWrap); // one machine a line, as Nix reads them
    m_farmOnly->setObjectName(QStringLiteral("farmOnly"));
    m_retries->setObjectName(QStringLiteral("farmRetries"));
    m_retries->setRange(0, 3);
    m_retries->setPrefix(tr("Retries: "));
    m_retries->setToolTip(tr("How often a build is queued again when a builder failed it (unreachable, dropped)"));
    m_problems->setObjectName(QStringLiteral("farmProblems"));
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems->setStyleSheet(QStringLiteral("color: #b00020"));
    m_problems->hide();
    m_import->setObjectName(QStringLiteral("farmImport"));
    m_import->setToolTip(tr("Replace the lines with the builders of your Nix configuration (nix.conf, /etc/nix/machines)"));

    m_options->setContentsMargins(0, 0, 0, 0);
    m_options->addWidget(m_farmOnly);
    m_options->addWidget(m_retries);
    m_options->addStretch();
    m_options->addWidget(m_import);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_builders, 1);
    layout->addWidget(m_problems);
    layout->addLayout(m_options);

    connect(m_builders, &QPlainTextEdit::textChanged, this, &FarmSettingsEditor::buildersEdited);
    connect(m_farmOnly, &QCheckBox::toggled, this, &FarmSettingsEditor::farmOnlyToggled);
    connect(m_retries, &QSpinBox::valueChanged, this, &FarmSettingsEditor::retriesChanged);
    connect(m_import, &QPushButton::clicked, this, &FarmSettingsEditor::importRequested);
}

QString FarmSettingsEditor::buildersText() const
{
    return m_builders->toPlainText();
}

void FarmSettingsEditor::setBuildersText(const QString &text)
{
    if (text != m_builders->toPlainText())
        m_builders->setPlainText(text);
}

bool FarmSettingsEditor::farmOnly() const
{
    return m_farmOnly->isChecked();
}

void FarmSettingsEditor::setFarmOnly(bool on)
{
    m_farmOnly->setChecked(on);
}

int FarmSettingsEditor::retries() const
{
    return m_retries->value();
}

void FarmSettingsEditor::setRetries(int n)
{
    m_retries->setValue(n);
}

void FarmSettingsEditor::setProblems(const QString &text)
{
    m_problems->setText(text);
    m_problems->setVisible(!text.isEmpty());
}

QString FarmSettingsEditor::problems() const
{
    return m_problems->text();
}

void FarmSettingsEditor::setMaximumBuilderLines(int lines)
{
    m_builders->setMaximumHeight(m_builders->fontMetrics().lineSpacing() * lines);
}

} // namespace vs
