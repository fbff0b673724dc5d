#include "support/GitFixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

namespace vs::test {

int runProgram(const QString &program, const QStringList &args, const QString &workDir, QByteArray *stdOut,
               QByteArray *stdErr, int timeoutMs)
{
    QProcess p;
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return -1;
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    if (stdOut)
        *stdOut = p.readAllStandardOutput();
    if (stdErr)
        *stdErr = p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

bool writeExecutable(const QString &path, const QByteArray &body)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write("#!/bin/sh\n" + body) < 0)
        return false;
    f.close();
    return f.setPermissions(f.permissions() | QFileDevice::ExeOwner);
}

GitFixture::GitFixture()
{
    git({QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main")});
    git({QStringLiteral("config"), QStringLiteral("user.name"), QStringLiteral("Variant Studio Test")});
    git({QStringLiteral("config"), QStringLiteral("user.email"), QStringLiteral("test@example.invalid")});
    git({QStringLiteral("config"), QStringLiteral("commit.gpgsign"), QStringLiteral("false")});
}

QString GitFixture::filePath(const QString &relative) const
{
    return QDir(m_dir.path()).filePath(relative);
}

QString GitFixture::revParse(const QString &rev)
{
    QByteArray out;
    if (!git({QStringLiteral("rev-parse"), QStringLiteral("--verify"), QStringLiteral("-q"), rev}, &out))
        return {};
    return QString::fromLatin1(out.trimmed());
}

bool GitFixture::git(const QStringList &args, QByteArray *output)
{
    QByteArray out, err;
    const int code = runProgram(QStringLiteral("git"), args, m_dir.path(), &out, &err);
    if (output)
        *output = out;
    if (code != 0) {
        m_lastError = QStringLiteral("git %1 failed (%2): %3").arg(args.join(QLatin1Char(' '))).arg(code).arg(QString::fromUtf8(err));
        return false;
    }
    return true;
}

bool GitFixture::write(const QString &relative, const QByteArray &content)
{
    const QString full = filePath(relative);
    QDir().mkpath(QFileInfo(full).absolutePath());
    QFile f(full);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(content) == content.size();
}

bool GitFixture::commitAll(const QString &message)
{
    return git({QStringLiteral("add"), QStringLiteral("-A")}) && git({QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), message});
}

QStringList offlineNixOptions()
{
    return {QStringLiteral("--option"), QStringLiteral("build-users-group"), QString(), QStringLiteral("--option"),
            QStringLiteral("sandbox"),  QStringLiteral("false"),                 QStringLiteral("--option"), QStringLiteral("substituters"),
            QString()};
}

} // namespace vs::test
