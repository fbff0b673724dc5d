// Saves a PNG of the real window on a realistic repository (docs/screenshot*.png).
// Usage: window_screenshot OUTPUT.png [--size WIDTHxHEIGHT] [--banner TEXT] [--workspace] [hardware-fixture-dir]
// --workspace: a PyTorch repository with a TorchVision one next to it (DemoCompanion),
// the grid showing TorchVision with its PyTorch tags and the Companions dock (docs/companions.png).
// Run on the offscreen platform: QT_QPA_PLATFORM=offscreen QT_QPA_FONTDIR=/usr/share/fonts/truetype
#include "BuildController.h"
#include "CompanionsController.h"
#include "CompanionsDock.h"
#include "DemoRepository.h"
#include "HardwareController.h"
#include "MainWindow.h"
#include "MatrixController.h"
#include "RepositoryController.h"
#include "builds/BuildSettings.h"
#include "itemmodels/MatrixModel.h"

#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QItemSelectionModel>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <utility>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // leave the user's settings and recent repositories alone
    QStringList args = app.arguments().mid(1);
    QSize size(1500, 900);
    QString banner;
    const bool workspace = args.removeAll(QStringLiteral("--workspace")) > 0;
    for (int i = 0; i + 1 < args.size();) {
        if (args[i] == QLatin1String("--size")) {
            const auto match = QRegularExpression(QStringLiteral("^(\\d+)x(\\d+)$")).match(args[i + 1]);
            if (!match.hasMatch()) {
                std::fprintf(stderr, "--size takes WIDTHxHEIGHT, e.g. 1280x800\n");
                return 2;
            }
            size = QSize(match.captured(1).toInt(), match.captured(2).toInt());
        } else if (args[i] == QLatin1String("--banner")) {
            banner = args[i + 1];
        } else {
            ++i;
            continue;
        }
        args.remove(i, 2);
    }
    const QString output = args.value(0, QStringLiteral("screenshot.png"));
    const QString hardware = args.value(1);
    if (!hardware.isEmpty())
        qputenv("VARIANT_STUDIO_HARDWARE_DIR", hardware.toLocal8Bit());
    QTemporaryDir temp;
    // Nine release lines, as in the repositories this was shaped on.
    const auto demo = vs::bench::DemoRepository::create(temp.filePath(QStringLiteral("pytorch-builds")), workspace ? 2 : 9, 120);
    const auto companion = workspace ? vs::bench::DemoCompanion::create(
                               temp.filePath(QStringLiteral("torchvision-builds")), demo.root, vs::BuildSettings::load().historyDirectory())
                                     : vs::bench::DemoCompanion {};
    if (!demo.ok() || !companion.ok()) {
        std::fprintf(stderr, "%s%s\n", qPrintable(demo.error), qPrintable(companion.error));
        return 1;
    }
    vs::MainWindow window;
    window.resize(size);
    window.show();
    window.startHardwareProbe();
    bool shown = false;
    auto save = [&] {
        if (std::exchange(shown, true))
            return;
        if (workspace) {
            auto *packages = window.findChild<QComboBox *>(QStringLiteral("packageSelector"));
            packages->setCurrentIndex(packages->findData(QStringLiteral("torchvision")));
            vs::MatrixModel *m = window.matrixModel();
            window.matrix()->selectCell(m->indexOf(*vs::VariantName::parse(QStringLiteral("torchvision-python313-cuda12_9-sm90-avx512"))));
            // The bottom row for the Companions dock: its table and the gap view side by side.
            window.builds()->logDock()->hide();
            window.builds()->queueDock()->hide();
            window.resizeDocks({ window.companionsDock() }, { 240 }, Qt::Vertical);
        } else {
            window.hardware()->goToMyCell();
        }
        if (!banner.isEmpty())
            window.showBanner(banner);
        QTimer::singleShot(300, &app, [&] {
            const bool saved = window.grab().save(output);
            std::fprintf(
                stderr, "%s %s (%dx%d)\n", saved ? "saved" : "could not save", qPrintable(output), window.width(), window.height());
            app.exit(saved ? 0 : 1);
        });
    };
    if (workspace) {
        QObject::connect(window.companions(), &vs::CompanionsController::analysed, &app, save);
        window.openFromArguments({ app.applicationFilePath(), demo.root, companion.root });
    } else {
        QObject::connect(window.repository(), &vs::RepositoryController::scanFinished, &app, save);
        window.openRepository(demo.root);
    }
    return app.exec();
}
