// Saves a PNG of the real window on a realistic repository (docs/screenshot.png).
// Usage: window_screenshot OUTPUT.png [hardware-fixture-dir]
// Run on the offscreen platform: QT_QPA_PLATFORM=offscreen QT_QPA_FONTDIR=/usr/share/fonts/truetype
#include "DemoRepository.h"
#include "HardwareController.h"
#include "MainWindow.h"
#include "MatrixController.h"
#include "RepositoryController.h"
#include "itemmodels/MatrixModel.h"

#include <QApplication>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // leave the user's recent repositories alone
    const QString output = app.arguments().value(1, QStringLiteral("screenshot.png"));
    const QString hardware = app.arguments().value(2);
    if (!hardware.isEmpty())
        qputenv("VARIANT_STUDIO_HARDWARE_DIR", hardware.toLocal8Bit());
    QTemporaryDir temp;
    const auto demo = vs::bench::DemoRepository::create(temp.filePath(QStringLiteral("pytorch-builds")), 3, 120);
    if (!demo.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(demo.error));
        return 1;
    }
    vs::MainWindow window;
    window.resize(1500, 900);
    window.show();
    window.startHardwareProbe();
    QObject::connect(window.repository(), &vs::RepositoryController::scanFinished, &app, [&] {
        window.hardware()->goToMyCell();
        QTimer::singleShot(300, &app, [&] {
            const bool saved = window.grab().save(output);
            std::fprintf(stderr, "%s %s\n", saved ? "saved" : "could not save", qPrintable(output));
            app.exit(saved ? 0 : 1);
        });
    });
    window.openRepository(demo.root);
    return app.exec();
}
