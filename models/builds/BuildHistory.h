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

// The runs of one repository, in <data>/history/<hash of repo root>.json.
// Every change re-reads the file, merges by run id and writes it back atomically
// (QSaveFile), so the window and a command-line build can share one file.
// A run recorded as running whose process or owner is gone reads as interrupted.
class BuildHistory : public QObject {
    Q_OBJECT
public:
    BuildHistory(const QString &repoRoot, const QString &historyDirectory, QObject *parent = nullptr);

    QString repoRoot() const { return m_repoRoot; }
    QString filePath() const { return m_file; }
    QString lastError() const { return m_error; }

    bool reload(); // false (and lastError) when the file exists but cannot be read
    QList<HistoryEntry> entries() const { return m_entries; } // oldest first

    void recordStart(const BuildJob &job);
    void recordFinish(const BuildJob &job);
    bool upsert(const HistoryEntry &entry);

    // Per (branch, variant): the latest outcome. Branch "" means the checked-out branch
    // at the time; callers that need it resolved pass it in jobs.
    QHash<QPair<QString, QString>, CellHistory> cells() const;
    CellHistory cell(const QString &branch, const QString &variant) const;

    static HistoryEntry entryFromJob(const BuildJob &job);
    static QString processStartTime(qint64 pid); // empty when the process does not exist

signals:
    void changed();

private:
    bool load(QList<HistoryEntry> *entries, QString *error) const;
    bool save();
    static bool isStillRunning(const HistoryEntry &entry);

    QString m_repoRoot;
    QString m_file;
    QString m_error;
    QList<HistoryEntry> m_entries;
};

} // namespace vs
