#include "repository/Git.h"

#include <QProcess>

namespace vs {

Git::Git(QString workDir, QString program)
    : m_workDir(std::move(workDir))
    , m_program(program.isEmpty() ? QStringLiteral("git") : std::move(program))
{
}

Git &Git::setTimeout(int milliseconds)
{
    m_timeoutMs = milliseconds;
    return *this;
}

ProcessRunner Git::runner(const QStringList &args, Access access) const
{
    ProcessRunner runner(m_program, args);
    runner.setWorkingDirectory(m_workDir)
        .setTimeout(m_timeoutMs)
        .addEnvironment(QStringLiteral("LC_ALL"), QStringLiteral("C"))
        .addEnvironment(QStringLiteral("GIT_TERMINAL_PROMPT"), QStringLiteral("0"));
    if (access == Access::Read)
        runner.addEnvironment(QStringLiteral("GIT_OPTIONAL_LOCKS"), QStringLiteral("0"));
    return runner;
}

GitResult Git::run(const QStringList &args, Access access) const
{
    return runner(args, access).run();
}

GitResult Git::run(
    const QStringList &args, const QByteArray &input, const QList<std::pair<QString, QString>> &environment, Access access) const
{
    ProcessRunner r = runner(args, access);
    r.setInput(input);
    for (const auto &[name, value] : environment)
        r.addEnvironment(name, value);
    return r.run();
}

std::unique_ptr<QProcess> Git::start(const QStringList &args) const
{
    return runner(args, Access::Read).start();
}

GitResult Git::finish(QProcess &process) const
{
    return runner({}, Access::Read).finish(process);
}

Git::Head Git::head() const
{
    Head head;
    // The full name: --short would turn "main" into "heads/main" when a tag is called "main" too.
    head.result = run({ QStringLiteral("symbolic-ref"), QStringLiteral("-q"), QStringLiteral("HEAD") });
    const QString ref = head.result.outText();
    if (head.result.ok() && ref.startsWith(QLatin1String("refs/heads/")))
        head.branch = ref.mid(int(qstrlen("refs/heads/")));
    // -q: exit status 1 without a word means HEAD is no symbolic ref (128: no repository).
    head.detached = head.result.error == ProcessError::ExitedNonZero && head.result.exitCode == 1;
    return head;
}

QString Git::revParse(const QString &rev) const
{
    const GitResult r
        = run({ QStringLiteral("rev-parse"), QStringLiteral("--verify"), QStringLiteral("-q"), QStringLiteral("--end-of-options"), rev });
    return r.ok() ? r.outText() : QString();
}

bool Git::isRepository() const
{
    return run({ QStringLiteral("rev-parse"), QStringLiteral("--git-dir") }).ok();
}

QString Git::topLevel() const
{
    const GitResult r = run({ QStringLiteral("rev-parse"), QStringLiteral("--show-toplevel") });
    return r.ok() ? r.outText() : QString();
}

GitResult Git::add(const QStringList &paths) const
{
    return run(QStringList { QStringLiteral("add"), QStringLiteral("--") } + paths, Access::Write);
}

bool Git::branchExists(const QString &name) const
{
    return !name.isEmpty() && !revParse(QStringLiteral("refs/heads/") + name + QStringLiteral("^{commit}")).isEmpty();
}

} // namespace vs
