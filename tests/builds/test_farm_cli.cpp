// `variant-studio farm check` and `variant-studio build` of several variants,
// the real executable against real loopback builders.
#include "BuildTestSupport.h"
#include "support/LoopbackFarm.h"

#include <QProcess>

using namespace vs;
using namespace vs::test;

class TestFarmCli : public QObject {
    Q_OBJECT

    int run(const QStringList &args, QByteArray *out, QByteArray *err = nullptr)
    {
        QProcess p;
        QProcessEnvironment env = isolatedEnvironment(m_tmp);
        env.insert(QStringLiteral("NIX_SSHOPTS"), m_farm.sshOptions());
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(VS_APP_PATH), args);
        if (!p.waitForFinished(240000))
            return -1;
        *out = p.readAllStandardOutput();
        if (err)
            *err = p.readAllStandardError();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }
    QString farm() const
    {
        return LoopbackFarm::machineLine(QStringLiteral("builder1")) + QStringLiteral(" ; ")
            + LoopbackFarm::machineLine(QStringLiteral("builder2"));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        const QString why = LoopbackFarm::unavailableReason();
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QVERIFY2(m_farm.addBuilder(QStringLiteral("builder1")), qPrintable(m_farm.error()));
        QVERIFY2(m_farm.addBuilder(QStringLiteral("builder2")), qPrintable(m_farm.error()));
        m_farm.addDownBuilder(QStringLiteral("builder9"));
        for (const char *name : { "cli-a", "cli-b" })
            QVERIFY(m_repo.write(QStringLiteral(".flox/pkgs/%1.nix").arg(QLatin1String(name)), farmRecipe(QLatin1String(name), 2)));
        QVERIFY(m_repo.write(QStringLiteral(".flox/pkgs/cli-fails.nix"),
            farmRecipe(QStringLiteral("cli-fails"), 0).replace("echo cli-fails > $out", "exit 3")));
        QVERIFY(m_repo.commitAll(QStringLiteral("recipes")));
    }

    void cleanupTestCase() { m_farm.stop(); }

    void checkPrintsEveryBuilderAsJson()
    {
        QByteArray out, err;
        const QString spec = LoopbackFarm::machineLine(QStringLiteral("builder1"), 2) + QLatin1Char('\n')
            + LoopbackFarm::machineLine(QStringLiteral("builder9"));
        QCOMPARE(run({ QStringLiteral("farm"), QStringLiteral("check"), QStringLiteral("--builders"), spec, QStringLiteral("--json") },
                     &out, &err),
            1); // one is unreachable
        const QJsonArray builders = QJsonDocument::fromJson(out).object().value(QStringLiteral("builders")).toArray();
        QCOMPARE(builders.size(), 2);
        const QJsonObject up = builders[0].toObject(), down = builders[1].toObject();
        for (const char *key : { "uri", "systems", "maxJobs", "features", "reachable", "nixVersion", "error" })
            QVERIFY2(up.contains(QLatin1String(key)) && down.contains(QLatin1String(key)), key);
        QCOMPARE(up.value(QStringLiteral("uri")).toString(), QStringLiteral("ssh-ng://builder1"));
        QCOMPARE(up.value(QStringLiteral("maxJobs")).toInt(), 2);
        QCOMPARE(up.value(QStringLiteral("systems")).toArray().first().toString(), QStringLiteral("x86_64-linux"));
        QCOMPARE(up.value(QStringLiteral("features")).toArray().first().toString(), QStringLiteral("big-parallel"));
        QVERIFY(up.value(QStringLiteral("reachable")).toBool());
        QVERIFY(!up.value(QStringLiteral("nixVersion")).toString().isEmpty());
        QVERIFY(up.value(QStringLiteral("error")).isNull());
        QVERIFY(up.value(QStringLiteral("trusted")).toBool());
        QVERIFY(!down.value(QStringLiteral("reachable")).toBool());
        QVERIFY2(down.value(QStringLiteral("error")).toString().contains(QStringLiteral("Connection refused")), out.constData());
    }

    void checkReadsAMachinesFileAndRefusesBadLines()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("machines"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(LoopbackFarm::machineLine(QStringLiteral("builder2")).toUtf8() + "\n");
        f.close();
        QByteArray out, err;
        QCOMPARE(
            run({ QStringLiteral("farm"), QStringLiteral("check"), QStringLiteral("--builders"), QLatin1Char('@') + file }, &out, &err), 0);
        QVERIFY2(out.startsWith("ssh-ng://builder2  reachable, Nix "), out.constData());
        QVERIFY(out.contains(", trusted"));
        QCOMPARE(
            run({ QStringLiteral("farm"), QStringLiteral("check"), QStringLiteral("--builders"), QStringLiteral("ssh-ng://b - - many") },
                &out, &err),
            2);
        QVERIFY2(err.contains("--builders line 1, field 4 (max jobs): \"many\" is not a number of jobs"), err.constData());
        QCOMPARE(run({ QStringLiteral("farm"), QStringLiteral("frobnicate") }, &out, &err), 2);
        QVERIFY(err.contains("unknown subcommand \"frobnicate\""));
    }

    void buildsSeveralVariantsOnTheFarm()
    {
        QByteArray out, err;
        const int status = run({ QStringLiteral("build"), m_repo.path(), QStringLiteral("cli-a"), QStringLiteral("cli-b"),
                                   QStringLiteral("--backend"), QStringLiteral("nix"), QStringLiteral("--builders"), farm(),
                                   QStringLiteral("--farm-only"), QStringLiteral("--retries"), QStringLiteral("1") },
            &out, &err);
        QVERIFY2(status == 0, (out + err).constData());
        // Every line carries its variant; both ran on the farm.
        for (const QByteArray &line : out.split('\n'))
            if (!line.isEmpty() && !line.startsWith("variant ") && !line.startsWith("cli-"))
                QVERIFY2(line.startsWith("[cli-a] ") || line.startsWith("[cli-b] "), line.constData());
        QVERIFY(out.contains("[cli-a] start cli-a\n"));
        QVERIFY(out.contains("[cli-b] start cli-b\n"));
        // The summary: variant, host, outcome, duration.
        const QString text = QString::fromUtf8(out);
        const QRegularExpression row(
            QStringLiteral(R"(^cli-a\s+ssh-ng://builder[12]\s+succeeded\s+\d+\.\d s$)"), QRegularExpression::MultilineOption);
        QVERIFY2(row.match(text).hasMatch(), out.constData());
        QVERIFY(text.contains(
            QRegularExpression(QStringLiteral(R"(^variant\s+host\s+outcome\s+duration$)"), QRegularExpression::MultilineOption)));
        // The history records the hosts.
        QCOMPARE(run({ QStringLiteral("history"), m_repo.path(), QStringLiteral("--json") }, &out), 0);
        const QJsonArray runs = QJsonDocument::fromJson(out).object().value(QStringLiteral("runs")).toArray();
        QCOMPARE(runs.size(), 2);
        for (const QJsonValue &r : runs) {
            QVERIFY2(r.toObject().value(QStringLiteral("host")).toString().startsWith(QStringLiteral("ssh-ng://builder")), out.constData());
            QCOMPARE(r.toObject().value(QStringLiteral("skipped")), QJsonValue(false));
        }
    }

    void oneFailureMakesTheExitStatusOne()
    {
        QByteArray out, err;
        const int status = run({ QStringLiteral("build"), m_repo.path(), QStringLiteral("cli-fails"), QStringLiteral("cli-a"),
                                   QStringLiteral("--backend"), QStringLiteral("nix"), QStringLiteral("--builders"), farm(),
                                   QStringLiteral("--farm-only"), QStringLiteral("--skip-built") },
            &out, &err);
        QCOMPARE(status, 1);
        // cli-a was built on the farm before and copied back: found in the local store, not built again.
        QVERIFY2(err.contains("cli-a: already built (/nix/store/"), err.constData());
        const QString text = QString::fromUtf8(out);
        QVERIFY2(text.contains(QRegularExpression(
                     QStringLiteral(R"(^cli-fails\s+ssh-ng://builder[12]\s+failed\s)"), QRegularExpression::MultilineOption)),
            out.constData());
        QVERIFY2(text.contains(QRegularExpression(QStringLiteral(R"(^cli-a\s+local\s+skipped\s)"), QRegularExpression::MultilineOption)),
            out.constData());
    }

    void badFarmArgumentsAreRefusedBeforeAnythingRuns()
    {
        QByteArray out, err;
        QCOMPARE(run({ QStringLiteral("build"), m_repo.path(), QStringLiteral("cli-a"), QStringLiteral("--retries"), QStringLiteral("4") },
                     &out, &err),
            2);
        QVERIFY(err.contains("--retries takes 0 to 3"));
        QCOMPARE(run({ QStringLiteral("build"), m_repo.path(), QStringLiteral("cli-a"), QStringLiteral("--builders"),
                         QStringLiteral("ftp://x x86_64-linux") },
                     &out, &err),
            2);
        QVERIFY2(err.contains("--builders line 1, field 1 (URI): \"ftp://x\" is not an ssh:// or ssh-ng:// address"), err.constData());
        QCOMPARE(run({ QStringLiteral("build"), m_repo.path(), QStringLiteral("cli-a"), QStringLiteral("../x") }, &out, &err), 2);
    }

private:
    LoopbackFarm m_farm;
    QTemporaryDir m_tmp;
    GitFixture m_repo;
};

QTEST_GUILESS_MAIN(TestFarmCli)
#include "test_farm_cli.moc"
