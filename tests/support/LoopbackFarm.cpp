#include "support/LoopbackFarm.h"
#include "support/GitFixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QThread>

#include <csignal>
#include <unistd.h>

namespace vs::test {

namespace {
constexpr const char *kSshd = "/usr/sbin/sshd";

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}
} // namespace

LoopbackFarm::LoopbackFarm() = default;

LoopbackFarm::~LoopbackFarm()
{
    stop();
}

QString LoopbackFarm::unavailableReason()
{
    if (::geteuid() != 0)
        return QStringLiteral("loopback builders need root (sshd, mount namespaces)");
    if (!QFileInfo(QString::fromLatin1(kSshd)).isExecutable())
        return QStringLiteral("no %1 (package openssh-server)").arg(QString::fromLatin1(kSshd));
    for (const char *program : { "ssh", "ssh-keygen", "unshare", "nix-daemon" })
        if (QStandardPaths::findExecutable(QString::fromLatin1(program)).isEmpty())
            return QStringLiteral("no %1 on PATH").arg(QString::fromLatin1(program));
    return {};
}

QString LoopbackFarm::machineLine(const QString &name, int jobs, const QString &features)
{
    return QStringLiteral("ssh-ng://%1 x86_64-linux - %2 1 %3").arg(name).arg(jobs).arg(features);
}

QString LoopbackFarm::sshOptions() const
{
    return QStringLiteral("-F %1").arg(m_dir.filePath(QStringLiteral("ssh_config")));
}

QString LoopbackFarm::storeOf(const QString &name) const
{
    return m_dir.filePath(name + QStringLiteral("/store"));
}

bool LoopbackFarm::listening(int port)
{
    // /proc/net/tcp: "sl local_address rem_address st …"; 127.0.0.1 is 0100007F, LISTEN is 0A.
    QFile f(QStringLiteral("/proc/net/tcp"));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray wanted = QStringLiteral("0100007F:%1").arg(port, 4, 16, QLatin1Char('0')).toUpper().toLatin1();
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QList<QByteArray> cols = line.simplified().split(' ');
        if (cols.size() > 3 && cols[1] == wanted && cols[3] == "0A")
            return true;
    }
    return false;
}

int LoopbackFarm::unusedPort()
{
    for (;;) {
        const int port = int(QRandomGenerator::global()->bounded(20000, 60000));
        if (!listening(port))
            return port;
    }
}

bool LoopbackFarm::writeClientConfig()
{
    const QString key = m_dir.filePath(QStringLiteral("client_key"));
    if (!QFile::exists(key)) {
        for (const QString &k : { key, m_dir.filePath(QStringLiteral("host_key")) })
            if (runProgram(QStringLiteral("ssh-keygen"),
                    { QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"), QString(),
                        QStringLiteral("-f"), k })
                != 0) {
                m_error = QStringLiteral("ssh-keygen failed");
                return false;
            }
        QFile::copy(key + QStringLiteral(".pub"), m_dir.filePath(QStringLiteral("authorized_keys")));
    }
    return writeFile(m_dir.filePath(QStringLiteral("ssh_config")), m_hostEntries.join(QString()).toUtf8());
}

void LoopbackFarm::addDownBuilder(const QString &name)
{
    // Nothing listens there: ssh's own "Connection refused".
    m_hostEntries << QStringLiteral("Host %1\n  HostName 127.0.0.1\n  Port %2\n  User root\n  ConnectTimeout 5\n  BatchMode yes\n")
                         .arg(name)
                         .arg(unusedPort());
    writeClientConfig();
}

bool LoopbackFarm::addBuilder(const QString &name, const QString &features)
{
    if (const QString why = unavailableReason(); !why.isEmpty()) {
        m_error = why;
        return false;
    }
    const QString home = m_dir.filePath(name);
    QDir().mkpath(home + QStringLiteral("/store"));
    // The store's state folders made now, as Nix makes them when it first opens a store:
    // two first connections at once (a builder of two slots) would otherwise both create
    // gcroots/profiles, and the one that loses ("File exists") ends its daemon and its build.
    QDir().mkpath(home + QStringLiteral("/store/var/nix/profiles"));
    QDir().mkpath(home + QStringLiteral("/store/var/nix/gcroots"));
    QFile::link(QStringLiteral("/nix/var/nix/profiles"), home + QStringLiteral("/store/var/nix/gcroots/profiles"));
    // Each connection: a mount namespace of its own with the builder's store at /nix
    // (Debian's Nix lives in /usr, so an empty /nix is a fresh store), its own nix.conf
    // (the root's, trusting root, with its features), then what the client asked for
    // (nix-daemon --stdio, nix-store --serve), as sshd would run it.
    QDir().mkpath(home + QStringLiteral("/etc"));
    const QByteArray conf = QStringLiteral("!include /etc/nix/nix.conf\ntrusted-users = root\nsystem-features = %1\n")
                                .arg(QString(features).replace(QLatin1Char(','), QLatin1Char(' ')))
                                .toUtf8();
    if (!writeFile(home + QStringLiteral("/etc/nix.conf"), conf)) {
        m_error = QStringLiteral("cannot write %1/etc/nix.conf").arg(home);
        return false;
    }
    const QByteArray wrapper = QStringLiteral("exec unshare --mount --propagation unchanged sh -c 'mount --bind %1/store /nix && "
                                              "NIX_CONF_DIR=%1/etc exec sh -c \"$SSH_ORIGINAL_COMMAND\"'\n")
                                   .arg(home)
                                   .toUtf8();
    if (!writeExecutable(home + QStringLiteral("/connection.sh"), wrapper)) {
        m_error = QStringLiteral("cannot write %1/connection.sh").arg(home);
        return false;
    }
    for (int attempt = 0; attempt < 5; ++attempt) {
        auto builder = std::make_shared<Builder>();
        builder->name = name;
        builder->port = unusedPort();
        const QString config
            = QStringLiteral("ListenAddress 127.0.0.1\nPort %1\nHostKey %2\nPidFile none\nAuthorizedKeysFile %3\n"
                             "PermitRootLogin prohibit-password\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n"
                             "StrictModes no\nUsePAM no\nLogLevel ERROR\nMaxStartups 100\nMaxSessions 100\nForceCommand %4\n")
                  .arg(builder->port)
                  .arg(m_dir.filePath(QStringLiteral("host_key")), m_dir.filePath(QStringLiteral("authorized_keys")),
                      home + QStringLiteral("/connection.sh"));
        m_hostEntries << QStringLiteral("Host %1\n  HostName 127.0.0.1\n  Port %2\n  User root\n  IdentityFile %3\n  IdentitiesOnly yes\n"
                                        "  StrictHostKeyChecking no\n  UserKnownHostsFile /dev/null\n  LogLevel ERROR\n  BatchMode yes\n"
                                        "  ConnectTimeout 5\n"
                                        // One connection per builder for every build (as a user would set it
                                        // up): no ssh handshake and login per build. The master ends when its
                                        // sshd does (stop()).
                                        "  ControlMaster auto\n  ControlPath %4/cm-%C\n  ControlPersist 60\n")
                             .arg(name)
                             .arg(builder->port)
                             .arg(m_dir.filePath(QStringLiteral("client_key")), m_dir.path());
        if (!writeClientConfig() || !writeFile(home + QStringLiteral("/sshd_config"), config.toUtf8()))
            return false;
        QDir().mkpath(QStringLiteral("/run/sshd")); // sshd's privilege separation folder
        builder->sshd = std::make_unique<QProcess>();
        builder->sshd->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        builder->sshd->start(QString::fromLatin1(kSshd),
            { QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"), home + QStringLiteral("/sshd_config") });
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 10000 && builder->sshd->state() != QProcess::NotRunning && !listening(builder->port))
            builder->sshd->waitForFinished(50);
        if (listening(builder->port)) {
            m_builders << builder;
            return true;
        }
        m_hostEntries.removeLast(); // the port was taken meanwhile: another one
        killTree(builder->sshd->processId());
        builder->sshd->waitForFinished(2000);
    }
    m_error = QStringLiteral("sshd for %1 did not start listening").arg(name);
    return false;
}

void LoopbackFarm::killTree(qint64 pid)
{
    if (pid <= 0)
        return;
    // Every descendant, found through /proc's parent links: the connections, their
    // namespaces' shells and nix-daemons. Children first, so none is re-parented unseen.
    QHash<qint64, QList<qint64>> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &e : entries) {
        bool ok = false;
        const qint64 p = e.toLongLong(&ok);
        if (!ok)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(e));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1)
            children[fields[1].toLongLong()].append(p);
    }
    QList<qint64> order { pid };
    for (qsizetype i = 0; i < order.size(); ++i)
        order += children.value(order[i]);
    for (qsizetype i = order.size() - 1; i >= 0; --i)
        ::kill(pid_t(order[i]), SIGKILL);
}

void LoopbackFarm::killBuilder(const QString &name)
{
    for (const auto &b : std::as_const(m_builders))
        if (b->name == name && b->sshd && b->sshd->state() != QProcess::NotRunning) {
            killTree(b->sshd->processId());
            b->sshd->waitForFinished(5000);
        }
}

void LoopbackFarm::stop()
{
    for (const auto &b : std::as_const(m_builders))
        killBuilder(b->name);
    m_builders.clear();
}

} // namespace vs::test
