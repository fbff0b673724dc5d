#include "repository/RealisticRecipe.h"
#include "support/GitFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace vs;
using namespace vs::test;

// `variant-studio lint`: exit status and JSON of the real executable.
class TestCliLint : public QObject {
    Q_OBJECT

    static QByteArray recipe(const QString &variant) { return realisticRecipe(Catalog::embedded(), variant).toUtf8(); }

private slots:
    void cleanRepositoryPasses()
    {
        GitFixture g;
        for (const char *v : { "pytorch-python313-cuda12_9-sm90-avx512", "pytorch-python313-cpu-armv9", "torchaudio-python313-darwin-mps" })
            QVERIFY(g.write(QString(".flox/pkgs/%1.nix").arg(v), recipe(v)));
        QVERIFY(g.commitAll("clean"));
        QByteArray out, err;
        QCOMPARE(runProgram(VS_APP_PATH, { "lint", g.path(), "--json" }, {}, &out, &err), 0);
        const QJsonObject doc = QJsonDocument::fromJson(out).object();
        QVERIFY(doc.contains("problems"));
        QCOMPARE(doc.value("problems").toArray().size(), 0);
        QCOMPARE(runProgram(VS_APP_PATH, { "lint", g.path() }, {}, &out, &err), 0);
        QVERIFY2(out.contains("0 error(s)"), out.constData());
    }

    void defectsFailWithLocatedProblems()
    {
        GitFixture g;
        QVERIFY(g.write(".flox/pkgs/pytorch-python313-cuda12_9-sm90-avx512.nix", recipe("pytorch-python313-cuda12_9-sm90-avx512")));
        QVERIFY(g.commitAll("ok"));
        QVERIFY(g.git({ "checkout", "-q", "-b", "pytorch-2.8/broken" }));
        // sm103 needs CUDA 12.9; this recipe asks 12.8 (a defect seen in public repositories).
        const QByteArray bad = recipe("pytorch-python313-cuda12_8-sm103-avx512");
        QVERIFY(g.write(".flox/pkgs/pytorch-python313-cuda12_8-sm103-avx512.nix", bad));
        QVERIFY(g.commitAll("broken"));
        int badLine = 0;
        const QList<QByteArray> lines = bad.split('\n');
        for (int i = 0; i < lines.size() && !badLine; ++i)
            if (lines[i].contains("gpuArchNum"))
                badLine = i + 1;

        QByteArray out, err;
        QCOMPARE(runProgram(VS_APP_PATH, { "lint", g.path(), "--json" }, {}, &out, &err), 1);
        const QJsonArray problems = QJsonDocument::fromJson(out).object().value("problems").toArray();
        QCOMPARE(problems.size(), 1);
        const QJsonObject p = problems.first().toObject();
        QCOMPARE(p.value("branch").toString(), QString("pytorch-2.8/broken"));
        QCOMPARE(p.value("file").toString(), QString(".flox/pkgs/pytorch-python313-cuda12_8-sm103-avx512.nix"));
        QCOMPARE(p.value("line").toInt(), badLine);
        QCOMPARE(p.value("severity").toString(), QString("error"));
        QCOMPARE(p.value("rule").toString(), QString("cuda-arch-unsupported"));
        QVERIFY(p.value("message").toString().contains("CUDA 12.8"));

        // Text output names branch, file and line; --deep is accepted; --branch narrows.
        QCOMPARE(runProgram(VS_APP_PATH, { "lint", g.path(), "--deep" }, {}, &out, &err), 1);
        QVERIFY2(out.contains(
                     QString("pytorch-2.8/broken:.flox/pkgs/pytorch-python313-cuda12_8-sm103-avx512.nix:%1: error:").arg(badLine).toUtf8()),
            out.constData());
        QCOMPARE(runProgram(VS_APP_PATH, { "lint", g.path(), "--branch", "main" }, {}, &out, &err), 0);
    }

    void notARepository()
    {
        QTemporaryDir plain;
        QByteArray out, err;
        QCOMPARE(runProgram(VS_APP_PATH, { "lint", plain.path(), "--json" }, {}, &out, &err), 1);
        QVERIFY2(err.contains("not a git repository"), err.constData());
        QVERIFY(out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliLint)
#include "test_cli_lint.moc"
