#include "farm/FarmCheck.h"
#include "farm/MachinesFile.h"

#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtConcurrent/QtConcurrentRun>
#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace vs;

// The builders' check runs side by side: builders that hang cost one timeout, not one each.
class TestFarmCheck : public QObject {
    Q_OBJECT

    // A server on 127.0.0.1 that takes connections (the kernel completes them) and never
    // says a word: ssh waits for its banner until the check's timeout ends it.
    struct SilentServer {
        int fd = -1;
        int port = 0;
        SilentServer()
        {
            fd = ::socket(AF_INET, SOCK_STREAM, 0);
            sockaddr_in address {};
            address.sin_family = AF_INET;
            address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            socklen_t length = sizeof address;
            if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr *>(&address), length) != 0 || ::listen(fd, 16) != 0
                || ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) != 0)
                return;
            port = ntohs(address.sin_port);
        }
        ~SilentServer()
        {
            if (fd >= 0)
                ::close(fd);
        }
    };

private slots:
    void hangingBuildersTimeOutSideBySide()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("nix")).isEmpty()
            || QStandardPaths::findExecutable(QStringLiteral("ssh")).isEmpty())
            QSKIP("needs nix and ssh");
        SilentServer first, second;
        QVERIFY(first.port > 0 && second.port > 0);
        QTemporaryDir dir;
        QFile config(dir.filePath(QStringLiteral("ssh_config")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        for (const auto &[name, port] : { std::pair { "hang1", first.port }, std::pair { "hang2", second.port } })
            config.write(QStringLiteral("Host %1\n  HostName 127.0.0.1\n  Port %2\n  User root\n  BatchMode yes\n"
                                        "  StrictHostKeyChecking no\n  UserKnownHostsFile /dev/null\n")
                             .arg(QLatin1String(name))
                             .arg(port)
                             .toUtf8());
        config.close();
        qputenv("NIX_SSHOPTS", QStringLiteral("-F %1").arg(config.fileName()).toUtf8());

        const MachinesParse machines
            = MachinesFile::parse(QStringLiteral("ssh-ng://hang1 - - 1\nssh-ng://hang2 - - 1"), QStringLiteral("test"));
        QVERIFY2(machines.ok(), qPrintable(machines.problemText()));
        FarmCheck checker;
        checker.setTimeout(3000);
        QElapsedTimer clock;
        clock.start();
        QFuture<QList<BuilderStatus>> running = QtConcurrent::run([&] { return checker.check(machines.machines); });
        QTRY_VERIFY_WITH_TIMEOUT(running.isFinished(), 20000);
        const qint64 elapsed = clock.elapsed();
        const QList<BuilderStatus> statuses = running.result();
        QCOMPARE(statuses.size(), 2);
        for (int i = 0; i < 2; ++i) {
            const BuilderStatus &s = statuses[i];
            QCOMPARE(s.machine.uri, QStringLiteral("ssh-ng://hang%1").arg(i + 1)); // the builders' order
            QVERIFY(!s.reachable);
            QVERIFY2(s.error.startsWith(QStringLiteral("no answer from ssh-ng://hang%1 in time").arg(i + 1)), qPrintable(s.error));
            QVERIFY2(s.elapsedMs >= 3000 && s.elapsedMs < 5000, qPrintable(QString::number(s.elapsedMs)));
        }
        // Sequentially it would take two timeouts (6 s and more).
        QVERIFY2(elapsed < 5000, qPrintable(QStringLiteral("%1 ms").arg(elapsed)));
        qunsetenv("NIX_SSHOPTS");
    }
};

QTEST_GUILESS_MAIN(TestFarmCheck)
#include "test_farm_check.moc"
