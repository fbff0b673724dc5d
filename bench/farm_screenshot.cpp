// Usage: farm_screenshot OUTPUT.png [--size WIDTHxHEIGHT]
// The README's farm picture, made for real: two loopback builders (tests/support/
// LoopbackFarm: sshd on 127.0.0.1, each with its own store), a repository of toy
// recipes named like real variants, Build › Build Whole Branch, and the window
// grabbed once builds run on both hosts. Needs root, sshd and unshare (the Debian root).
#include "BuildController.h"
#include "FarmController.h"
#include "FarmDock.h"
#include "MainWindow.h"
#include "RepositoryController.h"
#include "builds/BuildQueue.h"
#include "settings/AppSettings.h"
#include "support/GitFixture.h"
#include "support/LoopbackFarm.h"

#include <QApplication>
#include <QDockWidget>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTimer>
#include <QUuid>

#include <cstdio>

using namespace vs;

namespace {
// A toy recipe that needs a `big-parallel` builder and works there for `seconds`
// (phases printed as a real build's would be).
QByteArray farmRecipe(const QString &name, int seconds)
{
    const QString script
        = QStringLiteral("echo configuring %1; sleep 1; echo building %1; sleep %2; echo %1 > $out").arg(name).arg(seconds);
    return QStringLiteral("derivation {\n  name = \"%1\";\n  system = builtins.currentSystem;\n  builder = \"/bin/sh\";\n"
                          "  PATH = \"/usr/bin:/bin\";\n  nonce = \"%2\";\n  args = [ \"-c\" \"%3\" ];\n"
                          "  requiredSystemFeatures = [ \"big-parallel\" ];\n}\n")
        .arg(name, QUuid::createUuid().toString(), script)
        .toUtf8();
}
} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // leave the user's settings, history and recent list alone
    QCoreApplication::setOrganizationName(QStringLiteral("VariantStudioFarmScreenshot"));
    QStringList args = app.arguments().mid(1);
    QSize size(1500, 900);
    if (const qsizetype at = args.indexOf(QStringLiteral("--size")); at >= 0 && at + 1 < args.size()) {
        const auto match = QRegularExpression(QStringLiteral("^(\\d+)x(\\d+)$")).match(args[at + 1]);
        if (match.hasMatch())
            size = QSize(match.captured(1).toInt(), match.captured(2).toInt());
        args.remove(at, 2);
    }
    const QString output = args.value(0, QStringLiteral("farm.png"));
    if (const QString why = test::LoopbackFarm::unavailableReason(); !why.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(why));
        return 1;
    }
    test::LoopbackFarm farm;
    for (const char *name : { "builder1", "builder2" })
        if (!farm.addBuilder(QString::fromLatin1(name))) {
            std::fprintf(stderr, "%s\n", qPrintable(farm.error()));
            return 1;
        }
    qputenv("NIX_SSHOPTS", farm.sshOptions().toUtf8());

    test::GitFixture repo;
    for (const char *isa : { "avx2", "avx512" })
        for (const char *gpu : { "sm90", "sm120" }) {
            const QString variant = QStringLiteral("pytorch-python313-cuda12_9-%1-%2").arg(QLatin1String(gpu), QLatin1String(isa));
            repo.write(QStringLiteral(".flox/pkgs/%1.nix").arg(variant), farmRecipe(variant, 30));
        }
    repo.commitAll(QStringLiteral("recipes"));

    AppSettings settings;
    settings.setBuildBackend(QStringLiteral("nix"));
    settings.setNixExtraOptions(test::offlineNixOptions());
    settings.setFarmBuilders(test::LoopbackFarm::machineLine(QStringLiteral("builder1"), 1) + QLatin1Char('\n')
        + test::LoopbackFarm::machineLine(QStringLiteral("builder2"), 1));
    settings.setFarmOnly(true);
    settings.setFarmRetries(1);

    MainWindow window;
    window.resize(size);
    window.show();
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &app, [&] {
        std::fprintf(stderr, "builds did not start on both builders within 120 s\n");
        app.exit(1);
    });
    QObject::connect(window.repository(), &RepositoryController::scanFinished, &app, [&] {
        window.findChild<QAction *>(QStringLiteral("buildFarmAction"))->trigger();
        QMetaObject::invokeMethod(window.farm()->view()->findChild<QWidget *>(QStringLiteral("farmCheck")), "click");
        window.findChild<QAction *>(QStringLiteral("buildBranchAction"))->trigger();
        timeout.start(120000);
    });
    // Grab once two builds run with a host each (and a moment later, for the phase to show).
    bool grabbing = false;
    QObject::connect(window.builds()->queue(), &BuildQueue::jobChanged, &app, [&] {
        QSet<QString> hosts;
        for (const BuildJob &j : window.builds()->queue()->jobs())
            if (j.state == BuildState::Running && !j.host.isEmpty())
                hosts.insert(j.host);
        if (hosts.size() < 2 || grabbing)
            return;
        grabbing = true;
        // The farm beside the queue (both are tabs below the grid by default): builders and
        // their check on the right, the queue with host, phase and derivations below.
        window.addDockWidget(Qt::RightDockWidgetArea, window.farm()->dock());
        window.builds()->queueDock()->raise();
        QTimer::singleShot(2500, &app, [&] {
            const bool saved = window.grab().save(output);
            std::fprintf(
                stderr, "%s %s (%dx%d)\n", saved ? "saved" : "could not save", qPrintable(output), window.width(), window.height());
            window.builds()->queue()->cancelAll(3000);
            app.exit(saved ? 0 : 1);
        });
    });
    window.openRepository(repo.path());
    const int code = app.exec();
    farm.stop();
    return code;
}
