// variant-studio-window: the window. Started by variant-studio (app/main.cpp)
// for anything that is not a subcommand.
#include "DesktopIntegration.h"
#include "MainWindow.h"
#include "Translations.h"
#include "settings/AppSettings.h"
#include "system/TerminationSignals.h"

#include <QApplication>
#include <QCoreApplication>
#include <QTimer>

int main(int argc, char **argv)
{
    QCoreApplication::setOrganizationName(QStringLiteral("VariantStudio"));
    QCoreApplication::setApplicationName(QStringLiteral("variant-studio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VS_VERSION));

    QApplication app(argc, argv);
    vs::applyDesktopIntegration();
    vs::installTranslations(app, vs::AppSettings().languageOverride());
    vs::MainWindow window;
    window.show();
    // The plan is painted first; the probe and the scan fill in when they arrive.
    window.startHardwareProbe();
    window.openFromArguments(QCoreApplication::arguments());
    // SIGTERM, SIGINT, SIGHUP: stop the builds' process groups (no orphans), then quit.
    vs::TerminationSignals termination;
    int endedBy = 0;
    QObject::connect(&termination, &vs::TerminationSignals::received, &window, [&](int signal) {
        endedBy = signal;
        window.quitNow();
        QCoreApplication::quit();
    });
    // Used by the smoke test: start, show, quit cleanly.
    if (QCoreApplication::arguments().contains(QStringLiteral("--quit-after-start")))
        QTimer::singleShot(0, &app, &QCoreApplication::quit);
    const int status = app.exec();
    return endedBy ? 128 + endedBy : status;
}
