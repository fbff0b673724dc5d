#pragma once

#include "builds/AnsiText.h"
#include "builds/BuildJob.h"
#include "builds/BuildSettings.h"
#include "builds/LineSplitter.h"
#include "builds/NixLogParser.h"

#include <QFile>
#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QTimer>

namespace vs {

// Runs ONE job: prepares where it builds (worktree off the UI thread), starts
// flox or nix-build with an argument list in its own process group, streams the
// merged output as parsed lines, writes the whole log to a file, and reports the
// outcome. Cancel sends SIGTERM to the whole group, SIGKILL after a grace period.
class BuildRunner : public QObject {
    Q_OBJECT
public:
    explicit BuildRunner(BuildSettings settings, QObject *parent = nullptr);
    ~BuildRunner() override; // kills a still-running group: no orphans

    void start(const BuildJob &job);
    const BuildJob &job() const { return m_job; }
    bool isActive() const { return m_active; }

    // Program and arguments for a job (no shell involved); exposed for tests and the UI.
    // The nix backend asks for Nix's internal-json log (host, phase, progress) and gets
    // the farm settings as --option too.
    static QStringList arguments(const BuildJob &job, const BuildSettings &settings);
    static QString program(const BuildJob &job, const BuildSettings &settings);
    // Empty when the program can be run; otherwise a message naming it and what to
    // install (or that the file there is not executable).
    static QString missingProgramMessage(const QString &program, BuildBackend backend);
    // Empty when the job's variant (and organisation) may be handed to flox or nix.
    static QString requestProblem(const BuildJob &job);
    // "building '/nix/store/<hash>-name.drv'..." → "name"; empty when the line is not that.
    static QString stepFromLine(const QString &line);
    // The environment variables a job's process gets on top of ours (NIX_CONFIG for the farm).
    static QList<QPair<QString, QString>> environment(const BuildSettings &settings);

    static constexpr int kLastLines = 30;
    // Output is handed on at most this often: few large batches keep a view's
    // per-batch work (layout, scrolling, painting) from dominating.
    static constexpr int kBatchIntervalMs = 25;

public slots:
    void cancel();
    // For quitting: terminate, wait up to graceMs, kill; returns once the process is gone.
    void terminateAndWait(int graceMs);

signals:
    void jobStarted(const vs::BuildJob &job); // the process runs (pid, workDir, commit known)
    void linesReady(const vs::LogLines &lines);
    void stepChanged(const QString &step);
    void progressChanged(const vs::BuildJob &job); // host, phase or derivations done/expected
    void finished(const vs::BuildJob &job); // state is final

private:
    void launch();
    void onReadyRead();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onError(QProcess::ProcessError error);
    void finish(BuildState state, const QString &message = {}, BuildError error = BuildError::None);
    void signalGroup(int signal);
    void addLine(QByteArrayView raw);
    void flushLines();

    BuildSettings m_settings;
    BuildJob m_job;
    QProcess *m_process = nullptr;
    QFile m_log;
    LineSplitter m_splitter;
    AnsiParser m_parser;
    NixLogParser m_nixLog;
    QTimer m_killTimer;
    QTimer m_batchTimer;
    LogLines m_pending;
    qint64 m_pgid = 0;
    bool m_active = false;
    bool m_cancelRequested = false;
    qint64 m_startMs = 0;
};

} // namespace vs
