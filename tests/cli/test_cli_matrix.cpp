#include "repository/RealisticRecipe.h"
#include "support/GitFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace vs;
using namespace vs::test;

// `variant-studio matrix`: a branch's GPU × ISA table from the real executable.
class TestCliMatrix : public QObject {
    Q_OBJECT

    GitFixture m_repo;

    // The markdown table as rows of cells.
    static QList<QStringList> table(const QByteArray &out)
    {
        QList<QStringList> rows;
        for (const QString &line : QString::fromUtf8(out).split('\n')) {
            if (!line.startsWith("| "))
                continue;
            QStringList cells = line.mid(2, line.size() - 4).split(" | ");
            rows.append(cells);
        }
        return rows;
    }

private slots:
    void initTestCase()
    {
        for (const char *v : { "pytorch-python313-cuda12_9-sm90-avx512", "pytorch-python312-cuda12_9-sm90-avx512",
                 "torchvision-python313-cuda12_9-sm90-avx512", "pytorch-python313-cuda13_0-sm120-avx2", "pytorch-python313-cpu-avx2",
                 "pytorch-python313-darwin-mps" })
            QVERIFY(m_repo.write(QString(".flox/pkgs/%1.nix").arg(v), realisticRecipe(Catalog::embedded(), v).toUtf8()));
        QVERIFY(m_repo.write(".flox/pkgs/helper.nix", "{ }\n"));
        QVERIFY(m_repo.commitAll("recipes"));
        QVERIFY(m_repo.git({ "branch", "other" }));
        // Working tree only: shows as new on the checked-out branch.
        QVERIFY(m_repo.write(
            ".flox/pkgs/pytorch-python313-cpu-armv9.nix", realisticRecipe(Catalog::embedded(), "pytorch-python313-cpu-armv9").toUtf8()));
    }

    void markdown()
    {
        QByteArray out, err;
        QCOMPARE(runProgram(VS_APP_PATH, { "matrix", m_repo.path(), "--branch", "main", "--format", "markdown" }, {}, &out, &err), 0);
        QVERIFY2(out.startsWith("# Build matrix: main"), out.constData());
        const QList<QStringList> t = table(out);
        QCOMPARE(t.size(), 5); // header, sm90, sm120, CPU, darwin (the separator row starts with "|-")
        QCOMPARE(t[0], QStringList({ "GPU \\ ISA", "avx2", "avx512", "armv9", "mps" }));
        QCOMPARE(t[1][0], QString("sm90 (Hopper)"));
        QCOMPARE(t[1][2], QString("pytorch py312 cu12.9<br>pytorch py313 cu12.9<br>torchvision py313 cu12.9"));
        QCOMPARE(t[1][1], QString("-"));
        QCOMPARE(t[2][0], QString("sm120 (Blackwell)"));
        QCOMPARE(t[2][1], QString("pytorch py313 cu13.0"));
        QCOMPARE(t[3][0], QString("CPU only"));
        QCOMPARE(t[3][1], QString("pytorch py313"));
        QCOMPARE(t[3][3], QString("pytorch py313 (new)"));
        QCOMPARE(t[4][4], QString("pytorch py313"));
        QVERIFY(out.contains("Not in the matrix") && out.contains(".flox/pkgs/helper.nix"));
    }

    void otherBranchHasNoWorkingTree()
    {
        QByteArray out, err;
        QCOMPARE(runProgram(VS_APP_PATH, { "matrix", m_repo.path(), "--branch", "other", "--format", "json" }, {}, &out, &err), 0);
        const QJsonObject doc = QJsonDocument::fromJson(out).object();
        QCOMPARE(doc.value("branch").toString(), QString("other"));
        QCOMPARE(doc.value("columns").toArray().size(), 3); // avx2, avx512, mps: no armv9 here
        const QJsonObject sm90 = doc.value("rows").toArray().first().toObject();
        QCOMPARE(sm90.value("row").toString(), QString("sm90"));
        QCOMPARE(sm90.value("cells").toObject().value("avx512").toArray().size(), 3);
    }

    void textDefaultsToTheCheckedOutBranch()
    {
        QByteArray out, err;
        QCOMPARE(runProgram(VS_APP_PATH, { "matrix", m_repo.path() }, {}, &out, &err), 0);
        QVERIFY2(out.startsWith("Build matrix of main"), out.constData());
        QVERIFY(out.contains("sm90 (Hopper)"));
    }

    void badInput()
    {
        QByteArray out, err;
        QCOMPARE(runProgram(VS_APP_PATH, { "matrix", m_repo.path(), "--branch", "nope" }, {}, &out, &err), 1);
        QVERIFY2(err.contains("no branch 'nope'"), err.constData());
        QCOMPARE(runProgram(VS_APP_PATH, { "matrix", m_repo.path(), "--format", "html" }, {}, &out, &err), 2);
        QTemporaryDir plain;
        QCOMPARE(runProgram(VS_APP_PATH, { "matrix", plain.path(), "--branch", "main" }, {}, &out, &err), 1);
        QVERIFY(err.contains("not a git repository"));
    }
};

QTEST_GUILESS_MAIN(TestCliMatrix)
#include "test_cli_matrix.moc"
