#pragma once

#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace vs::test {

// Real remote builders on loopback, for the farm tests. Each builder is Debian's
// sshd on 127.0.0.1 (its own port, generated host and client keys, root only,
// every file in a temporary folder). A connection runs in its own mount namespace
// with a private, initially empty store folder bound over /nix, so the builder
// has a store of its own (one that shared ours would deadlock on its locks), and
// is trusted (trusted-users = root). Clients reach the builders by name through
// an ssh config file: sshOptions() is what NIX_SSHOPTS must hold.
//
// Everything it starts it stops (on stop() or destruction): sshd and every
// process below it. Nothing is mounted outside the connections' own namespaces.
class LoopbackFarm {
public:
    LoopbackFarm();
    ~LoopbackFarm();
    LoopbackFarm(const LoopbackFarm &) = delete;
    LoopbackFarm &operator=(const LoopbackFarm &) = delete;

    // Why the farm cannot run here (no sshd, no unshare, not root); empty when it can.
    static QString unavailableReason();

    // Starts a builder called `name` that supports `features` (comma-separated);
    // false (and error()) when it did not come up.
    bool addBuilder(const QString &name, const QString &features = QStringLiteral("big-parallel"));
    // A host name that leads to a closed port on 127.0.0.1: a builder that is down.
    void addDownBuilder(const QString &name);
    // Kills builder `name`'s sshd and everything below it: connections drop, new ones are refused.
    void killBuilder(const QString &name);
    void stop(); // every builder

    QString sshOptions() const; // "-F <ssh_config>"
    QString storeOf(const QString &name) const; // the builder's own /nix
    QString error() const { return m_error; }
    // A machines line for builder `name`: ssh-ng://name x86_64-linux - JOBS 1 FEATURES
    static QString machineLine(const QString &name, int jobs = 1, const QString &features = QStringLiteral("big-parallel"));

private:
    struct Builder {
        QString name;
        int port = 0;
        std::unique_ptr<QProcess> sshd;
    };
    bool writeClientConfig();
    static void killTree(qint64 pid);
    static bool listening(int port);
    static int unusedPort();

    QTemporaryDir m_dir;
    QList<std::shared_ptr<Builder>> m_builders;
    QStringList m_hostEntries;
    QString m_error;
};

} // namespace vs::test
