#pragma once
// Shared by the tests of the builds room: toy recipes, settings pointing into a
// temporary folder, and waiting for a runner.

#include "builds/BuildJob.h"
#include "builds/BuildRunner.h"
#include "builds/BuildSettings.h"
#include "support/GitFixture.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace vs::test {

// A Nix string literal: quotes, backslashes and ${ escaped.
inline QString nixString(QString text)
{
    text.replace(QLatin1String("\\"), QLatin1String("\\\\"));
    text.replace(QLatin1String("\""), QLatin1String("\\\""));
    text.replace(QLatin1String("${"), QLatin1String("\\${"));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

// A derivation that needs nothing from the network: /bin/sh runs `script`.
// The nonce makes every test run build afresh instead of finding the result in the store.
inline QByteArray toyRecipe(const QString &name, const QString &script)
{
    return QStringLiteral("derivation {\n  name = %1;\n  system = builtins.currentSystem;\n  builder = \"/bin/sh\";\n"
                          "  PATH = \"/usr/bin:/bin\";\n  nonce = %2;\n  args = [ \"-c\" %3 ];\n}\n")
        .arg(nixString(name), nixString(QUuid::createUuid().toString()), nixString(script))
        .toUtf8();
}

// Settings whose data and cache folders lie in `dir`, with the offline Nix options.
inline BuildSettings testSettings(const QTemporaryDir &dir)
{
    BuildSettings s;
    s.dataDirectory = dir.filePath(QStringLiteral("data"));
    s.cacheDirectory = dir.filePath(QStringLiteral("cache"));
    s.nixOptions = offlineNixOptions();
    s.floxProgram = QStringLiteral(VS_FLOX_STAND_IN);
    s.cancelGraceMs = 3000;
    return s;
}

inline BuildJob makeJob(const QString &repo, const QString &variant, BuildBackend backend = BuildBackend::Nix, const QString &branch = {})
{
    BuildJob job;
    job.repoRoot = repo;
    job.variant = variant;
    job.backend = backend;
    job.branch = branch;
    return job;
}

// Runs one job to its end; the lines it streamed land in *lines.
inline BuildJob runToEnd(const BuildSettings &settings, const BuildJob &job, LogLines *lines = nullptr, int timeoutMs = 240000)
{
    BuildRunner runner(settings);
    QObject::connect(&runner, &BuildRunner::linesReady, [lines](const LogLines &batch) {
        if (lines)
            lines->append(batch);
    });
    QSignalSpy done(&runner, &BuildRunner::finished);
    runner.start(job);
    if (done.isEmpty())
        done.wait(timeoutMs);
    return runner.job();
}

inline bool processAlive(qint64 pid)
{
    return pid > 0 && QFile::exists(QStringLiteral("/proc/%1").arg(pid));
}

// True when some process's command line is exactly `argv` (arguments joined by '\0').
inline bool processWithCommandLineExists(const QByteArray &argv)
{
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &e : entries) {
        bool ok = false;
        e.toLongLong(&ok);
        if (!ok)
            continue;
        QFile f(QStringLiteral("/proc/%1/cmdline").arg(e));
        if (f.open(QIODevice::ReadOnly) && f.readAll().startsWith(argv))
            return true;
    }
    return false;
}

} // namespace vs::test
