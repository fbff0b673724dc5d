#include "FarmController.h"

#include "FarmDock.h"
#include "FarmSettingsDialog.h"
#include "FarmSettingsEditor.h"
#include "builds/BuildQueue.h"
#include "builds/BuildSettings.h"
#include "farm/FarmCheck.h"
#include "farm/MachinesFile.h"
#include "settings/AppSettings.h"

#include <QAction>
#include <QDockWidget>
#include <QFutureWatcher>
#include <QMainWindow>
#include <QtConcurrent/QtConcurrentRun>

namespace vs {

FarmController::FarmController(QMainWindow *window, BuildQueue *queue)
    : QObject(window)
    , m_window(window)
    , m_queue(queue)
    , m_view(new FarmDock)
    , m_dock(new QDockWidget(tr("Build Farm"), window))
    , m_settingsAction(new QAction(tr("Build &Farm…"), this))
{
    m_dock->setObjectName(QStringLiteral("buildFarmDock"));
    m_dock->setWidget(m_view);
    m_settingsAction->setObjectName(QStringLiteral("farmSettingsAction"));
    m_settingsAction->setToolTip(tr("The builders Nix distributes builds to, farm only and retries"));
    attach(m_view->editor());
    edited(m_view->editor());
    connect(m_settingsAction, &QAction::triggered, this, &FarmController::openSettings);
    connect(m_view, &FarmDock::checkRequested, this, &FarmController::check);
}

QList<FarmSettingsEditor *> FarmController::editors() const
{
    QList<FarmSettingsEditor *> all { m_view->editor() };
    if (m_dialog)
        all << m_dialog->editor();
    return all;
}

void FarmController::attach(FarmSettingsEditor *editor)
{
    // Loaded from the settings, so a new editor shows what the others show.
    const AppSettings settings;
    editor->setBuildersText(settings.farmBuilders());
    editor->setFarmOnly(settings.farmOnly());
    editor->setRetries(settings.farmRetries());
    editor->setProblems(m_view->editor()->problems());
    connect(editor, &FarmSettingsEditor::buildersEdited, this, [this, editor] { edited(editor); });
    connect(editor, &FarmSettingsEditor::farmOnlyToggled, this, [this](bool on) {
        AppSettings().setFarmOnly(on);
        for (FarmSettingsEditor *e : editors())
            e->setFarmOnly(on); // toggled() only when it changes: no loop
        applyToQueue();
    });
    connect(editor, &FarmSettingsEditor::retriesChanged, this, [this](int n) {
        AppSettings().setFarmRetries(n);
        for (FarmSettingsEditor *e : editors())
            e->setRetries(n);
        applyToQueue();
    });
    connect(editor, &FarmSettingsEditor::importRequested, this, &FarmController::importFromNix);
}

void FarmController::openSettings()
{
    if (!m_dialog) {
        m_dialog = new FarmSettingsDialog(m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        attach(m_dialog->editor());
        connect(m_dialog, &FarmSettingsDialog::showDockRequested, this, [this] {
            m_dock->show();
            m_dock->raise();
        });
    }
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

void FarmController::edited(FarmSettingsEditor *source)
{
    if (m_syncing)
        return; // another editor taking over this text
    const QString text = source->buildersText();
    m_syncing = true;
    for (FarmSettingsEditor *e : editors())
        e->setBuildersText(text);
    m_syncing = false;
    const MachinesParse parsed = MachinesFile::fromSpec(text, tr("Builders"));
    // Saved as typed; bad lines are named here and never handed to Nix.
    AppSettings().setFarmBuilders(text);
    showProblems(parsed.problemText());
    QList<QStringList> rows;
    for (const BuilderMachine &m : parsed.machines)
        rows << QStringList { m.uri, m.systems.join(QLatin1Char(',')), QString::number(m.maxJobs), tr("not checked") };
    if (!m_checking)
        m_view->setRows(rows);
    applyToQueue();
}

void FarmController::showProblems(const QString &text)
{
    for (FarmSettingsEditor *e : editors())
        e->setProblems(text);
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
            showProblems(parsed.ok() ? tr("Nix's configuration names no builders (nix.conf, /etc/nix/machines).") : parsed.problemText());
            return;
        }
        m_view->editor()->setBuildersText(MachinesFile::toText(parsed.machines)); // and so in every editor
    });
    watcher->setFuture(QtConcurrent::run([nix] { return MachinesFile::fromNixConfiguration(nix); }));
}

void FarmController::check()
{
    const MachinesParse parsed = MachinesFile::fromSpec(m_view->editor()->buildersText(), tr("Builders"));
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
