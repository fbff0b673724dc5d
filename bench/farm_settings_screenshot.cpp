// Usage: farm_settings_screenshot OUTPUT.png
// The README's picture of Settings › Build Farm…: the real dialog of the real window
// (offscreen), with two builders and a line that names its mistake. No builder is
// contacted. Run with QT_QPA_PLATFORM=offscreen QT_QPA_FONTDIR=/usr/share/fonts/truetype
#include "FarmController.h"
#include "FarmSettingsDialog.h"
#include "MainWindow.h"
#include "settings/AppSettings.h"

#include <QAction>
#include <QApplication>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // leave the user's settings alone
    QCoreApplication::setOrganizationName(QStringLiteral("VariantStudioFarmSettingsScreenshot"));
    const QString output = app.arguments().value(1, QStringLiteral("farm-settings.png"));
    vs::AppSettings settings;
    settings.setFarmBuilders(QStringLiteral("ssh-ng://root@builder1 x86_64-linux /root/.ssh/id_farm 8 2 big-parallel,kvm\n"
                                            "ssh-ng://builder2 x86_64-linux - 4 1 big-parallel\n"
                                            "ssh-ng://builder3 x86_64-linux - four 1 big-parallel"));
    settings.setFarmOnly(true);
    settings.setFarmRetries(1);
    vs::MainWindow window;
    window.show();
    window.findChild<QAction *>(QStringLiteral("farmSettingsAction"))->trigger();
    QTimer::singleShot(500, &app, [&] {
        vs::FarmSettingsDialog *dialog = window.farm()->settingsDialog();
        const bool saved = dialog && dialog->grab().save(output);
        std::fprintf(stderr, "%s %s\n", saved ? "saved" : "could not save", qPrintable(output));
        app.exit(saved ? 0 : 1);
    });
    return app.exec();
}
