// Stand-in for Flox in tests: `flox build <pkg>` and `flox publish -o ORG <pkg>`,
// printing coloured output and refusing to publish the way Flox does
// (dirty tracked files, no remote, commit not pushed). A package whose name
// contains "fail" fails to build; one containing "slow" builds for a long time;
// one containing "grandchild" starts a worker process (its pid written to
// ./grandchild.pid) and then builds for a long time, like a real build tool.
// Like Flox, an argument that begins with '-' before "--" is an option.
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QThread>

#include <cstdio>
#include <unistd.h>

namespace {

void say(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

int error(const QByteArray &message, int code = 1)
{
    const QByteArray line = "\x1b[1;31m❌ ERROR:\x1b[0m " + message + "\n";
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    return code;
}

int git(const QStringList &args, QByteArray *out = nullptr)
{
    QProcess p;
    p.start(QStringLiteral("git"), args);
    if (!p.waitForFinished(60000))
        return -1;
    if (out)
        *out = p.readAllStandardOutput().trimmed();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

QByteArray fakeHash(const QString &pkg)
{
    const QByteArray hex = QCryptographicHash::hash(pkg.toUtf8(), QCryptographicHash::Sha1).toHex();
    QByteArray hash;
    for (int i = 0; i < 32; ++i) // Nix's base32 alphabet has no e, o, u, t
        hash += "0123456789abcdfghijklmnpqrsvwxyz"[uchar(hex[i % hex.size()]) % 32];
    return hash;
}

int build(const QString &pkg)
{
    if (!QFileInfo::exists(QStringLiteral(".flox/pkgs/%1.nix").arg(pkg))
        && !QFileInfo::exists(QStringLiteral(".flox/pkgs/%1/default.nix").arg(pkg)))
        return error("Package '" + pkg.toUtf8() + "' not found in .flox/pkgs");
    const QByteArray name = pkg.toUtf8();
    say("\x1b[1mBuilding " + name + "\x1b[0m in local mode");
    say("this derivation will be built:");
    say("  /nix/store/" + fakeHash(pkg) + "-" + name + ".drv");
    say("building '/nix/store/" + fakeHash(pkg) + "-" + name + ".drv'...");
    say("\x1b[32mcompiling\x1b[0m \x1b[38;5;208m42\x1b[0m objects");
    if (pkg.contains(QLatin1String("grandchild"))) {
        const pid_t worker = ::fork();
        if (worker == 0) {
            ::execlp("sleep", "sleep", "600", static_cast<char *>(nullptr));
            ::_exit(127);
        }
        QFile pidFile(QStringLiteral("grandchild.pid"));
        pidFile.open(QIODevice::WriteOnly);
        pidFile.write(QByteArray::number(qint64(worker)));
        pidFile.close();
        say("started worker " + QByteArray::number(qint64(worker)));
    }
    if (pkg.contains(QLatin1String("slow")) || pkg.contains(QLatin1String("grandchild")))
        QThread::sleep(600);
    if (pkg.contains(QLatin1String("fail"))) {
        say("make: *** [Makefile:12: all] Error 2");
        return error("Build of " + name + " failed (builder exited with code 2)", 2);
    }
    const QString out = QDir::temp().filePath(QStringLiteral("flox-stand-in-store/%1-%2").arg(QString::fromLatin1(fakeHash(pkg)), pkg));
    QDir().mkpath(out);
    QFile marker(out + QStringLiteral("/built"));
    marker.open(QIODevice::WriteOnly);
    const QString link = QStringLiteral("result-%1").arg(pkg);
    QFile::remove(link);
    if (!QFile::link(out, link))
        return error("could not create " + link.toUtf8());
    say("\x1b[32m✅ Build completed successfully.\x1b[0m Output created: ./" + link.toUtf8());
    return 0;
}

int publish(const QString &org, const QString &pkg)
{
    if (git({ QStringLiteral("rev-parse"), QStringLiteral("--git-dir") }) != 0)
        return error("Publishing requires a git repository.");
    const QString recipe = QStringLiteral(".flox/pkgs/%1.nix").arg(pkg);
    if (git({ QStringLiteral("ls-files"), QStringLiteral("--error-unmatch"), recipe }) != 0)
        return error("Package '" + pkg.toUtf8() + "' is not tracked by git: commit " + recipe.toUtf8() + " first.");
    QByteArray dirty;
    git({ QStringLiteral("status"), QStringLiteral("--porcelain"), QStringLiteral("--untracked-files=no") }, &dirty);
    if (!dirty.isEmpty())
        return error("Build repository must be clean, but has dirty tracked files:\n" + dirty);
    QByteArray remotes;
    git({ QStringLiteral("remote") }, &remotes);
    if (remotes.isEmpty())
        return error("The build repository must have at least one remote configured.");
    QByteArray containing;
    git({ QStringLiteral("branch"), QStringLiteral("-r"), QStringLiteral("--contains"), QStringLiteral("HEAD") }, &containing);
    if (containing.isEmpty())
        return error("The current commit is not present on the remote. Push your changes first.");
    say("Building " + pkg.toUtf8() + " for publishing...");
    say("\x1b[32m✅ Package '" + pkg.toUtf8() + "' published to '" + org.toUtf8() + "'.\x1b[0m");
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    if (args.value(0) == QLatin1String("--version")) {
        say("1.0.0 (variant-studio test stand-in)");
        return 0;
    }
    if (args.value(0) == QLatin1String("build")) {
        QStringList names;
        bool optionsEnded = false;
        for (int i = 1; i < args.size(); ++i) {
            if (!optionsEnded && args[i] == QLatin1String("--"))
                optionsEnded = true;
            else if (!optionsEnded && args[i].startsWith(QLatin1Char('-')))
                return error("unexpected option " + args[i].toUtf8(), 2);
            else
                names << args[i];
        }
        if (names.size() != 1)
            return error("usage: flox build [--] <package>", 2);
        return build(names.first());
    }
    if (args.value(0) == QLatin1String("publish")) {
        QString org, pkg;
        bool optionsEnded = false;
        for (int i = 1; i < args.size(); ++i) {
            if (!optionsEnded && args[i] == QLatin1String("--"))
                optionsEnded = true;
            else if (!optionsEnded && (args[i] == QLatin1String("-o") || args[i] == QLatin1String("--org")))
                org = args.value(++i);
            else if (!optionsEnded && args[i].startsWith(QLatin1Char('-')))
                return error("unexpected option " + args[i].toUtf8(), 2);
            else
                pkg = args[i];
        }
        if (org.isEmpty() || pkg.isEmpty())
            return error("usage: flox publish -o <org> <package>", 2);
        return publish(org, pkg);
    }
    return error("unsupported arguments: " + args.join(QLatin1Char(' ')).toUtf8(), 2);
}
