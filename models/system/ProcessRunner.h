#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

class QProcess;

namespace vs {

enum class ProcessError {
    None,
    NotFound, // missing or not executable
    FailedToStart,
    TimedOut,
    Cancelled,
    Crashed, // ended by a signal
    ExitedNonZero,
};

struct ProcessResult {
    ProcessError error = ProcessError::FailedToStart;
    int exitCode = -1; // -1 unless the program exited by itself
    QByteArray out;
    QByteArray err;
    QString message; // what went wrong, naming the command; empty on success

    bool ok() const { return error == ProcessError::None; }
    // The program ran (whatever its exit status): its own stderr is worth reading.
    bool started() const { return error != ProcessError::NotFound && error != ProcessError::FailedToStart; }
    // stderr trimmed when the program failed and said why; otherwise message.
    QString errorText() const;
    // stdout as text without its trailing newlines.
    QString outText() const;
};

// The one way to run a short program to its end: argument list (never a shell),
// environment additions, working directory, stdin bytes, timeout and cancel,
// with stdout and stderr captured and a typed result. Blocking: call it from a
// worker thread (QtConcurrent) when the UI must not wait. The program gets its
// own process group, and on timeout or cancel the whole group is killed, so
// what it started does not live on.
//
// Not for long-lived or streaming processes: CatFileBatch (one `git cat-file
// --batch` fed and read for a whole scan) and BuildRunner (build output streamed
// asynchronously, cancel with a grace period) manage their QProcess themselves.
class ProcessRunner {
public:
    static constexpr int kNoTimeout = -1;

    explicit ProcessRunner(QString program, QStringList arguments = {});

    ProcessRunner &setArguments(QStringList arguments);
    ProcessRunner &setWorkingDirectory(QString directory);
    ProcessRunner &addEnvironment(const QString &name, const QString &value); // on top of this process's environment
    ProcessRunner &setTimeout(int milliseconds); // kNoTimeout: wait as long as it takes
    ProcessRunner &setCancel(std::function<bool()> cancelled); // polled while the program runs
    ProcessRunner &setCancel(const std::atomic<bool> *cancelled); // must outlive run()
    ProcessRunner &setInput(QByteArray input); // written to stdin, which is then closed

    const QString &program() const { return m_program; }
    const QStringList &arguments() const { return m_arguments; }

    ProcessResult run() const;

    // Starts without waiting, so several programs can run at once; finish()
    // collects the result with this runner's timeout and cancel. The process
    // is in its own process group as with run(); stdin stays open until finish().
    std::unique_ptr<QProcess> start() const;
    ProcessResult finish(QProcess &process) const;

    // "program arg …" for messages only (shortened; never run by a shell).
    static QString describe(const QString &program, const QStringList &arguments);
    // Whether program (a path, or a name looked up on PATH) is an executable file.
    static bool isExecutable(const QString &program);

private:
    QString m_program;
    QStringList m_arguments;
    QString m_workingDirectory;
    QList<QPair<QString, QString>> m_environment;
    int m_timeoutMs = 120000;
    std::function<bool()> m_cancelled;
    QByteArray m_input;
};

} // namespace vs
