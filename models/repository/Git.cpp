#include "repository/Git.h"

#include <QProcessEnvironment>

namespace vs {

QString GitResult::errorText() const
{
    if (!started)
        return QStringLiteral("could not run git (is it installed?)");
    const QString e = QString::fromUtf8(err).trimmed();
    return e.isEmpty() ? QStringLiteral("git exited with status %1").arg(exitCode) : e;
}

Git::Git(QString workDir)
    : m_workDir(std::move(workDir))
{
}

std::unique_ptr<QProcess> Git::start(const QStringList &args) const
{
    auto p = std::make_unique<QProcess>();
    p->setWorkingDirectory(m_workDir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    env.insert(QStringLiteral("GIT_TERMINAL_PROMPT"), QStringLiteral("0"));
    // A scan only reads: never take index.lock (git status would refresh the index).
    env.insert(QStringLiteral("GIT_OPTIONAL_LOCKS"), QStringLiteral("0"));
    p->setProcessEnvironment(env);
    p->start(QStringLiteral("git"), args);
    return p;
}

GitResult Git::finish(QProcess &p, int timeoutMs)
{
    GitResult r;
    r.started = p.waitForStarted(30000);
    if (!r.started)
        return r;
    p.closeWriteChannel();
    // QProcess drains the pipes into its buffers while it waits: large outputs are fine.
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "git timed out";
        return r;
    }
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return r;
}

GitResult Git::run(const QStringList &args, int timeoutMs) const
{
    auto p = start(args);
    return finish(*p, timeoutMs);
}

} // namespace vs
