#include "farm/FarmCheck.h"
#include "system/ProcessRunner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThreadPool>
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
    // One thread per builder, each running and timing its own check: all wait side by
    // side, so the slowest builder (at most the timeout) sets the time, not their sum.
    std::vector<BuilderStatus> statuses(size_t(machines.size()));
    QThreadPool pool;
    pool.setMaxThreadCount(qMax(1, int(machines.size())));
    for (qsizetype i = 0; i < machines.size(); ++i)
        pool.start([this, &machines, &statuses, i] {
            QElapsedTimer clock;
            clock.start();
            ProcessRunner runner(m_nixProgram, arguments(machines[i]));
            runner.setTimeout(m_timeoutMs);
            if (m_cancelled)
                runner.setCancel(m_cancelled);
            BuilderStatus s = interpret(machines[i], runner.run());
            s.elapsedMs = clock.elapsed();
            statuses[size_t(i)] = std::move(s);
        });
    pool.waitForDone();
    return QList<BuilderStatus>(statuses.begin(), statuses.end());
}

} // namespace vs
