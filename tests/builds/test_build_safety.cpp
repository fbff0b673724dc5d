// What `variant-studio build` refuses and how it ends: variants that are paths or
// options, recipes that lead out of .flox/pkgs, unknown branches, programs that
// are not executable, no git, and termination signals that must take the build's
// whole process group (grandchildren included) with them. Real processes only.
#include "BuildTestSupport.h"
#include "builds/BuildRunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <csignal>

using namespace vs;
using namespace vs::test;

class TestBuildSafety : public QObject {
    Q_OBJECT
private:
    QProcessEnvironment environment() const { return isolatedEnvironment(m_tmp); }
    int app(const QStringList &args, QByteArray *out, QByteArray *err, const QProcessEnvironment &env = {})
    {
        QProcess p;
        p.setProcessEnvironment(env.isEmpty() ? environment() : env);
        p.start(QStringLiteral(VS_APP_PATH), args);
        if (!p.waitForFinished(240000)) {
            p.kill();
            p.waitForFinished();
            return -1;
        }
        *out = p.readAllStandardOutput();
        *err = p.readAllStandardError();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }
    QStringList nixArgs() const
    {
        QStringList args { QStringLiteral("--backend"), QStringLiteral("nix") };
        const QStringList options = offlineNixOptions();
        for (qsizetype i = 0; i + 2 < options.size(); i += 3)
            args << QStringLiteral("--nix-option") << options.value(i + 1) << options.value(i + 2);
        return args;
    }
    QJsonArray runs(const QString &repo)
    {
        QByteArray out, err;
        if (app({ QStringLiteral("history"), repo, QStringLiteral("--json") }, &out, &err) != 0)
            return {};
        return QJsonDocument::fromJson(out).object().value(QStringLiteral("runs")).toArray();
    }

private slots:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    // Before: `build REPO ../../../../evil` built a recipe outside the repository
    // and nix wrote its result link outside it.
    void variantThatIsAPathIsRefused()
    {
        GitFixture repo;
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/ok.nix"), toyRecipe(QStringLiteral("ok"), QStringLiteral("mkdir $out"))));
        QVERIFY(repo.commitAll(QStringLiteral("recipes")));
        QTemporaryDir outside;
        QFile evil(outside.filePath(QStringLiteral("evil.nix")));
        QVERIFY(evil.open(QIODevice::WriteOnly));
        evil.write(toyRecipe(QStringLiteral("evil"), QStringLiteral("mkdir $out")));
        evil.close();
        const QString traversal
            = QDir(repo.filePath(QStringLiteral(".flox/pkgs"))).relativeFilePath(outside.filePath(QStringLiteral("evil")));
        QVERIFY(traversal.startsWith(QLatin1String("../")));

        QByteArray out, err;
        QCOMPARE(app(QStringList { QStringLiteral("build"), repo.path(), traversal } + nixArgs(), &out, &err), 2);
        QVERIFY2(err.contains("path separator"), err.constData());
        QVERIFY(out.isEmpty());
        QVERIFY(!QFileInfo(outside.filePath(QStringLiteral("result-evil"))).isSymLink());
        QVERIFY(QDir(outside.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System)
            == QStringList { QStringLiteral("evil.nix") });
        QVERIFY2(runs(repo.path()).isEmpty(), "a refused variant is no build");
    }

    // Before: a variant beginning with '-' reached flox as an option.
    void variantThatIsAnOptionIsRefused()
    {
        GitFixture repo;
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/ok.nix"), toyRecipe(QStringLiteral("ok"), QStringLiteral("mkdir $out"))));
        QVERIFY(repo.commitAll(QStringLiteral("recipes")));
        QByteArray out, err;
        QCOMPARE(app({ QStringLiteral("build"), repo.path(), QStringLiteral("--"), QStringLiteral("-rf") }, &out, &err), 2);
        QVERIFY2(err.contains("begins with '-'") || err.contains("unknown or incomplete option"), err.constData());

        // Every command line the runner makes ends the options before the name.
        BuildSettings settings;
        BuildJob job = makeJob(repo.path(), QStringLiteral("ok"), BuildBackend::Flox);
        QStringList args = BuildRunner::arguments(job, settings);
        QCOMPARE(args.mid(args.size() - 2), (QStringList { QStringLiteral("--"), QStringLiteral("ok") }));
        job.kind = BuildKind::Publish;
        job.org = QStringLiteral("acme");
        args = BuildRunner::arguments(job, settings);
        QCOMPARE(args,
            (QStringList {
                QStringLiteral("publish"), QStringLiteral("-o"), QStringLiteral("acme"), QStringLiteral("--"), QStringLiteral("ok") }));
        job.org = QStringLiteral("-x");
        QVERIFY(BuildRunner::requestProblem(job).contains(QLatin1String("begins with '-'")));
        job.org = QStringLiteral("acme");
        job.variant = QStringLiteral("-x");
        QVERIFY(!BuildRunner::requestProblem(job).isEmpty());

        // And a runner given such a job directly refuses it before any program runs.
        QTemporaryDir dir;
        BuildJob bad = makeJob(repo.path(), QStringLiteral("../ok"), BuildBackend::Nix);
        const BuildJob done = runToEnd(testSettings(dir), bad);
        QVERIFY(done.state == BuildState::Failed);
        QVERIFY(done.error == BuildError::InvalidRequest);
        QVERIFY(done.logFile.isEmpty());
    }

    // A link in .flox/pkgs that leads out of it is not built; one inside it is.
    void recipeLinksOutOfPkgsAreNotBuilt()
    {
        GitFixture repo;
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/real.nix"), toyRecipe(QStringLiteral("real"), QStringLiteral("mkdir $out"))));
        QTemporaryDir outside;
        QFile evil(outside.filePath(QStringLiteral("evil.nix")));
        QVERIFY(evil.open(QIODevice::WriteOnly));
        evil.write(toyRecipe(QStringLiteral("evil"), QStringLiteral("mkdir $out")));
        evil.close();
        QVERIFY(QFile::link(evil.fileName(), repo.filePath(QStringLiteral(".flox/pkgs/evil.nix"))));
        QVERIFY(QFile::link(QStringLiteral("real.nix"), repo.filePath(QStringLiteral(".flox/pkgs/alias.nix"))));
        QVERIFY(repo.commitAll(QStringLiteral("links")));

        QByteArray out, err;
        QCOMPARE(app(QStringList { QStringLiteral("build"), repo.path(), QStringLiteral("evil") } + nixArgs(), &out, &err), 2);
        QVERIFY2(err.contains("leads out of .flox/pkgs"), err.constData());
        QVERIFY(!QFileInfo::exists(repo.filePath(QStringLiteral("result-evil"))));

        QCOMPARE(app(QStringList { QStringLiteral("build"), repo.path(), QStringLiteral("alias") } + nixArgs(), &out, &err), 0);
        QVERIFY(QFileInfo(repo.filePath(QStringLiteral("result-alias"))).isSymLink());

        // On another branch the check runs in the app's worktree of that branch.
        QVERIFY(repo.git({ QStringLiteral("branch"), QStringLiteral("other") }));
        QCOMPARE(app(QStringList { QStringLiteral("build"), repo.path(), QStringLiteral("evil"), QStringLiteral("--branch"),
                         QStringLiteral("other") }
                         + nixArgs(),
                     &out, &err),
            2);
        QVERIFY2(out.contains("leads out of .flox/pkgs") || err.contains("leads out of .flox/pkgs"), out.constData());
        bool recorded = false;
        for (const QJsonValue &v : runs(repo.path()))
            if (v[QStringLiteral("variant")].toString() == QLatin1String("evil")
                && v[QStringLiteral("branch")].toString() == QLatin1String("other"))
                recorded = v[QStringLiteral("outcome")].toString() == QLatin1String("failed");
        QVERIFY2(recorded, "the refused branch build is a failed run with its reason");
    }

    void symlinkedPkgsFolderIsNotBuilt()
    {
        GitFixture repo;
        QTemporaryDir outside;
        QVERIFY(QDir().mkpath(outside.filePath(QStringLiteral("pkgs"))));
        QFile recipe(outside.filePath(QStringLiteral("pkgs/x.nix")));
        QVERIFY(recipe.open(QIODevice::WriteOnly));
        recipe.write(toyRecipe(QStringLiteral("x"), QStringLiteral("mkdir $out")));
        recipe.close();
        QVERIFY(QDir().mkpath(repo.filePath(QStringLiteral(".flox"))));
        QVERIFY(QFile::link(outside.filePath(QStringLiteral("pkgs")), repo.filePath(QStringLiteral(".flox/pkgs"))));
        QByteArray out, err;
        QCOMPARE(app(QStringList { QStringLiteral("build"), repo.path(), QStringLiteral("x") } + nixArgs(), &out, &err), 2);
        QVERIFY2(err.contains("outside the repository"), err.constData());
    }

    // Recipes may also be folders: .flox/pkgs/NAME/default.nix builds by name.
    void defaultNixShapeBuilds()
    {
        GitFixture repo;
        QVERIFY(
            repo.write(QStringLiteral(".flox/pkgs/folder/default.nix"), toyRecipe(QStringLiteral("folder"), QStringLiteral("mkdir $out"))));
        QVERIFY(repo.commitAll(QStringLiteral("recipe")));
        QByteArray out, err;
        QCOMPARE(app(QStringList { QStringLiteral("build"), repo.path(), QStringLiteral("folder") } + nixArgs(), &out, &err), 0);
        QVERIFY(QFileInfo(repo.filePath(QStringLiteral("result-folder"))).isSymLink());
    }

    // Before: exit 1, the message on stdout, and a failed run recorded.
    void unknownBranchIsABadArgument()
    {
        GitFixture repo;
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/ok.nix"), toyRecipe(QStringLiteral("ok"), QStringLiteral("mkdir $out"))));
        QVERIFY(repo.commitAll(QStringLiteral("recipes")));
        QByteArray out, err;
        QCOMPARE(app({ QStringLiteral("build"), repo.path(), QStringLiteral("ok"), QStringLiteral("--branch"), QStringLiteral("nope") },
                     &out, &err),
            2);
        QVERIFY(out.isEmpty());
        QVERIFY2(err.contains("branch \"nope\" does not exist"), err.constData());
        QVERIFY(runs(repo.path()).isEmpty());
    }

    // Before: "not found" for a file that exists.
    void programThatIsNotExecutable()
    {
        GitFixture repo;
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/ok.nix"), toyRecipe(QStringLiteral("ok"), QStringLiteral("mkdir $out"))));
        QVERIFY(repo.commitAll(QStringLiteral("recipes")));
        QTemporaryDir dir;
        QFile plain(dir.filePath(QStringLiteral("flox")));
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.write("not a program\n");
        plain.close();
        QVERIFY(plain.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QByteArray out, err;
        QCOMPARE(
            app({ QStringLiteral("build"), repo.path(), QStringLiteral("ok"), QStringLiteral("--flox"), plain.fileName() }, &out, &err),
            127);
        QVERIFY2((out + err).contains("is not an executable program"), (out + err).constData());
        QVERIFY(!(out + err).contains("was not found"));
    }

    // Before: without git the run was recorded with an empty branch.
    void noGitIsReported()
    {
        GitFixture repo;
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/ok.nix"), toyRecipe(QStringLiteral("ok"), QStringLiteral("mkdir $out"))));
        QVERIFY(repo.commitAll(QStringLiteral("recipes")));
        QTemporaryDir empty;
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("PATH"), empty.path()); // no git, no nix: only absolute programs
        QByteArray out, err;
        QCOMPARE(
            app({ QStringLiteral("build"), repo.path(), QStringLiteral("ok"), QStringLiteral("--flox"), QStringLiteral(VS_FLOX_STAND_IN) },
                &out, &err, env),
            127);
        QVERIFY2(err.contains("git"), err.constData());
        QVERIFY(runs(repo.path()).isEmpty());
    }

    // Before: the CLI died and the build's worker (a grandchild) kept running.
    void terminationSignalEndsTheWholeGroup_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGINT") << int(SIGINT);
        QTest::newRow("SIGHUP") << int(SIGHUP);
    }
    void terminationSignalEndsTheWholeGroup()
    {
        QFETCH(int, signal);
        GitFixture repo;
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/grandchild-worker.nix"), QByteArray("{ }\n")));
        QVERIFY(repo.commitAll(QStringLiteral("recipe")));
        QProcess cli;
        cli.setProcessEnvironment(environment());
        cli.start(QStringLiteral(VS_APP_PATH),
            { QStringLiteral("build"), repo.path(), QStringLiteral("grandchild-worker"), QStringLiteral("--flox"),
                QStringLiteral(VS_FLOX_STAND_IN) });
        QVERIFY(cli.waitForStarted());
        const QString pidFile = repo.filePath(QStringLiteral("grandchild.pid"));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(pidFile).size() > 0, 60000);
        QFile f(pidFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const qint64 worker = f.readAll().trimmed().toLongLong();
        QVERIFY(processAlive(worker));

        ::kill(pid_t(cli.processId()), signal);
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        QCOMPARE(cli.exitCode(), 128 + signal);
        // The worker is gone (or a zombie waiting for init to reap it).
        auto gone = [worker] {
            QFile stat(QStringLiteral("/proc/%1/stat").arg(worker));
            if (!stat.open(QIODevice::ReadOnly))
                return true;
            const QByteArray text = stat.readAll();
            return text.mid(text.lastIndexOf(')') + 2, 1) == "Z";
        };
        QTRY_VERIFY_WITH_TIMEOUT(gone(), 10000);
        const QJsonArray recorded = runs(repo.path());
        QCOMPARE(recorded.size(), 1);
        QCOMPARE(recorded.first()[QStringLiteral("outcome")].toString(), QStringLiteral("cancelled"));
    }

private:
    QTemporaryDir m_tmp;
};

QTEST_GUILESS_MAIN(TestBuildSafety)
#include "test_build_safety.moc"
