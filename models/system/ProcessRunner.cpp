#include "system/ProcessRunner.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>

#include <signal.h>
#include <unistd.h>

namespace vs {

namespace {

// How often a running program's cancel flag and deadline are looked at.
constexpr int kPollMs = 50;
constexpr int kStartMs = 30000;
constexpr int kMessageArgumentsChars = 200;

// SIGKILL to the program's whole group (it leads one: see start()), so its own
// children go with it.
void killGroup(QProcess &process)
{
    const qint64 pid = process.processId();
    if (pid > 0)
        ::kill(-pid_t(pid), SIGKILL);
    process.kill();
    process.waitForFinished(5000);
}

} // namespace

QString ProcessResult::errorText() const
{
    if (error == ProcessError::ExitedNonZero) {
        const QString text = QString::fromUtf8(err).trimmed();
        if (!text.isEmpty())
            return text;
    }
    return message;
}

QString ProcessResult::outText() const
{
    QString text = QString::fromUtf8(out);
    while (text.endsWith(QLatin1Char('\n')) || text.endsWith(QLatin1Char('\r')))
        text.chop(1);
    return text;
}

ProcessRunner::ProcessRunner(QString program, QStringList arguments)
    : m_program(std::move(program))
    , m_arguments(std::move(arguments))
{
}

ProcessRunner &ProcessRunner::setArguments(QStringList arguments)
{
    m_arguments = std::move(arguments);
    return *this;
}

ProcessRunner &ProcessRunner::setWorkingDirectory(QString directory)
{
    m_workingDirectory = std::move(directory);
    return *this;
}

ProcessRunner &ProcessRunner::addEnvironment(const QString &name, const QString &value)
{
    m_environment.append({ name, value });
    return *this;
}

ProcessRunner &ProcessRunner::setTimeout(int milliseconds)
{
    m_timeoutMs = milliseconds;
    return *this;
}

ProcessRunner &ProcessRunner::setCancel(std::function<bool()> cancelled)
{
    m_cancelled = std::move(cancelled);
    return *this;
}

ProcessRunner &ProcessRunner::setCancel(const std::atomic<bool> *cancelled)
{
    if (cancelled)
        m_cancelled = [cancelled] { return cancelled->load(); };
    else
        m_cancelled = nullptr;
    return *this;
}

ProcessRunner &ProcessRunner::setInput(QByteArray input)
{
    m_input = std::move(input);
    return *this;
}

QString ProcessRunner::describe(const QString &program, const QStringList &arguments)
{
    QString args = arguments.join(QLatin1Char(' '));
    if (args.size() > kMessageArgumentsChars)
        args = args.left(kMessageArgumentsChars) + QStringLiteral("…");
    return args.isEmpty() ? program : program + QLatin1Char(' ') + args;
}

bool ProcessRunner::isExecutable(const QString &program)
{
    if (program.isEmpty())
        return false;
    if (program.contains(QLatin1Char('/'))) {
        const QFileInfo info(program);
        return info.isFile() && info.isExecutable();
    }
    return !QStandardPaths::findExecutable(program).isEmpty();
}

std::unique_ptr<QProcess> ProcessRunner::start() const
{
    auto process = std::make_unique<QProcess>();
    if (!m_workingDirectory.isEmpty())
        process->setWorkingDirectory(m_workingDirectory);
    if (!m_environment.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const auto &[name, value] : m_environment)
            env.insert(name, value);
        process->setProcessEnvironment(env);
    }
    // Its own process group: a timeout or cancel can end what it started too.
    process->setChildProcessModifier([] { ::setpgid(0, 0); });
#if QT_VERSION >= QT_VERSION_CHECK(6, 7, 0)
    // setpgid is async-signal-safe, so the child may start through vfork: a fork
    // copies this process's page tables first, which made every git question of a
    // scan cost about a millisecond more.
    process->setUnixProcessParameters(QProcess::UnixProcessFlag::UseVFork);
#endif
    process->start(m_program, m_arguments);
    return process;
}

ProcessResult ProcessRunner::finish(QProcess &process) const
{
    ProcessResult result;
    // A program that never ran is named alone: its arguments do not matter then.
    if (!process.waitForStarted(kStartMs)) {
        if (!isExecutable(process.program())) {
            result.error = ProcessError::NotFound;
            result.message = QStringLiteral("cannot run %1: no such program, or not executable").arg(process.program());
        } else {
            result.error = ProcessError::FailedToStart;
            result.message = QStringLiteral("could not start %1: %2").arg(process.program(), process.errorString());
        }
        return result;
    }
    const QString command = describe(process.program(), process.arguments());
    if (!m_input.isEmpty())
        process.write(m_input);
    process.closeWriteChannel(); // after the input is written: the program sees its end

    QElapsedTimer clock;
    clock.start();
    // Waiting also drains stdout and stderr into QProcess's buffers, so a large output cannot block the program.
    while (process.state() != QProcess::NotRunning && !process.waitForFinished(kPollMs)) {
        if (process.state() == QProcess::NotRunning)
            break;
        if (m_cancelled && m_cancelled()) {
            killGroup(process);
            result.error = ProcessError::Cancelled;
            result.message = QStringLiteral("%1 was cancelled").arg(command);
            break;
        }
        if (m_timeoutMs != kNoTimeout && clock.elapsed() >= m_timeoutMs) {
            killGroup(process);
            result.error = ProcessError::TimedOut;
            result.message = QStringLiteral("%1 did not finish within %2 s").arg(command).arg(m_timeoutMs / 1000.0, 0, 'g', 3);
            break;
        }
    }
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    if (result.error == ProcessError::Cancelled || result.error == ProcessError::TimedOut)
        return result;
    if (process.exitStatus() != QProcess::NormalExit) {
        result.error = ProcessError::Crashed;
        result.message = QStringLiteral("%1 crashed").arg(command);
    } else if (process.exitCode() != 0) {
        result.exitCode = process.exitCode();
        result.error = ProcessError::ExitedNonZero;
        result.message = QStringLiteral("%1 exited with status %2").arg(command).arg(result.exitCode);
    } else {
        result.exitCode = 0;
        result.error = ProcessError::None;
    }
    return result;
}

ProcessResult ProcessRunner::run() const
{
    const std::unique_ptr<QProcess> process = start();
    return finish(*process);
}

} // namespace vs
