#include "builds/BuildHistory.h"
#include "builds/BuildWorktrees.h"
#include "builds/HistoryFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLockFile>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QSet>
#include <QThread>

namespace vs {

namespace {
QString isoTime(const QDateTime &t)
{
    return t.isValid() ? t.toString(Qt::ISODateWithMs) : QString();
}
} // namespace

QString toString(CellOutcome outcome)
{
    switch (outcome) {
    case CellOutcome::None:
        return QStringLiteral("none");
    case CellOutcome::Building:
        return QStringLiteral("building");
    case CellOutcome::Built:
        return QStringLiteral("built");
    case CellOutcome::Failed:
        return QStringLiteral("failed");
    case CellOutcome::Published:
        return QStringLiteral("published");
    case CellOutcome::Interrupted:
        return QStringLiteral("interrupted");
    }
    return {};
}

QJsonObject HistoryEntry::toJson() const
{
    QJsonObject o { { QStringLiteral("id"), runId }, { QStringLiteral("kind"), toString(kind) }, { QStringLiteral("variant"), variant },
        { QStringLiteral("branch"), branch }, { QStringLiteral("commit"), commit }, { QStringLiteral("backend"), toString(backend) },
        { QStringLiteral("started"), isoTime(started) }, { QStringLiteral("durationMs"), double(durationMs) },
        { QStringLiteral("outcome"), toString(outcome) }, { QStringLiteral("exitCode"), exitCode }, { QStringLiteral("logFile"), logFile },
        { QStringLiteral("resultPath"), resultPath }, { QStringLiteral("storePath"), storePath },
        { QStringLiteral("host"), host.isEmpty() ? QJsonValue() : QJsonValue(host) }, { QStringLiteral("skipped"), skipped },
        { QStringLiteral("dependencyLog"), dependencyLog.isEmpty() ? QJsonValue() : QJsonValue(dependencyLog) } };
    if (!org.isEmpty())
        o.insert(
            QStringLiteral("published"), QJsonObject { { QStringLiteral("org"), org }, { QStringLiteral("time"), isoTime(publishedAt) } });
    if (outcome == BuildState::Running) {
        o.insert(QStringLiteral("pid"), double(pid));
        o.insert(QStringLiteral("ownerPid"), double(ownerPid));
        o.insert(QStringLiteral("ownerStart"), ownerStart);
    }
    return o;
}

HistoryEntry HistoryEntry::fromJson(const QJsonObject &o)
{
    HistoryEntry e;
    e.runId = o.value(QStringLiteral("id")).toString();
    e.kind = o.value(QStringLiteral("kind")).toString() == QLatin1String("publish") ? BuildKind::Publish : BuildKind::Build;
    e.variant = o.value(QStringLiteral("variant")).toString();
    e.branch = o.value(QStringLiteral("branch")).toString();
    e.commit = o.value(QStringLiteral("commit")).toString();
    e.backend = backendFromString(o.value(QStringLiteral("backend")).toString()).value_or(BuildBackend::Flox);
    e.started = QDateTime::fromString(o.value(QStringLiteral("started")).toString(), Qt::ISODateWithMs);
    e.durationMs = qint64(o.value(QStringLiteral("durationMs")).toDouble());
    e.outcome = stateFromString(o.value(QStringLiteral("outcome")).toString()).value_or(BuildState::Interrupted);
    e.exitCode = o.value(QStringLiteral("exitCode")).toInt();
    e.logFile = o.value(QStringLiteral("logFile")).toString();
    e.resultPath = o.value(QStringLiteral("resultPath")).toString();
    e.storePath = o.value(QStringLiteral("storePath")).toString();
    const QJsonObject published = o.value(QStringLiteral("published")).toObject();
    e.org = published.value(QStringLiteral("org")).toString();
    e.publishedAt = QDateTime::fromString(published.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
    e.pid = qint64(o.value(QStringLiteral("pid")).toDouble());
    e.ownerPid = qint64(o.value(QStringLiteral("ownerPid")).toDouble());
    e.ownerStart = o.value(QStringLiteral("ownerStart")).toString();
    e.host = o.value(QStringLiteral("host")).toString();
    e.skipped = o.value(QStringLiteral("skipped")).toBool();
    e.dependencyLog = o.value(QStringLiteral("dependencyLog")).toString();
    return e;
}

BuildHistory::BuildHistory(const QString &repoRoot, const QString &historyDirectory, QObject *parent)
    : QObject(parent)
    , m_repoRoot(repoRoot)
    , m_file(QDir(historyDirectory).filePath(BuildWorktrees::repoHash(repoRoot) + QStringLiteral(".json")))
{
    reload();
}

QString BuildHistory::processStartTime(qint64 pid)
{
    // Field 22 of /proc/<pid>/stat: start time in clock ticks since boot. With the
    // pid it names a process uniquely, even after the pid is reused.
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return {};
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')'); // the command name may hold spaces
    const QList<QByteArray> fields = text.mid(close + 2).split(' ');
    return fields.size() > 19 ? QString::fromLatin1(fields[19]) : QStringLiteral("?");
}

bool BuildHistory::isStillRunning(const HistoryEntry &e)
{
    if (e.outcome != BuildState::Running)
        return false;
    if (e.ownerPid <= 0 || processStartTime(e.ownerPid) != e.ownerStart)
        return false; // the app that ran it is gone
    return e.pid <= 0 || QFileInfo::exists(QStringLiteral("/proc/%1").arg(e.pid));
}

namespace {

// Waits for the lock with short, jittered polls (QLockFile's own wait doubles its sleep up to seconds).
bool acquire(QLockFile &lock, int timeoutMs)
{
    QElapsedTimer waited;
    waited.start();
    while (!lock.tryLock(0)) {
        if (lock.error() != QLockFile::LockFailedError || waited.elapsed() >= timeoutMs)
            return false;
        QThread::msleep(5 + QRandomGenerator::global()->bounded(20));
    }
    return true;
}

} // namespace

bool BuildHistory::reload()
{
    m_error.clear();
    const HistoryFile contents = HistoryFile::read(m_file);
    m_entries.clear();
    for (const QJsonObject &o : contents.runs) {
        HistoryEntry e = HistoryEntry::fromJson(o);
        if (e.outcome == BuildState::Running && !isStillRunning(e))
            e.outcome = BuildState::Interrupted;
        m_entries.append(e);
    }
    if (contents.status == HistoryFile::Broken) // reported, never repaired by a reader
        m_error = QStringLiteral("the build history %1 cannot be read: %2 (the next build moves it aside to a backup and keeps "
                                 "the valid runs it holds)")
                      .arg(m_file, contents.problem);
    else if (contents.status == HistoryFile::Unreadable)
        m_error = QStringLiteral("the build history %1 cannot be read: %2").arg(m_file, contents.problem);
    emit changed();
    return m_error.isEmpty();
}

bool BuildHistory::fail(const QString &message)
{
    m_error = message;
    emit recordFailed(message);
    return false;
}

bool BuildHistory::upsert(const HistoryEntry &entry)
{
    m_error.clear();
    m_warning.clear();
    const QString folder = QFileInfo(m_file).absolutePath();
    if (!QDir().mkpath(folder))
        return fail(QStringLiteral("cannot create the history folder %1%2")
                        .arg(folder, QFileInfo(folder).exists() ? QStringLiteral(": a file is in the way") : QString()));

    // Writers take turns: without the lock two builds would each write back what they read.
    QLockFile lock(lockFilePath());
    lock.setStaleLockTime(kStaleLockMs);
    if (!acquire(lock, m_lockTimeoutMs)) {
        switch (lock.error()) {
        case QLockFile::LockFailedError:
            return fail(QStringLiteral("the build history %1 stayed locked by another process for %2 s (lock file %3)")
                            .arg(m_file)
                            .arg(m_lockTimeoutMs / 1000.0)
                            .arg(lockFilePath()));
        case QLockFile::PermissionError:
            return fail(
                QStringLiteral("cannot create the lock file %1: the history folder %2 is not writable").arg(lockFilePath(), folder));
        default:
            return fail(QStringLiteral("cannot create the lock file %1").arg(lockFilePath()));
        }
    }

    // Re-read under the lock: another process may have written since.
    HistoryFile contents = HistoryFile::read(m_file);
    if (contents.status == HistoryFile::Unreadable)
        return fail(QStringLiteral("the build history %1 cannot be read: %2").arg(m_file, contents.problem));
    QString movedAside;
    if (contents.status == HistoryFile::Broken) {
        const QString backup = HistoryFile::backupName(m_file);
        if (!QFile::rename(m_file, backup))
            return fail(QStringLiteral("the build history %1 cannot be read (%2) and cannot be moved aside to %3")
                            .arg(m_file, contents.problem, backup));
        movedAside = QStringLiteral("the build history %1 could not be read (%2); it was moved to %3 and a new history was started with "
                                    "the %4 valid run(s) it held")
                         .arg(m_file, contents.problem, backup)
                         .arg(contents.runs.size());
    }

    QList<QJsonObject> &runs = contents.runs;
    const QJsonObject updated = entry.toJson();
    bool replaced = false;
    QHash<qint64, QString> ownerStarts; // processStartTime once per owner
    for (QJsonObject &o : runs) {
        if (o.value(QLatin1String("id")).toString() == entry.runId) {
            o = updated;
            replaced = true;
        } else if (o.value(QLatin1String("outcome")).toString() == QLatin1String("running")) {
            // Settled here, under the lock: the app or process that ran it is gone.
            const qint64 owner = qint64(o.value(QLatin1String("ownerPid")).toDouble());
            const qint64 pid = qint64(o.value(QLatin1String("pid")).toDouble());
            auto start = ownerStarts.constFind(owner);
            if (start == ownerStarts.constEnd())
                start = ownerStarts.insert(owner, processStartTime(owner));
            const bool alive = owner > 0 && *start == o.value(QLatin1String("ownerStart")).toString()
                && (pid <= 0 || QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid)));
            if (!alive) {
                o.insert(QLatin1String("outcome"), QStringLiteral("interrupted"));
                for (const char *key : { "pid", "ownerPid", "ownerStart" })
                    o.remove(QLatin1String(key));
            }
        }
    }
    if (!replaced)
        runs.append(updated);

    // Compaction, newest first: per cell the newest m_keepPerCell build runs, plus the
    // newest one that decides the cell's outcome (cancelled runs do not), so cells()
    // reads the same; every publish and every running run stays.
    if (m_keepPerCell > 0) {
        QHash<QPair<QString, QString>, int> seen;
        QSet<QPair<QString, QString>> decided;
        QList<bool> keep(runs.size(), true);
        for (qsizetype i = runs.size() - 1; i >= 0; --i) {
            const QJsonObject &o = runs[i];
            const QString outcome = o.value(QLatin1String("outcome")).toString();
            if (o.value(QLatin1String("kind")).toString() == QLatin1String("publish") || outcome == QLatin1String("running"))
                continue;
            const QPair<QString, QString> cell { o.value(QLatin1String("branch")).toString(),
                o.value(QLatin1String("variant")).toString() };
            const bool decisive = outcome != QLatin1String("cancelled") && outcome != QLatin1String("queued");
            keep[i] = seen[cell]++ < m_keepPerCell || (decisive && !decided.contains(cell));
            if (decisive)
                decided.insert(cell);
        }
        QList<QJsonObject> kept;
        kept.reserve(runs.size());
        for (qsizetype i = 0; i < runs.size(); ++i)
            if (keep[i])
                kept.append(runs[i]);
        runs = kept;
    }

    QJsonArray array;
    for (const QJsonObject &o : std::as_const(runs))
        array.append(o);
    const QJsonObject root { { QStringLiteral("version"), 1 }, { QStringLiteral("repository"), m_repoRoot },
        { QStringLiteral("runs"), array } };
    QSaveFile f(m_file);
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(root).toJson(QJsonDocument::Indented)) < 0 || !f.commit()) {
        const QString why = f.errorString();
        f.cancelWriting();
        if (!movedAside.isEmpty()) {
            m_warning = movedAside;
            emit warning(movedAside);
        }
        return fail(QStringLiteral("cannot write the build history %1: %2").arg(m_file, why));
    }
    lock.unlock();

    m_entries.clear();
    for (const QJsonObject &o : std::as_const(runs)) {
        HistoryEntry e = HistoryEntry::fromJson(o);
        if (e.outcome == BuildState::Running && !isStillRunning(e))
            e.outcome = BuildState::Interrupted;
        m_entries.append(e);
    }
    if (!movedAside.isEmpty()) {
        m_warning = movedAside;
        emit warning(movedAside);
    }
    emit changed();
    return true;
}

HistoryEntry BuildHistory::entryFromJob(const BuildJob &job)
{
    HistoryEntry e;
    e.runId = job.runId;
    e.kind = job.kind;
    e.variant = job.variant;
    e.branch = job.branch;
    e.commit = job.commit;
    e.backend = job.backend;
    e.started = job.started;
    e.durationMs = job.durationMs;
    e.outcome = job.state;
    e.exitCode = job.exitCode;
    e.logFile = job.logFile;
    e.resultPath = job.resultLink;
    e.storePath = job.storePath;
    e.host = job.host;
    e.skipped = job.skipped;
    e.dependencyLog = job.error == BuildError::DependencyFailed ? job.dependencyLog : QString();
    if (job.kind == BuildKind::Publish) {
        e.org = job.org;
        if (job.state == BuildState::Succeeded)
            e.publishedAt = job.started.addMSecs(job.durationMs);
    }
    return e;
}

void BuildHistory::recordStart(const BuildJob &job)
{
    HistoryEntry e = entryFromJob(job);
    e.outcome = BuildState::Running;
    e.pid = job.pid;
    e.ownerPid = QCoreApplication::applicationPid();
    e.ownerStart = processStartTime(e.ownerPid);
    upsert(e);
}

void BuildHistory::recordFinish(const BuildJob &job)
{
    upsert(entryFromJob(job));
}

QHash<QPair<QString, QString>, CellHistory> BuildHistory::cells() const
{
    QHash<QPair<QString, QString>, CellHistory> result;
    for (const HistoryEntry &e : m_entries) { // oldest first: later runs win
        CellHistory &c = result[{ e.branch, e.variant }];
        if (e.kind == BuildKind::Publish) {
            if (e.outcome == BuildState::Succeeded) {
                c.lastPublish = e;
                c.outcome = CellOutcome::Published;
            } else if (e.outcome == BuildState::Running) {
                c.outcome = CellOutcome::Building;
            }
            continue; // a failed publish leaves the build's result standing
        }
        switch (e.outcome) {
        case BuildState::Succeeded:
            c.outcome = CellOutcome::Built;
            break;
        case BuildState::Failed:
            c.outcome = CellOutcome::Failed;
            break;
        case BuildState::Running:
            c.outcome = CellOutcome::Building;
            break;
        case BuildState::Interrupted:
            c.outcome = CellOutcome::Interrupted;
            break;
        case BuildState::Queued:
        case BuildState::Cancelled:
            continue; // a cancelled run says nothing about the cell
        }
        c.lastBuild = e;
    }
    return result;
}

CellHistory BuildHistory::cell(const QString &branch, const QString &variant) const
{
    return cells().value({ branch, variant });
}

} // namespace vs
