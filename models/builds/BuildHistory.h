#pragma once

#include "builds/BuildJob.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>

namespace vs {

// One run of the history file.
struct HistoryEntry {
    QString runId;
    BuildKind kind = BuildKind::Build;
    QString variant;
    QString branch;
    QString commit;
    BuildBackend backend = BuildBackend::Flox;
    QDateTime started;
    qint64 durationMs = 0;
    BuildState outcome = BuildState::Running;
    int exitCode = 0;
    QString logFile;
    QString resultPath; // result link
    QString storePath;
    QString org; // publish: the organisation
    QDateTime publishedAt; // publish: when it succeeded
    qint64 pid = 0; // while running: the build process
    qint64 ownerPid = 0; // while running: the app process that started it
    QString ownerStart; // the owner's start time (tells a reused pid apart)
    QString host; // the builder it ran on ("ssh-ng://builder1"); empty: this machine (null in JSON)
    bool skipped = false; // not built: its outputs already existed
    QString dependencyLog; // never run, its dependency (PyTorch) failed: that build's log (null in JSON)

    QJsonObject toJson() const;
    static HistoryEntry fromJson(const QJsonObject &object);
};

// What the grid shows of a cell's past.
enum class CellOutcome { None, Building, Built, Failed, Published, Interrupted };
QString toString(CellOutcome outcome); // "none" | "building" | "built" | "failed" | "published" | "interrupted"

struct CellHistory {
    CellOutcome outcome = CellOutcome::None;
    HistoryEntry lastBuild; // the latest build run that ended (or runs)
    HistoryEntry lastPublish; // the latest successful publish, if any
};

// The runs of one repository, in <data>/history/<hash of repo root>.json
// ({"version": 1, "repository": ..., "runs": [...]}, oldest first).
//
// A store that cannot lose runs: every change takes <file>.lock (QLockFile; a lock
// left by a process that died is taken over, one older than 30 s counts as stale),
// re-reads the file under the lock, merges the run by id, compacts and writes the file
// atomically (QSaveFile), so the window and any number of command-line builds share it.
// A file that cannot be read as a history (not JSON, wrong shape, runs of wrong types)
// is never replaced silently: readers report it and leave it alone; the next writer
// moves it aside to <file>.broken-<yyyyMMdd-HHmmss>, keeps the valid runs it held and
// says so (warning()). A run that cannot be recorded (folder not writable, lock not
// obtained, unreadable file) is an error: upsert() returns false, lastError() says
// why and recordFailed() is emitted.
// Compaction keeps, per (branch, variant), the newest keepPerCell() build runs (and the
// newest run that decides the cell's outcome), and every publish and running run.
// A run recorded as running whose process or owner is gone reads as interrupted.
class BuildHistory : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultKeepPerCell = 20;
    static constexpr int kDefaultLockTimeoutMs = 15000;
    static constexpr int kStaleLockMs = 30000;

    BuildHistory(const QString &repoRoot, const QString &historyDirectory, QObject *parent = nullptr);

    QString repoRoot() const { return m_repoRoot; }
    QString filePath() const { return m_file; }
    QString lockFilePath() const { return m_file + QStringLiteral(".lock"); }
    QString lastError() const { return m_error; } // of the last reload() or change
    QString lastWarning() const { return m_warning; } // e.g. a broken file moved aside

    // Build runs kept per (branch, variant) when writing; 0 or less keeps everything.
    void setKeepPerCell(int count) { m_keepPerCell = count; }
    int keepPerCell() const { return m_keepPerCell; }
    // How long a change waits for another writer's lock before it fails.
    void setLockTimeout(int ms) { m_lockTimeoutMs = ms; }
    int lockTimeout() const { return m_lockTimeoutMs; }

    // Reads the file; never writes or moves anything. False (and lastError, naming the
    // file) when it exists but cannot be read as a history; entries() then holds its valid runs.
    bool reload();
    QList<HistoryEntry> entries() const { return m_entries; } // oldest first

    void recordStart(const BuildJob &job);
    void recordFinish(const BuildJob &job);
    bool upsert(const HistoryEntry &entry); // false: not recorded (lastError, recordFailed)

    // Per (branch, variant): the latest outcome. Branch "" means the checked-out branch
    // at the time; callers that need it resolved pass it in jobs.
    QHash<QPair<QString, QString>, CellHistory> cells() const;
    CellHistory cell(const QString &branch, const QString &variant) const;

    static HistoryEntry entryFromJob(const BuildJob &job);
    static QString processStartTime(qint64 pid); // empty when the process does not exist

signals:
    void changed();
    void recordFailed(const QString &message); // a run could not be recorded
    void warning(const QString &message); // the run was recorded, but something needs attention

private:
    bool fail(const QString &message);
    static bool isStillRunning(const HistoryEntry &entry);

    QString m_repoRoot;
    QString m_file;
    QString m_error;
    QString m_warning;
    int m_keepPerCell = kDefaultKeepPerCell;
    int m_lockTimeoutMs = kDefaultLockTimeoutMs;
    QList<HistoryEntry> m_entries;
};

} // namespace vs
