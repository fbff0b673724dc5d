// `variant-studio outputs`: the real executable on a real repository with toy
// recipes, the real nix-instantiate and nix-store: output paths, which are built,
// a broken recipe reported (exit 1), and a branch that is not checked out.
#include "BuildTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>

using namespace vs;
using namespace vs::test;

class TestOutputsCli : public QObject {
    Q_OBJECT
private:
    int outputs(const QStringList &args, QByteArray *out, QByteArray *err)
    {
        QProcess p;
        p.setProcessEnvironment(isolatedEnvironment(m_tmp));
        p.start(QStringLiteral(VS_APP_PATH), QStringList { QStringLiteral("outputs") } + args);
        if (!p.waitForFinished(240000))
            return -1;
        *out = p.readAllStandardOutput();
        *err = p.readAllStandardError();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("nix-instantiate")).isEmpty())
            QSKIP("nix is not installed");
        QVERIFY(m_tmp.isValid());
    }

    void printsPathsAndWhatIsBuilt()
    {
        GitFixture repo;
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/done.nix"), toyRecipe(QStringLiteral("done"), QStringLiteral("echo d > $out"))));
        QVERIFY(repo.write(
            QStringLiteral(".flox/pkgs/fresh/default.nix"), toyRecipe(QStringLiteral("fresh"), QStringLiteral("echo f > $out"))));
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/broken.nix"), "{ gpu }: derivation { name = gpu; }\n"));
        QVERIFY(repo.commitAll(QStringLiteral("three recipes")));
        QByteArray out, err;
        QCOMPARE(runProgram(QStringLiteral("nix-build"),
                     QStringList { repo.filePath(QStringLiteral(".flox/pkgs/done.nix")), QStringLiteral("-o"),
                         repo.filePath(QStringLiteral("result-done")) }
                         + offlineNixOptions(),
                     {}, &out, &err),
            0);
        const QString built = QFileInfo(repo.filePath(QStringLiteral("result-done"))).symLinkTarget();

        QCOMPARE(outputs({ repo.path(), QStringLiteral("--json") }, &out, &err), 1); // the broken recipe
        const QJsonObject doc = QJsonDocument::fromJson(out).object();
        QCOMPARE(doc.value(QStringLiteral("branch")).toString(), QStringLiteral("main"));
        const QJsonArray recipes = doc.value(QStringLiteral("recipes")).toArray();
        QCOMPARE(recipes.size(), 3); // every recipe of the branch, sorted
        const QJsonObject broken = recipes.at(0).toObject(), done = recipes.at(1).toObject(), fresh = recipes.at(2).toObject();
        QCOMPARE(done.value(QStringLiteral("variant")).toString(), QStringLiteral("done"));
        QVERIFY(done.value(QStringLiteral("built")).toBool());
        QCOMPARE(done.value(QStringLiteral("where")).toString(), QStringLiteral("local"));
        QCOMPARE(done.value(QStringLiteral("outPath")).toString(), built);
        QCOMPARE(fresh.value(QStringLiteral("recipe")).toString(), QStringLiteral(".flox/pkgs/fresh/default.nix"));
        QVERIFY(!fresh.value(QStringLiteral("built")).toBool());
        QVERIFY(fresh.value(QStringLiteral("outPath")).toString().endsWith(QLatin1String("-fresh")));
        QVERIFY(broken.value(QStringLiteral("outPath")).isNull());
        QVERIFY(broken.value(QStringLiteral("error")).toString().contains(QLatin1String(".flox/pkgs/broken.nix")));

        // Text, for the variants asked: no broken one, so exit 0.
        QCOMPARE(outputs({ repo.path(), QStringLiteral("fresh"), QStringLiteral("done") }, &out, &err), 0);
        const QStringList lines = QString::fromUtf8(out).trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(0).startsWith(QLatin1String("not built  fresh  /nix/store/")));
        QCOMPARE(lines.at(1), QStringLiteral("built      done  ") + built);
    }

    void branchNotCheckedOut()
    {
        GitFixture repo;
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/on-main.nix"), toyRecipe(QStringLiteral("on-main"), QStringLiteral("echo > $out"))));
        QVERIFY(repo.commitAll(QStringLiteral("main")));
        QVERIFY(repo.git({ QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("dev") }));
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/on-dev.nix"), toyRecipe(QStringLiteral("on-dev"), QStringLiteral("echo > $out"))));
        QVERIFY(repo.commitAll(QStringLiteral("dev")));
        QVERIFY(repo.git({ QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main") }));
        QByteArray out, err;
        QCOMPARE(outputs({ repo.path(), QStringLiteral("--branch"), QStringLiteral("dev"), QStringLiteral("--json") }, &out, &err), 0);
        const QJsonArray recipes = QJsonDocument::fromJson(out).object().value(QStringLiteral("recipes")).toArray();
        QCOMPARE(recipes.size(), 2);
        QCOMPARE(recipes.at(0).toObject().value(QStringLiteral("variant")).toString(), QStringLiteral("on-dev"));
        QVERIFY(!QFileInfo::exists(repo.filePath(QStringLiteral(".flox/pkgs/on-dev.nix")))); // the user's tree untouched
        QCOMPARE(outputs({ repo.path(), QStringLiteral("--branch"), QStringLiteral("no-such-branch") }, &out, &err), 1);
        QVERIFY2(err.contains("no-such-branch"), err.constData());
    }

    void usageAndBadArguments()
    {
        QByteArray out, err;
        QCOMPARE(outputs({ QStringLiteral("--help") }, &out, &err), 0);
        QVERIFY(out.startsWith("Usage: variant-studio outputs REPO"));
        QCOMPARE(outputs({}, &out, &err), 2);
        QVERIFY2(err.contains("expected REPO"), err.constData());
        QCOMPARE(outputs({ QStringLiteral("--no-such-option"), m_tmp.path() }, &out, &err), 2);
        QVERIFY2(err.contains("no-such-option"), err.constData());
    }

private:
    QTemporaryDir m_tmp;
};

QTEST_GUILESS_MAIN(TestOutputsCli)
#include "test_outputs_cli.moc"
