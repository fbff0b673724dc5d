// `variant-studio build` and `variant-studio history`, run as real processes with
// their data, cache and config folders pointed into a temporary folder.
#include "BuildTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace vs;
using namespace vs::test;

class TestBuildCli : public QObject {
    Q_OBJECT
private:
    int app(const QStringList &args, QByteArray *out, QByteArray *err = nullptr)
    {
        QProcess p;
        p.setProcessEnvironment(isolatedEnvironment(m_tmp));
        p.start(QStringLiteral(VS_APP_PATH), args);
        if (!p.waitForFinished(240000))
            return -1;
        *out = p.readAllStandardOutput();
        if (err)
            *err = p.readAllStandardError();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }
    QStringList offlineArgs() const
    {
        return { QStringLiteral("--nix-option"), QStringLiteral("build-users-group"), QString(), QStringLiteral("--nix-option"),
            QStringLiteral("sandbox"), QStringLiteral("false"), QStringLiteral("--nix-option"), QStringLiteral("substituters"), QString() };
    }

private slots:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    void buildsRecordsAndPrintsHistory()
    {
        GitFixture repo;
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/cli-ok.nix"),
            toyRecipe(QStringLiteral("cli-ok"), QStringLiteral("echo hello from the builder; mkdir $out"))));
        QVERIFY(repo.write(
            QStringLiteral(".flox/pkgs/cli-bad.nix"), toyRecipe(QStringLiteral("cli-bad"), QStringLiteral("echo about to fail; exit 4"))));
        QVERIFY(repo.commitAll(QStringLiteral("recipes")));

        QByteArray out, err;
        int code = app(QStringList { QStringLiteral("build"), repo.path(), QStringLiteral("cli-ok"), QStringLiteral("--backend"),
                           QStringLiteral("nix") }
                + offlineArgs(),
            &out, &err);
        QVERIFY2(code == 0, err.constData());
        QVERIFY2(out.contains("hello from the builder"), out.constData());
        QVERIFY(QFileInfo(repo.filePath(QStringLiteral("result-cli-ok"))).isSymLink());

        code = app(QStringList { QStringLiteral("build"), repo.path(), QStringLiteral("cli-bad"), QStringLiteral("--backend"),
                       QStringLiteral("nix") }
                + offlineArgs(),
            &out, &err);
        QVERIFY2(code != 0, "a failed build fails the command");
        QVERIFY(out.contains("about to fail"));
        QVERIFY2(err.contains("failed"), err.constData());

        code = app(
            { QStringLiteral("build"), repo.path(), QStringLiteral("cli-ok"), QStringLiteral("--flox"), QStringLiteral(VS_FLOX_STAND_IN) },
            &out, &err);
        QVERIFY2(code == 0, err.constData());
        QVERIFY(out.contains("Build completed successfully"));
        QVERIFY(!out.contains('\x1b'));

        code = app({ QStringLiteral("build"), repo.path(), QStringLiteral("no-such-recipe") }, &out, &err);
        QCOMPARE(code, 2);
        QVERIFY(err.contains(".flox/pkgs/no-such-recipe.nix"));

        code = app(
            { QStringLiteral("build"), repo.path(), QStringLiteral("cli-ok"), QStringLiteral("--flox"), QStringLiteral("/nowhere/flox") },
            &out, &err);
        QCOMPARE(code, 127);
        QVERIFY2(out.contains("/nowhere/flox") || err.contains("/nowhere/flox"), err.constData());

        QVERIFY(app({ QStringLiteral("history"), repo.path(), QStringLiteral("--json") }, &out, &err) == 0);
        QJsonParseError parseError;
        const QJsonObject root = QJsonDocument::fromJson(out, &parseError).object();
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        QCOMPARE(root.value(QStringLiteral("repository")).toString(), QFileInfo(repo.path()).canonicalFilePath());
        const QJsonArray runs = root.value(QStringLiteral("runs")).toArray();
        QCOMPARE(runs.size(), 4); // the unknown recipe never ran
        const QJsonObject first = runs[0].toObject();
        QCOMPARE(first.value(QStringLiteral("variant")).toString(), QStringLiteral("cli-ok"));
        QCOMPARE(first.value(QStringLiteral("branch")).toString(), QStringLiteral("main"));
        QCOMPARE(first.value(QStringLiteral("backend")).toString(), QStringLiteral("nix"));
        QCOMPARE(first.value(QStringLiteral("outcome")).toString(), QStringLiteral("succeeded"));
        QVERIFY(first.value(QStringLiteral("storePath")).toString().startsWith(QStringLiteral("/nix/store/")));
        QVERIFY(first.value(QStringLiteral("logFile")).toString().startsWith(m_tmp.filePath(QStringLiteral("data"))));
        QVERIFY(first.contains(QStringLiteral("published")));
        const QJsonObject second = runs[1].toObject();
        QCOMPARE(second.value(QStringLiteral("outcome")).toString(), QStringLiteral("failed"));
        QVERIFY(second.value(QStringLiteral("exitCode")).toInt() != 0);
        QHash<QString, QString> cells;
        for (const QJsonValue &v : root.value(QStringLiteral("cells")).toArray())
            cells.insert(v[QStringLiteral("variant")].toString(), v[QStringLiteral("status")].toString());
        QCOMPARE(cells.value(QStringLiteral("cli-ok")), QStringLiteral("built"));
        QCOMPARE(cells.value(QStringLiteral("cli-bad")), QStringLiteral("failed"));

        QVERIFY(app({ QStringLiteral("history"), repo.path() }, &out, &err) == 0);
        QVERIFY(out.contains("cli-bad") && out.contains("exit code"));
    }

    void badArguments()
    {
        QByteArray out, err;
        QCOMPARE(app({ QStringLiteral("build"), QStringLiteral("/nonexistent-repo"), QStringLiteral("x") }, &out, &err), 2);
        QVERIFY(err.contains("/nonexistent-repo"));
        QCOMPARE(app({ QStringLiteral("build"), m_tmp.path(), QStringLiteral("x"), QStringLiteral("--backend"), QStringLiteral("make") },
                     &out, &err),
            2);
        QVERIFY(err.contains("--backend"));
        QCOMPARE(app({ QStringLiteral("history") }, &out, &err), 2);
    }

    // Both commands parse with QCommandLineParser: help, unknown options and missing values
    // as every other command has them.
    void helpAndBadOptions_data()
    {
        QTest::addColumn<QString>("command");
        QTest::newRow("build") << QStringLiteral("build");
        QTest::newRow("history") << QStringLiteral("history");
    }
    void helpAndBadOptions()
    {
        QFETCH(QString, command);
        const QByteArray usage = QByteArrayLiteral("Usage: variant-studio ") + command.toUtf8() + ' ';
        QByteArray out, err;
        for (const QString &help : { QStringLiteral("--help"), QStringLiteral("-h") }) {
            QCOMPARE(app({ command, help }, &out, &err), 0);
            QVERIFY2(out.startsWith(usage), out.constData());
        }
        QCOMPARE(app({ command, m_tmp.path(), QStringLiteral("x"), QStringLiteral("--frobnicate") }, &out, &err), 2);
        QVERIFY2(err.contains("frobnicate") && err.contains(usage), err.constData());
        QVERIFY(out.isEmpty());
        const QString valued = command == QLatin1String("build") ? QStringLiteral("--branch") : QStringLiteral("--json=yes");
        QCOMPARE(app({ command, m_tmp.path(), valued }, &out, &err), 2);
        QVERIFY2(err.contains(valued.section(QLatin1Char('='), 0, 0).toUtf8()) && err.contains(usage), err.constData());
    }

    // `--nix-option NAME=VALUE` is the documented `--nix-option NAME VALUE` in one word,
    // and the two forms mix; a lone NAME is a bad argument.
    void nixOptionTakesBothForms()
    {
        GitFixture repo;
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/cli-eq.nix"), toyRecipe(QStringLiteral("cli-eq"), QStringLiteral("mkdir $out"))));
        QVERIFY(repo.commitAll(QStringLiteral("recipes")));
        QByteArray out, err;
        const QStringList build { QStringLiteral("build"), repo.path(), QStringLiteral("cli-eq"), QStringLiteral("--backend"),
            QStringLiteral("nix") };
        QCOMPARE(app(build + QStringList { QStringLiteral("--nix-option"), QStringLiteral("sandbox") }, &out, &err), 2);
        QVERIFY2(err.contains("NAME=VALUE") && err.contains("\"sandbox\""), err.constData());
        QVERIFY2(!QFileInfo::exists(repo.filePath(QStringLiteral("result-cli-eq"))), "a bad argument builds nothing");

        const int code = app(build
                + QStringList { QStringLiteral("--nix-option"), QStringLiteral("build-users-group="),
                    QStringLiteral("--nix-option=sandbox=false"), QStringLiteral("--nix-option"), QStringLiteral("substituters"),
                    QString() },
            &out, &err);
        QVERIFY2(code == 0, err.constData());
        QVERIFY(QFileInfo(repo.filePath(QStringLiteral("result-cli-eq"))).isSymLink());
    }

    // --skip-built: what the local store already holds is skipped (recorded as such),
    // a recipe nix cannot evaluate is reported and not queued, the rest is built.
    void skipBuiltBuildsOnlyWhatIsMissing()
    {
        GitFixture repo;
        QVERIFY(repo.write(
            QStringLiteral(".flox/pkgs/skip-a.nix"), toyRecipe(QStringLiteral("skip-a"), QStringLiteral("echo built a; mkdir $out"))));
        QVERIFY(repo.write(
            QStringLiteral(".flox/pkgs/skip-b.nix"), toyRecipe(QStringLiteral("skip-b"), QStringLiteral("echo built b; mkdir $out"))));
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/skip-broken.nix"), QByteArray("{ a = ; }\n")));
        QVERIFY(repo.commitAll(QStringLiteral("recipes")));
        const QStringList nix = QStringList { QStringLiteral("--backend"), QStringLiteral("nix") } + offlineArgs();
        QByteArray out, err;
        QVERIFY2(
            app(QStringList { QStringLiteral("build"), repo.path(), QStringLiteral("skip-a") } + nix, &out, &err) == 0, err.constData());

        int code = app(QStringList { QStringLiteral("build"), repo.path(), QStringLiteral("skip-a"), QStringLiteral("skip-b"),
                           QStringLiteral("--skip-built") }
                + nix,
            &out, &err);
        QVERIFY2(code == 0, err.constData());
        QVERIFY2(err.contains("skip-a: already built"), err.constData());
        QVERIFY2(!out.contains("built a"), out.constData());
        QVERIFY2(out.contains("[skip-b] built b"), out.constData());
        QVERIFY2(out.contains("skipped"), out.constData()); // the summary table

        // Everything there: nothing runs at all.
        code = app(QStringList { QStringLiteral("build"), repo.path(), QStringLiteral("skip-a"), QStringLiteral("skip-b"),
                       QStringLiteral("--skip-built") }
                + nix,
            &out, &err);
        QVERIFY2(code == 0, err.constData());
        QVERIFY2(!out.contains("built a") && !out.contains("built b"), out.constData());

        code = app(QStringList { QStringLiteral("build"), repo.path(), QStringLiteral("skip-broken"), QStringLiteral("skip-a"),
                       QStringLiteral("--skip-built") }
                + nix,
            &out, &err);
        QCOMPARE(code, 1);
        QVERIFY2(err.contains("skip-broken: not queued") && err.contains("skip-broken.nix"), err.constData());

        QVERIFY(app({ QStringLiteral("history"), repo.path(), QStringLiteral("--json") }, &out, &err) == 0);
        int skipped = 0, built = 0;
        for (const QJsonValue &run : QJsonDocument::fromJson(out).object().value(QStringLiteral("runs")).toArray()) {
            QVERIFY2(run[QStringLiteral("variant")].toString() != QStringLiteral("skip-broken"), "a recipe not queued is not a run");
            if (run[QStringLiteral("skipped")].toBool()) {
                ++skipped;
                QVERIFY(run[QStringLiteral("storePath")].toString().startsWith(QStringLiteral("/nix/store/")));
            } else {
                ++built;
            }
        }
        QCOMPARE(built, 2); // skip-a once, skip-b once
        QCOMPARE(skipped, 4); // a, then a and b, then a
    }

private:
    QTemporaryDir m_tmp;
};

QTEST_GUILESS_MAIN(TestBuildCli)
#include "test_build_cli.moc"
