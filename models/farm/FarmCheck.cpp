#include "farm/FarmCheck.h"
#include "system/ProcessRunner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QUrl>

namespace vs {

FarmCheck::FarmCheck(QString nixProgram)
    : m_nixProgram(std::move(nixProgram))
{
}

QString FarmCheck::nixBeside(const QString &nixBuildProgram)
{
    if (!nixBuildProgram.contains(QLatin1Char('/')))
        return QStringLiteral("nix");
    return QFileInfo(nixBuildProgram).dir().filePath(QStringLiteral("nix"));
}

QString FarmCheck::storeUri(const BuilderMachine &machine)
{
    QStringList parameters;
    if (!machine.sshKey.isEmpty())
        parameters << QStringLiteral("ssh-key=") + QString::fromLatin1(QUrl::toPercentEncoding(machine.sshKey, "/"));
    if (!machine.publicHostKey.isEmpty())
        parameters << QStringLiteral("base64-ssh-public-host-key=") + QString::fromLatin1(QUrl::toPercentEncoding(machine.publicHostKey));
    return parameters.isEmpty() ? machine.uri : machine.uri + QLatin1Char('?') + parameters.join(QLatin1Char('&'));
}

QStringList FarmCheck::arguments(const BuilderMachine &machine)
{
    return { QStringLiteral("--extra-experimental-features"), QStringLiteral("nix-command"), QStringLiteral("store"),
        QStringLiteral("info"), QStringLiteral("--store"), storeUri(machine), QStringLiteral("--json") };
}

BuilderStatus FarmCheck::interpret(const BuilderMachine &machine, const ProcessResult &result)
{
    BuilderStatus s;
    s.machine = machine;
    if (result.ok()) {
        const QJsonObject info = QJsonDocument::fromJson(result.out).object();
        s.reachable = true;
        s.nixVersion = info.value(QStringLiteral("version")).toString();
        if (info.contains(QStringLiteral("trusted")))
            s.trusted = info.value(QStringLiteral("trusted")).toInt() ? 1 : 0;
        return s;
    }
    if (result.error == ProcessError::TimedOut) {
        s.error = QStringLiteral("no answer from %1 in time: %2").arg(machine.uri, result.message);
        return s;
    }
    // ssh's and nix's own words, without ssh's chatter about known hosts.
    QStringList lines;
    for (const QString &line : result.errorText().split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        if (!line.startsWith(QLatin1String("Warning: Permanently added")))
            lines << line.trimmed();
    s.error = lines.join(QLatin1Char('\n'));
    if (s.error.isEmpty())
        s.error = result.message;
    return s;
}

QList<BuilderStatus> FarmCheck::check(const QList<BuilderMachine> &machines) const
{
    // Started together and collected in order: the slowest builder sets the time.
    QList<ProcessRunner> runners;
    std::vector<std::unique_ptr<QProcess>> processes;
    QElapsedTimer clock;
    clock.start();
    for (const BuilderMachine &m : machines) {
        ProcessRunner runner(m_nixProgram, arguments(m));
        runner.setTimeout(m_timeoutMs);
        if (m_cancelled)
            runner.setCancel(m_cancelled);
        processes.push_back(runner.start());
        runners.append(runner);
    }
    QList<BuilderStatus> statuses;
    for (qsizetype i = 0; i < machines.size(); ++i) {
        BuilderStatus s = interpret(machines[i], runners[i].finish(*processes[size_t(i)]));
        s.elapsedMs = clock.elapsed();
        statuses.append(s);
    }
    return statuses;
}

} // namespace vs
