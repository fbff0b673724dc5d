#pragma once
// Shared by the tests of the builds room: toy recipes, settings pointing into a
// temporary folder, and waiting for a runner.

#include "builds/BuildJob.h"
#include "builds/BuildRunner.h"
#include "builds/BuildSettings.h"
#include "support/GitFixture.h"
#include "support/ToyRecipes.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace vs::test {

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

// The environment of a real `variant-studio` process whose data, cache and config
// folders lie in `dir`, so its history and settings never touch the user's.
inline QProcessEnvironment isolatedEnvironment(const QTemporaryDir &dir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), dir.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    return env;
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

// Gives `repo` a bare remote in `bare` and pushes main to it: what publishing needs.
inline bool addPushedRemote(GitFixture &repo, const QTemporaryDir &bare)
{
    return runProgram(QStringLiteral("git"), { QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("--bare"), bare.path() }) == 0
        && repo.git({ QStringLiteral("remote"), QStringLiteral("add"), QStringLiteral("origin"), bare.path() })
        && repo.git(
            { QStringLiteral("push"), QStringLiteral("-q"), QStringLiteral("-u"), QStringLiteral("origin"), QStringLiteral("main") });
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

// One run as the history file (version 1) stores it.
inline QJsonObject historyRun(const QString &id, const QString &variant, const QString &branch = QStringLiteral("main"),
    const QString &outcome = QStringLiteral("succeeded"), const QString &kind = QStringLiteral("build"))
{
    return QJsonObject { { QStringLiteral("id"), id }, { QStringLiteral("kind"), kind }, { QStringLiteral("variant"), variant },
        { QStringLiteral("branch"), branch }, { QStringLiteral("commit"), QStringLiteral("abc123") },
        { QStringLiteral("backend"), QStringLiteral("nix") }, { QStringLiteral("started"), QStringLiteral("2026-11-20T10:00:00.000") },
        { QStringLiteral("durationMs"), 1000 }, { QStringLiteral("outcome"), outcome }, { QStringLiteral("exitCode"), 0 },
        { QStringLiteral("logFile"), QString() }, { QStringLiteral("resultPath"), QString() }, { QStringLiteral("storePath"), QString() } };
}

inline QByteArray historyFile(const QString &repo, const QJsonArray &runs)
{
    return QJsonDocument(
        QJsonObject { { QStringLiteral("version"), 1 }, { QStringLiteral("repository"), repo }, { QStringLiteral("runs"), runs } })
        .toJson();
}

// History files of every shape the store cannot read, and the ids of the valid runs each holds
// (which the next writer keeps).
struct BrokenHistory {
    QString name;
    QByteArray bytes;
    QStringList keptIds;
};
inline QList<BrokenHistory> brokenHistories(const QString &repo)
{
    const QJsonObject a = historyRun(QStringLiteral("old-a"), QStringLiteral("kept-a"));
    const QJsonObject b = historyRun(QStringLiteral("old-b"), QStringLiteral("kept-b"), QStringLiteral("dev"), QStringLiteral("failed"));
    const QStringList both { QStringLiteral("old-a"), QStringLiteral("old-b") };
    const QByteArray valid = historyFile(repo, { a, b });
    auto object = [&](const QString &key, const QJsonValue &runs) {
        return QJsonDocument(QJsonObject { { QStringLiteral("version"), 1 }, { QStringLiteral("repository"), repo }, { key, runs } })
            .toJson();
    };
    QJsonObject wrongId = a, noVariant = a, wrongDuration = a, wrongOutcome = a, wrongPublished = a, wrongBranch = a;
    wrongId.insert(QStringLiteral("id"), 7);
    noVariant.insert(QStringLiteral("id"), QStringLiteral("bad-2"));
    noVariant.remove(QStringLiteral("variant"));
    wrongDuration.insert(QStringLiteral("id"), QStringLiteral("bad-3"));
    wrongDuration.insert(QStringLiteral("durationMs"), QStringLiteral("long"));
    wrongOutcome.insert(QStringLiteral("id"), QStringLiteral("bad-4"));
    wrongOutcome.insert(QStringLiteral("outcome"), 1);
    wrongPublished.insert(QStringLiteral("id"), QStringLiteral("bad-5"));
    wrongPublished.insert(QStringLiteral("published"), QStringLiteral("yes"));
    wrongBranch.insert(QStringLiteral("id"), QStringLiteral("bad-6"));
    wrongBranch.insert(QStringLiteral("branch"), QJsonArray { QStringLiteral("main") });
    return {
        { QStringLiteral("array root"), QJsonDocument(QJsonArray { a, b }).toJson(), both },
        { QStringLiteral("runs is an object"),
            object(QStringLiteral("runs"), QJsonObject { { QStringLiteral("x"), a }, { QStringLiteral("y"), b } }), both },
        { QStringLiteral("runs is a string"), object(QStringLiteral("runs"), QStringLiteral("none")), {} },
        { QStringLiteral("runs renamed"), object(QStringLiteral("builds"), QJsonArray { a, b }), {} },
        { QStringLiteral("runs missing"), QByteArray("{\"version\": 1}\n"), {} },
        { QStringLiteral("garbage"), QByteArray(1, '\0') + QByteArray("\xff not a history at all\n"), {} },
        { QStringLiteral("empty"), QByteArray(), {} },
        { QStringLiteral("truncated"), valid.left(valid.size() / 2), {} },
        { QStringLiteral("items of wrong types"),
            historyFile(repo,
                { a, 42, QStringLiteral("text"), QJsonValue::Null, wrongId, noVariant, wrongDuration, wrongOutcome, wrongPublished,
                    wrongBranch, b }),
            both },
    };
}

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline bool writeAll(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// The files next to `path` whose names start with its name + ".broken-".
inline QStringList backupsOf(const QString &path)
{
    const QFileInfo info(path);
    QStringList found;
    for (const QString &name : QDir(info.absolutePath()).entryList({ info.fileName() + QStringLiteral(".broken-*") }, QDir::Files))
        found << QDir(info.absolutePath()).filePath(name);
    return found;
}

} // namespace vs::test
