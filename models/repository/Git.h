#pragma once

#include "system/ProcessRunner.h"

#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

namespace vs {

using GitResult = ProcessResult;

// The one place git is started: the real git (or the configured program, see
// BuildSettings::gitProgram) with argument lists, never a shell, in one folder.
// Messages are forced to English so callers can recognise them, git never asks
// for credentials on a terminal, and reads take no optional lock (git status
// would otherwise refresh the index under the user's feet).
class Git {
public:
    enum class Access {
        Read, // GIT_OPTIONAL_LOCKS=0
        Write, // changes the repository: git takes its locks
    };
    static constexpr int kDefaultTimeoutMs = 120000;

    explicit Git(QString workDir, QString program = QStringLiteral("git"));

    Git &setTimeout(int milliseconds); // per command; ProcessRunner::kNoTimeout waits as long as it takes

    GitResult run(const QStringList &args, Access access = Access::Read) const;
    // The same with bytes on stdin and extra environment (GIT_INDEX_FILE for plumbing
    // on a private index).
    GitResult run(const QStringList &args, const QByteArray &input, const QList<std::pair<QString, QString>> &environment,
        Access access = Access::Write) const;
    // Starts git without waiting, so several commands can run at once; finish() collects.
    std::unique_ptr<QProcess> start(const QStringList &args) const;
    GitResult finish(QProcess &process) const;

    // What HEAD is. A branch without commits yet (a new repository) is still the
    // checked-out branch: its name is given. On a detached HEAD branch is empty.
    struct Head {
        QString branch;
        bool detached = false;
        GitResult result; // the symbolic-ref run: result.started() is false when git could not run
    };
    Head head() const;
    QString currentBranch() const { return head().branch; } // empty: detached, or no repository

    // The object name rev names (rev^{commit} for a commit), or empty when there is none.
    QString revParse(const QString &rev) const;
    bool isRepository() const;
    QString topLevel() const; // empty outside a repository
    GitResult add(const QStringList &paths) const; // git add -- paths
    bool branchExists(const QString &name) const; // a local branch with a commit

    const QString &workDir() const { return m_workDir; }
    const QString &program() const { return m_program; }

private:
    ProcessRunner runner(const QStringList &args, Access access) const;

    QString m_workDir;
    QString m_program;
    int m_timeoutMs = kDefaultTimeoutMs;
};

} // namespace vs
