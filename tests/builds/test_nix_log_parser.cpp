#include "builds/NixLogParser.h"

#include <QtTest>

using namespace vs;

// Nix's internal-json log as nix-build 2.26 wrote it for a build on a loopback
// builder (measured), and the plain lines flox shows.
class TestNixLogParser : public QObject {
    Q_OBJECT

    static QList<QByteArray> remoteBuildLog()
    {
        return {
            R"(@nix {"action":"msg","level":4,"msg":"evaluating file '<nix/derivation-internal.nix>'"})",
            R"(@nix {"action":"msg","level":3,"msg":"this derivation will be built:"})",
            R"(@nix {"action":"msg","level":3,"msg":"  /nix/store/qkxcw52rxqbvwfmw5j1nvcng31h95idl-toy-farm.drv"})",
            R"(@nix {"action":"start","id":377,"level":0,"parent":0,"text":"","type":102})",
            R"(@nix {"action":"start","id":378,"level":0,"parent":0,"text":"","type":104})",
            R"(@nix {"action":"result","fields":[0,1,0,0],"id":378,"type":105})",
            R"(@nix {"action":"start","id":381,"level":4,"parent":377,"text":"connecting to 'ssh-ng://builder1'","type":0})",
            "Warning: Permanently added '[127.0.0.1]:22201' (ED25519) to the list of known hosts.",
            R"(@nix {"action":"stop","id":381})",
            R"(@nix {"action":"start","fields":["/nix/store/qkxcw52rxqbvwfmw5j1nvcng31h95idl-toy-farm.drv","ssh-ng://builder1",1,1],"id":382,"level":3,"parent":0,"text":"building '/nix/store/qkxcw52rxqbvwfmw5j1nvcng31h95idl-toy-farm.drv' on 'ssh-ng://builder1'","type":105})",
            R"(@nix {"action":"result","fields":[0,1,1,0],"id":378,"type":105})",
            // The builder's daemon forwards its own activities: a nested "builds" and a build without host.
            R"(@nix {"action":"start","id":388,"level":0,"parent":377,"text":"","type":104})",
            R"(@nix {"action":"result","fields":[0,7,0,0],"id":388,"type":105})",
            R"(@nix {"action":"start","fields":["/nix/store/qkxcw52rxqbvwfmw5j1nvcng31h95idl-toy-farm.drv","",1,1],"id":391,"level":3,"parent":377,"text":"building '/nix/store/qkxcw52rxqbvwfmw5j1nvcng31h95idl-toy-farm.drv'","type":105})",
            R"(@nix {"action":"result","fields":["configurePhase"],"id":391,"type":104})",
            R"(@nix {"action":"result","fields":["hello from the builder"],"id":391,"type":101})",
            R"(@nix {"action":"stop","id":391})",
            R"(@nix {"action":"start","id":393,"level":3,"parent":377,"text":"copying 1 paths","type":103})",
            R"(@nix {"action":"result","fields":[1,1,0,0],"id":378,"type":105})",
            "/nix/store/5s4ikdkmv5hpkgghc214dyd4mi97swz9-toy-farm",
        };
    }

private slots:
    void turnsJsonIntoPlainLinesAndProgress()
    {
        NixLogParser parser;
        QStringList shown;
        QList<NixProgress> changes;
        for (const QByteArray &line : remoteBuildLog()) {
            if (const auto text = parser.feed(line))
                shown << QString::fromUtf8(*text);
            if (parser.progressChanged())
                changes << parser.progress();
        }
        QCOMPARE(shown,
            QStringList({ QStringLiteral("this derivation will be built:"),
                QStringLiteral("  /nix/store/qkxcw52rxqbvwfmw5j1nvcng31h95idl-toy-farm.drv"),
                QStringLiteral("Warning: Permanently added '[127.0.0.1]:22201' (ED25519) to the list of known hosts."),
                QStringLiteral("building '/nix/store/qkxcw52rxqbvwfmw5j1nvcng31h95idl-toy-farm.drv' on 'ssh-ng://builder1'"),
                QStringLiteral("building '/nix/store/qkxcw52rxqbvwfmw5j1nvcng31h95idl-toy-farm.drv'"),
                QStringLiteral("hello from the builder"), QStringLiteral("copying 1 paths"),
                QStringLiteral("/nix/store/5s4ikdkmv5hpkgghc214dyd4mi97swz9-toy-farm") }));
        for (const QString &line : shown)
            QVERIFY(!line.startsWith(QLatin1String("@nix")));
        const NixProgress &p = parser.progress();
        QCOMPARE(p.host, QStringLiteral("ssh-ng://builder1")); // the remote daemon's host-less start does not clear it
        QCOMPARE(p.phase, QStringLiteral("configurePhase"));
        QCOMPARE(p.done, 1);
        QCOMPARE(p.expected, 1); // the nested daemon's "7" is not ours
        QCOMPARE(p.running, 0);
        QVERIFY(changes.size() >= 4); // 0/1, host, running, phase, done
        QCOMPARE(changes.first().expected, 1);
    }

    void plainFloxLinesTellTheHost()
    {
        NixLogParser parser;
        const auto text = parser.feed("building '/nix/store/4wpcz54iiiqgwa2ydp7q827dkb88gska-toy-b.drv' on 'ssh-ng://builder2'...");
        QVERIFY(text);
        QVERIFY(parser.progressChanged());
        QCOMPARE(parser.progress().host, QStringLiteral("ssh-ng://builder2"));
        parser.feed("building '/nix/store/4wpcz54iiiqgwa2ydp7q827dkb88gska-toy-b.drv'...");
        QVERIFY(!parser.progressChanged());
        QCOMPARE(parser.progress().host, QStringLiteral("ssh-ng://builder2"));
        QCOMPARE(NixLogParser::hostFromLine(u"echo building 'x' on 'y'"), QString()); // only Nix's own line
    }

    void malformedJsonIsShownNotLost()
    {
        NixLogParser parser;
        const auto text = parser.feed("@nix {not json");
        QVERIFY(text);
        QCOMPARE(*text, QByteArray("{not json"));
        QVERIFY(!parser.feed(R"(@nix {"action":"result","fields":[],"id":1,"type":105})")); // unknown activity: ignored
    }

    void faultsOfBuildersNameTheBuilder()
    {
        const QString dropped = NixLogParser::builderFault(
            { QStringLiteral("start e"), QStringLiteral("error: Nix daemon disconnected unexpectedly (maybe it crashed?)"),
                QStringLiteral("error: builder for '/nix/store/69k-toy-e.drv' failed with exit code 1") },
            QStringLiteral("ssh-ng://builder2"));
        QVERIFY2(dropped.contains(QStringLiteral("the builder ssh-ng://builder2 dropped the connection")), qPrintable(dropped));
        const QString down = NixLogParser::builderFault(
            { QStringLiteral("ssh: connect to host 127.0.0.1 port 2: Connection refused"),
                QStringLiteral("cannot build on 'ssh-ng://builder3': error: failed to start SSH connection to 'builder3'"),
                QStringLiteral("Failed to find a machine for remote build!") },
            {});
        QVERIFY2(down.contains(QStringLiteral("ssh-ng://builder3")) && down.contains(QStringLiteral("failed to start SSH connection")),
            qPrintable(down));
        QCOMPARE(NixLogParser::builderFault({ QStringLiteral("error: builder for 'x.drv' failed with exit code 2") }, QStringLiteral("h")),
            QString()); // the recipe's own failure is not the builder's
    }
};

QTEST_GUILESS_MAIN(TestNixLogParser)
#include "test_nix_log_parser.moc"
