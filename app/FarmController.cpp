#include "FarmController.h"

#include "FarmDock.h"
#include "builds/BuildQueue.h"
#include "builds/BuildSettings.h"
#include "farm/FarmCheck.h"
#include "farm/MachinesFile.h"
#include "settings/AppSettings.h"

#include <QDockWidget>
#include <QFutureWatcher>
#include <QMainWindow>
#include <QtConcurrent/QtConcurrentRun>

namespace vs {

FarmController::FarmController(QMainWindow *window, BuildQueue *queue)
    : QObject(window)
    , m_queue(queue)
    , m_view(new FarmDock)
    , m_dock(new QDockWidget(tr("Build Farm"), window))
{
    m_dock->setObjectName(QStringLiteral("buildFarmDock"));
    m_dock->setWidget(m_view);
    const AppSettings settings;
    m_view->setBuildersText(settings.farmBuilders());
    m_view->setFarmOnly(settings.farmOnly());
    m_view->setRetries(settings.farmRetries());
    edited();
    connect(m_view, &FarmDock::buildersEdited, this, &FarmController::edited);
    connect(m_view, &FarmDock::farmOnlyToggled, this, [this](bool on) {
        AppSettings().setFarmOnly(on);
        applyToQueue();
    });
    connect(m_view, &FarmDock::retriesChanged, this, [this](int n) {
        AppSettings().setFarmRetries(n);
        applyToQueue();
    });
    connect(m_view, &FarmDock::checkRequested, this, &FarmController::check);
    connect(m_view, &FarmDock::importRequested, this, &FarmController::importFromNix);
}

void FarmController::edited()
{
    const QString text = m_view->buildersText();
    const MachinesParse parsed = MachinesFile::fromSpec(text, tr("Builders"));
    // Saved as typed; bad lines are named here and never handed to Nix.
    AppSettings().setFarmBuilders(text);
    m_view->setProblems(parsed.problemText());
    QList<QStringList> rows;
    for (const BuilderMachine &m : parsed.machines)
        rows << QStringList { m.uri, m.systems.join(QLatin1Char(',')), QString::number(m.maxJobs), tr("not checked") };
    if (!m_checking)
        m_view->setRows(rows);
    applyToQueue();
}

void FarmController::applyToQueue()
{
    // Settings reach jobs that start later; running builds keep theirs.
    BuildSettings settings = m_queue->settings();
    const BuildSettings saved = BuildSettings::load();
    settings.builders = saved.builders;
    settings.buildersFromNixConfig = false;
    settings.farmOnly = saved.farmOnly;
    settings.retries = saved.retries;
    m_queue->setSettings(settings);
}

void FarmController::importFromNix()
{
    const QString nix = FarmCheck::nixBeside(AppSettings().nixBuildProgram());
    auto *watcher = new QFutureWatcher<MachinesParse>(this);
    connect(watcher, &QFutureWatcher<MachinesParse>::finished, this, [this, watcher] {
        const MachinesParse parsed = watcher->result();
        watcher->deleteLater();
        if (!parsed.ok() || parsed.machines.isEmpty()) {
            m_view->setProblems(
                parsed.ok() ? tr("Nix's configuration names no builders (nix.conf, /etc/nix/machines).") : parsed.problemText());
            return;
        }
        m_view->setBuildersText(MachinesFile::toText(parsed.machines));
    });
    watcher->setFuture(QtConcurrent::run([nix] { return MachinesFile::fromNixConfiguration(nix); }));
}

void FarmController::check()
{
    const MachinesParse parsed = MachinesFile::fromSpec(m_view->buildersText(), tr("Builders"));
    if (m_checking || parsed.machines.isEmpty())
        return;
    m_checking = true;
    m_view->setChecking(true);
    const FarmCheck checker(FarmCheck::nixBeside(AppSettings().nixBuildProgram()));
    const QList<BuilderMachine> machines = parsed.machines;
    auto *watcher = new QFutureWatcher<QList<BuilderStatus>>(this);
    connect(watcher, &QFutureWatcher<QList<BuilderStatus>>::finished, this, [this, watcher] {
        m_checking = false;
        m_view->setChecking(false);
        showStatuses(watcher->result());
        watcher->deleteLater();
        emit checkFinished();
    });
    watcher->setFuture(QtConcurrent::run([checker, machines] { return checker.check(machines); }));
}

void FarmController::showStatuses(const QList<BuilderStatus> &statuses)
{
    QList<QStringList> rows;
    for (const BuilderStatus &s : statuses) {
        QString status;
        if (s.reachable) {
            status = s.nixVersion.isEmpty() ? tr("reachable") : tr("reachable, Nix %1").arg(s.nixVersion);
            if (s.trusted == 0)
                status += tr(", not trusted (add the user to trusted-users on the builder)");
            else if (s.trusted == 1)
                status += tr(", trusted");
        } else {
            status = tr("unreachable: %1").arg(QString(s.error).replace(QLatin1Char('\n'), QStringLiteral(" / ")));
        }
        rows << QStringList { s.machine.uri, s.machine.systems.join(QLatin1Char(',')), QString::number(s.machine.maxJobs), status };
    }
    m_view->setRows(rows);
}

} // namespace vs
