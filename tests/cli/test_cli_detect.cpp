#include "support/GitFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace vs::test;

// `variant-studio detect` on captured machine output, through the real executable.
class TestCliDetect : public QObject {
    Q_OBJECT

    QJsonObject detectJson(const QString &fixture)
    {
        QByteArray out, err;
        const int code = runProgram(VS_APP_PATH,
            { "detect", "--json", "--from", QStringLiteral(VS_SOURCE_DIR "/tests/fixtures/hardware/") + fixture }, {}, &out, &err, 60000);
        if (code != 0)
            qWarning("%s", err.constData());
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(out, &error);
        if (error.error != QJsonParseError::NoError)
            qWarning("not JSON: %s", out.constData());
        return code == 0 ? doc.object() : QJsonObject();
    }

private slots:
    void h100Json()
    {
        const QJsonObject o = detectJson("h100-xeon");
        QVERIFY(!o.isEmpty());
        const QJsonArray gpus = o["gpus"].toArray();
        QCOMPARE(gpus.size(), 1);
        const QJsonObject g = gpus.first().toObject();
        QCOMPARE(g["index"].toInt(-1), 0);
        QCOMPARE(g["name"].toString(), QStringLiteral("NVIDIA H100 80GB HBM3"));
        QCOMPARE(g["computeCapability"].toString(), QStringLiteral("9.0"));
        QCOMPARE(g["arch"].toString(), QStringLiteral("sm90"));
        QCOMPARE(g["driver"].toString(), QStringLiteral("580.159.04"));
        QCOMPARE(o["maxCuda"].toString(), QStringLiteral("13_0"));
        QCOMPARE(o["cpu"]["machine"].toString(), QStringLiteral("x86_64"));
        QCOMPARE(o["cpu"]["isas"].toArray(), QJsonArray::fromStringList({ "avx", "avx2", "avx512", "avx512bf16", "avx512vnni" }));
        QCOMPARE(o["recommended"]["gpu"].toString(), QStringLiteral("sm90"));
        QCOMPARE(o["recommended"]["isa"].toString(), QStringLiteral("avx512"));
        QCOMPARE(o["recommended"]["suffix"].toString(), QStringLiteral("cuda13_0-sm90-avx512"));
    }

    void noGpuJson()
    {
        const QJsonObject o = detectJson("no-gpu-x86");
        QVERIFY(!o.isEmpty());
        QVERIFY(o["gpus"].toArray().isEmpty());
        QCOMPARE(o["nvidiaSmiFound"].toBool(true), false);
        QVERIFY(o["maxCuda"].isNull());
        QVERIFY(o["recommended"]["gpu"].isNull());
        QCOMPARE(o["recommended"]["suffix"].toString(), QStringLiteral("cpu-avx512"));
    }

    // --repo: the branch's own CUDA release (the window's rule), not the driver's newest.
    void recommendsWithinABranch()
    {
        GitFixture repo;
        QByteArray out, err;
        const QStringList variants { "pytorch-python311-cuda12_8-sm90-avx512", "pytorch-python311-cuda12_8-sm90-avx2",
            "pytorch-python311-cpu-avx2", "pytorch-python311-cuda12_8-sm120-avx512" };
        for (const QString &v : variants) {
            QCOMPARE(runProgram(VS_APP_PATH, { "generate", v }, {}, &out, &err), 0);
            QVERIFY(repo.write(".flox/pkgs/" + v + ".nix", out));
        }
        QVERIFY2(repo.commitAll("recipes"), qPrintable(repo.lastError()));
        QVERIFY(repo.git({ "branch", "other" }));
        QVERIFY(repo.git({ "rm", "-q", "--", ".flox/pkgs/pytorch-python311-cuda12_8-sm90-avx512.nix" }));
        QVERIFY(repo.git({ "commit", "-q", "-m", "drop one" }));
        const QString fixture = QStringLiteral(VS_SOURCE_DIR "/tests/fixtures/hardware/h100-xeon");

        QCOMPARE(
            runProgram(VS_APP_PATH, { "detect", "--json", "--from", fixture, "--repo", repo.path(), "--branch", "other" }, {}, &out, &err),
            0);
        QJsonObject o = QJsonDocument::fromJson(out).object();
        QCOMPARE(o["recommended"].toObject()["cuda"].toString(), QStringLiteral("13_0")); // the machine alone
        QJsonObject r = o["repository"].toObject();
        QCOMPARE(r["branch"].toString(), QStringLiteral("other"));
        QCOMPARE(r["cuda"].toString(), QStringLiteral("12_8"));
        QCOMPARE(r["variant"].toString(), QStringLiteral("pytorch-python311-cuda12_8-sm90-avx512"));
        QCOMPARE(r["variantExists"].toBool(false), true);
        QCOMPARE(r["runnableRecipes"].toInt(-1), 3); // not the sm120 one

        // Default: the checked-out branch (main), where that recipe was removed.
        QCOMPARE(runProgram(VS_APP_PATH, { "detect", "--from", fixture, "--repo", repo.path() }, {}, &out, &err), 0);
        QVERIFY2(out.contains("Branch main: pytorch-python311-cuda12_8-sm90-avx512 (no such recipe on the branch yet)"), out.constData());
        QVERIFY2(out.contains("2 of its recipes run here"), out.constData());

        QCOMPARE(runProgram(VS_APP_PATH, { "detect", "--from", fixture, "--repo", repo.path(), "--branch", "nope" }, {}, &out, &err), 1);
        QVERIFY2(err.contains("no branch 'nope'"), err.constData());
        QCOMPARE(runProgram(VS_APP_PATH, { "detect", "--from", fixture, "--branch", "main" }, {}, &out, &err), 2);
        QCOMPARE(runProgram(VS_APP_PATH, { "detect", "--from", fixture, "--repo", "/no/such/repo" }, {}, &out, &err), 1);
        QVERIFY2(err.contains("/no/such/repo"), err.constData());
    }

    void textOutputAndBadDirectory()
    {
        QByteArray out, err;
        QCOMPARE(
            runProgram(VS_APP_PATH, { "detect", "--from", VS_SOURCE_DIR "/tests/fixtures/hardware/driver-failure" }, {}, &out, &err), 0);
        QVERIFY2(out.contains("couldn't communicate with the NVIDIA driver"), out.constData());
        QVERIFY2(out.contains("Recommended: cpu-avx2"), out.constData());
        QCOMPARE(runProgram(VS_APP_PATH, { "detect", "--from", "/no/such/dir" }, {}, &out, &err), 1);
        QVERIFY2(err.contains("/no/such/dir"), err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliDetect)
#include "test_cli_detect.moc"
