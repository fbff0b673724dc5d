#include "builds/BuildHistory.h"
#include "builds/BuildWorktrees.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

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
        { QStringLiteral("resultPath"), resultPath }, { QStringLiteral("storePath"), storePath } };
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

bool BuildHistory::load(QList<HistoryEntry> *entries, QString *error) const
{
    entries->clear();
    QFile f(m_file);
    if (!f.exists())
        return true;
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(m_file, f.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("%1: offset %2: %3").arg(m_file).arg(parseError.offset).arg(parseError.errorString());
        return false;
    }
    for (const QJsonValue &v : doc.object().value(QStringLiteral("runs")).toArray()) {
        HistoryEntry e = HistoryEntry::fromJson(v.toObject());
        if (e.outcome == BuildState::Running && !isStillRunning(e))
            e.outcome = BuildState::Interrupted;
        entries->append(e);
    }
    return true;
}

bool BuildHistory::reload()
{
    m_error.clear();
    QList<HistoryEntry> loaded;
    const bool ok = load(&loaded, &m_error);
    m_entries = loaded;
    emit changed();
    return ok;
}

bool BuildHistory::save()
{
    QDir().mkpath(QFileInfo(m_file).absolutePath());
    QJsonArray runs;
    for (const HistoryEntry &e : m_entries)
        runs.append(e.toJson());
    const QJsonObject root { { QStringLiteral("version"), 1 }, { QStringLiteral("repository"), m_repoRoot },
        { QStringLiteral("runs"), runs } };
    QSaveFile f(m_file);
    if (!f.open(QIODevice::WriteOnly)) {
        m_error = QStringLiteral("%1: %2").arg(m_file, f.errorString());
        return false;
    }
    f.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!f.commit()) {
        m_error = QStringLiteral("%1: %2").arg(m_file, f.errorString());
        return false;
    }
    return true;
}

bool BuildHistory::upsert(const HistoryEntry &entry)
{
    // Re-read first: another process (a command-line build) may have written since.
    QList<HistoryEntry> current;
    QString error;
    if (!load(&current, &error)) {
        m_error = error;
        return false; // never overwrite a file we could not read
    }
    bool replaced = false;
    for (HistoryEntry &e : current) {
        if (e.runId == entry.runId) {
            e = entry;
            replaced = true;
        }
    }
    if (!replaced)
        current.append(entry);
    m_entries = current;
    const bool ok = save();
    emit changed();
    return ok;
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
