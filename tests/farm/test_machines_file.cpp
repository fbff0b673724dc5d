#include "farm/BuilderMachine.h"
#include "farm/MachinesFile.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace vs;

// Nix's machines format: every field, the defaults, the separators, and a located
// message for every kind of mistake.
class TestMachinesFile : public QObject {
    Q_OBJECT
private slots:
    void readsAllEightFields()
    {
        const MachinesParse p = MachinesFile::parse(
            QStringLiteral(
                "ssh-ng://root@builder1 x86_64-linux,i686-linux /root/.ssh/id_farm 8 2.5 big-parallel,kvm cuda c3NoLWVkMjU1MTkgQUFBQQ=="),
            QStringLiteral("machines"));
        QVERIFY2(p.ok(), qPrintable(p.problemText()));
        QCOMPARE(p.machines.size(), 1);
        const BuilderMachine &m = p.machines.first();
        QCOMPARE(m.uri, QStringLiteral("ssh-ng://root@builder1"));
        QCOMPARE(m.host(), QStringLiteral("root@builder1"));
        QCOMPARE(m.systems, QStringList({ QStringLiteral("x86_64-linux"), QStringLiteral("i686-linux") }));
        QCOMPARE(m.sshKey, QStringLiteral("/root/.ssh/id_farm"));
        QCOMPARE(m.maxJobs, 8);
        QCOMPARE(m.speedFactor, 2.5);
        QCOMPARE(m.supportedFeatures, QStringList({ QStringLiteral("big-parallel"), QStringLiteral("kvm") }));
        QCOMPARE(m.mandatoryFeatures, QStringList({ QStringLiteral("cuda") }));
        QCOMPARE(m.publicHostKey, QStringLiteral("c3NoLWVkMjU1MTkgQUFBQQ=="));
        // Written back, it reads the same.
        QCOMPARE(MachinesFile::parse(m.toLine(), QStringLiteral("again")).machines.first().toLine(), m.toLine());
    }

    void dashesAndMissingFieldsAreDefaults()
    {
        const MachinesParse p = MachinesFile::parse(QStringLiteral("ssh://b1 - - - - big-parallel\nbuilder2"), QStringLiteral("m"));
        QVERIFY2(p.ok(), qPrintable(p.problemText()));
        QCOMPARE(p.machines.size(), 2);
        QCOMPARE(p.machines[0].systems, QStringList());
        QCOMPARE(p.machines[0].sshKey, QString());
        QCOMPARE(p.machines[0].maxJobs, 1);
        QCOMPARE(p.machines[0].speedFactor, 1.0);
        QCOMPARE(p.machines[0].toLine(), QStringLiteral("ssh://b1 - - 1 1 big-parallel - -"));
        QCOMPARE(p.machines[1].uri, QStringLiteral("ssh://builder2")); // a bare host is ssh://, as in Nix
        QCOMPARE(p.machines[1].line, 2);
    }

    void separatorsCommentsAndBlankLines()
    {
        const MachinesParse p = MachinesFile::parse(
            QStringLiteral("# the farm\nssh-ng://a x86_64-linux - 2 1 big-parallel ; ssh-ng://b x86_64-linux - 3\n\n  ssh://c # old one\n"),
            QStringLiteral("builders"));
        QVERIFY2(p.ok(), qPrintable(p.problemText()));
        QCOMPARE(p.machines.size(), 3);
        QCOMPARE(p.machines[1].maxJobs, 3);
        QCOMPARE(p.machines[2].uri, QStringLiteral("ssh://c"));
        // The setting's form is one line: NIX_CONFIG is newline-separated.
        const QString setting = MachinesFile::toSetting(p.machines);
        QVERIFY(!setting.contains(QLatin1Char('\n')));
        QCOMPARE(MachinesFile::parse(setting, QStringLiteral("s")).machines.size(), 3);
        QCOMPARE(MachinesFile::parse(setting, QStringLiteral("s")).machines[1].toLine(), p.machines[1].toLine());
    }

    void everyFieldHasItsMessage_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<int>("field");
        QTest::addColumn<QString>("words");
        QTest::newRow("scheme") << "http://b1 x86_64-linux" << 1 << "not an ssh:// or ssh-ng:// address";
        QTest::newRow("port") << "ssh-ng://b1:2222 x86_64-linux" << 1 << "has a port";
        QTest::newRow("system") << "ssh-ng://b1 x86_64-linux,x/y" << 2 << "\"x/y\" is not a system";
        QTest::newRow("jobs") << "ssh-ng://b1 - - many" << 4 << "\"many\" is not a number of jobs";
        QTest::newRow("negative jobs") << "ssh-ng://b1 - - -3" << 4 << "not a number of jobs";
        QTest::newRow("speed") << "ssh-ng://b1 - - 1 0" << 5 << "not a speed factor";
        QTest::newRow("feature") << "ssh-ng://b1 - - 1 1 big/parallel" << 6 << "not a feature name";
        QTest::newRow("mandatory") << "ssh-ng://b1 - - 1 1 - a=b" << 7 << "not a feature name";
        QTest::newRow("host key") << "ssh-ng://b1 - - 1 1 - - not*base64" << 8 << "not base64";
        QTest::newRow("too many") << "ssh-ng://b1 - - 1 1 - - - extra" << 0 << "at most 8";
    }
    void everyFieldHasItsMessage()
    {
        QFETCH(QString, line);
        QFETCH(int, field);
        QFETCH(QString, words);
        const MachinesParse p = MachinesFile::parse(QStringLiteral("ssh-ng://fine\n") + line, QStringLiteral("/etc/nix/machines"));
        QCOMPARE(p.problems.size(), 1);
        QCOMPARE(p.machines.size(), 1); // the good line stays; the bad one is not passed on
        const MachinesProblem &problem = p.problems.first();
        QCOMPARE(problem.line, 2);
        QCOMPARE(problem.field, field);
        QVERIFY2(problem.text().contains(words), qPrintable(problem.text()));
        QVERIFY2(problem.text().startsWith(QStringLiteral("/etc/nix/machines line 2")), qPrintable(problem.text()));
        if (field > 0)
            QVERIFY(problem.text().contains(QStringLiteral("field %1 (%2)").arg(field).arg(MachinesProblem::fieldName(field))));
    }

    void entriesOfOneLineAreNumbered()
    {
        const MachinesParse p = MachinesFile::parse(QStringLiteral("ssh-ng://a ; ssh-ng://b - - x"), QStringLiteral("--builders"));
        QCOMPARE(p.problems.size(), 1);
        QCOMPARE(p.problems.first().text(),
            QStringLiteral("--builders line 1, entry 2, field 4 (max jobs): \"x\" is not a number of jobs (0 or more)"));
    }

    void includesFilesAndReadsThemAsNixDoes()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("machines"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("ssh-ng://inner x86_64-linux - 4\nssh-ng://bad - - zero\n");
        f.close();
        const MachinesParse p
            = MachinesFile::parse(QStringLiteral("ssh-ng://outer ; @%1 ; @%2/missing").arg(file, dir.path()), QStringLiteral("b"));
        QCOMPARE(p.machines.size(), 2); // a missing included file means no machines, as in Nix
        QCOMPARE(p.machines[1].uri, QStringLiteral("ssh-ng://inner"));
        QCOMPARE(p.problems.size(), 1);
        QVERIFY2(p.problems.first().text().startsWith(file + QStringLiteral(" line 2, field 4")), qPrintable(p.problemText()));
        // "@FILE" given by the user must exist.
        const MachinesParse missing = MachinesFile::fromSpec(QStringLiteral("@%1/nope").arg(dir.path()), QStringLiteral("--builders"));
        QVERIFY(!missing.ok());
        QVERIFY(missing.problemText().contains(QStringLiteral("no such file")));
        QCOMPARE(MachinesFile::fromSpec(QLatin1Char('@') + file, QStringLiteral("--builders")).machines.size(), 1);
    }

    void buildersFromNixConfigOutput()
    {
        const QString config = QStringLiteral("build-users-group = \nbuilders = @/etc/nix/machines\nbuilders-use-substitutes = false\n"
                                              "builders = ssh-ng://x - - 2 ; ssh://y\nmax-jobs = 1\n");
        QCOMPARE(MachinesFile::buildersFromConfig(config), QStringLiteral("ssh-ng://x - - 2 ; ssh://y"));
        QCOMPARE(MachinesFile::buildersFromConfig(QStringLiteral("max-jobs = 1\n")), QString());
    }

    void whichMachinesCanBuildWhat()
    {
        const MachinesParse p = MachinesFile::parse(QStringLiteral("ssh-ng://plain x86_64-linux - 2\n"
                                                                   "ssh-ng://big x86_64-linux - 3 1 big-parallel\n"
                                                                   "ssh-ng://gpu x86_64-linux - 4 1 big-parallel cuda\n"
                                                                   "ssh-ng://arm aarch64-linux - 5 1 big-parallel\n"
                                                                   "ssh-ng://off x86_64-linux - 0 1 big-parallel\n"),
            QStringLiteral("m"));
        QVERIFY2(p.ok(), qPrintable(p.problemText()));
        auto fitting = [&](const QString &system, const QStringList &features) {
            QStringList names;
            for (const BuilderMachine &m : p.machines)
                if (m.canBuild(system, features))
                    names << m.host();
            return names;
        };
        const QString x86 = QStringLiteral("x86_64-linux");
        QCOMPARE(fitting(x86, {}), QStringList({ QStringLiteral("plain"), QStringLiteral("big") }));
        QCOMPARE(fitting(x86, { QStringLiteral("big-parallel") }), QStringList({ QStringLiteral("big") }));
        QCOMPARE(fitting(x86, { QStringLiteral("big-parallel"), QStringLiteral("cuda") }), QStringList({ QStringLiteral("gpu") }));
        QCOMPARE(fitting(QStringLiteral("aarch64-linux"), { QStringLiteral("big-parallel") }), QStringList({ QStringLiteral("arm") }));
    }

    void recipeFeatures()
    {
        QCOMPARE(requiredSystemFeatures(QStringLiteral("{ x = 1;\n  requiredSystemFeatures = [ \"big-parallel\" \"cuda\" ];\n}")),
            QStringList({ QStringLiteral("big-parallel"), QStringLiteral("cuda") }));
        QCOMPARE(requiredSystemFeatures(QStringLiteral("{ x = 1; }")), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestMachinesFile)
#include "test_machines_file.moc"
