#include "FarmSettingsDialog.h"

#include "FarmSettingsEditor.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace vs {

FarmSettingsDialog::FarmSettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_editor(new FarmSettingsEditor)
{
    setObjectName(QStringLiteral("farmSettingsDialog"));
    setWindowTitle(tr("Build Farm"));
    auto *intro = new QLabel(tr("<b>Builders</b> for Nix's distributed builds, one a line in Nix's machines format "
                                "(<tt>-</tt> for a default):<br><tt>URI systems ssh-key max-jobs speed-factor "
                                "supported-features mandatory-features host-key</tt><br>The recipes require "
                                "<tt>big-parallel</tt>, so a builder must list it. Changes apply to builds that start later."));
    intro->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QPushButton *dock = buttons->addButton(tr("Check in the &Dock"), QDialogButtonBox::ActionRole);
    dock->setObjectName(QStringLiteral("farmShowDock"));
    dock->setToolTip(tr("Show the Build Farm dock, which checks every builder and lists the result"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_editor, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(dock, &QPushButton::clicked, this, &FarmSettingsDialog::showDockRequested);
    resize(720, 360);
}

} // namespace vs
