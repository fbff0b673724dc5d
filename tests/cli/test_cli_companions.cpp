#include "repository/RealisticRecipe.h"
#include "support/CompanionRecipes.h"
#include "support/GitFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace vs;
using namespace vs::test;

// `variant-studio companions`: pairing, partners, shared builds and the exit
// status of the real executable on real repositories, evaluated with real nix.
class TestCliCompanions : public QObject {
    Q_OBJECT

    GitFixture m_pytorch, m_vision;

    static QString pkg(const char *variant) { return QStringLiteral(".flox/pkgs/%1.nix").arg(QLatin1String(variant)); }
    static QString pytorch(const char *variant, const QString &pin = QString::fromLatin1(kRealisticRev))
    {
        return realisticRecipe(Catalog::embedded(), QLatin1String(variant), pin);
    }

    static QJsonObject entry(const QJsonArray &list, const QString &variant)
    {
        for (const QJsonValue &v : list)
            if (v.toObject().value("variant").toString() == variant)
                return v.toObject();
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_pytorch.write(pkg("pytorch-python313-cuda12_9-sm90-avx512"), pytorch("pytorch-python313-cuda12_9-sm90-avx512").toUtf8()));
        QVERIFY(m_pytorch.write(pkg("pytorch-python313-cpu-avx512"), pytorch("pytorch-python313-cpu-avx512").toUtf8()));
        QVERIFY(m_pytorch.commitAll("pytorch"));
        const Catalog &c = Catalog::embedded();
        // main: sm90 shares its PyTorch; cpu-avx512 pins another nixpkgs; cpu-avx2 has no partner.
        QVERIFY(m_vision.write(pkg("torchvision-python313-cuda12_9-sm90-avx512"),
            pinnedCompanion(c, pytorch("pytorch-python313-cuda12_9-sm90-avx512"), "torchvision-python313-cuda12_9-sm90-avx512").toUtf8()));
        QVERIFY(m_vision.write(pkg("torchvision-python313-cpu-avx512"),
            pinnedCompanion(
                c, pytorch("pytorch-python313-cpu-avx512", "0182a361324364ae3f436a63005877674cf45efb"), "torchvision-python313-cpu-avx512")
                .toUtf8()));
        QVERIFY(m_vision.write(pkg("torchvision-python313-cpu-avx2"),
            pinnedCompanion(c, pytorch("pytorch-python313-cpu-avx2"), "torchvision-python313-cpu-avx2").toUtf8()));
        QVERIFY(m_vision.commitAll("vision"));
        // complete: only the shared one.
        QVERIFY(m_vision.git({ "checkout", "-q", "-b", "complete" }));
        QVERIFY(m_vision.git({ "rm", "-q", pkg("torchvision-python313-cpu-avx2"), pkg("torchvision-python313-cpu-avx512") }));
        QVERIFY(m_vision.commitAll("complete"));
        QVERIFY(m_vision.git({ "checkout", "-q", "main" }));
    }

    void json()
    {
        QByteArray out, err;
        QCOMPARE(
            runProgram(VS_APP_PATH, { "companions", m_pytorch.path(), m_vision.path(), "--branch", "main", "--json" }, {}, &out, &err), 1);
        const QJsonObject doc = QJsonDocument::fromJson(out).object();
        const QJsonArray companions = doc.value("companions").toArray();
        QCOMPARE(companions.size(), 3);
        const QJsonObject shared = entry(companions, "torchvision-python313-cuda12_9-sm90-avx512");
        QCOMPARE(shared.value("branch").toString(), QString("main"));
        QCOMPARE(shared.value("file").toString(), pkg("torchvision-python313-cuda12_9-sm90-avx512"));
        QCOMPARE(shared.value("pytorchBranch").toString(), QString("main"));
        QCOMPARE(shared.value("pytorchVariant").toString(), QString("pytorch-python313-cuda12_9-sm90-avx512"));
        QCOMPARE(shared.value("pytorchRecipe").toString(), pkg("pytorch-python313-cuda12_9-sm90-avx512"));
        QCOMPARE(shared.value("pytorchStatus").toString(), QString("defined"));
        QVERIFY2(shared.value("sharedBuild").isBool() && shared.value("sharedBuild").toBool(), out.constData());
        QCOMPARE(shared.value("differences").toArray().size(), 0);

        const QJsonObject pinned = entry(companions, "torchvision-python313-cpu-avx512");
        QCOMPARE(pinned.value("sharedBuild").toBool(true), false);
        const QJsonObject d = pinned.value("differences").toArray().first().toObject();
        QCOMPARE(d.value("what").toString(), QString("nixpkgs pin"));
        QCOMPARE(d.value("companion").toString(), QString("0182a361324364ae3f436a63005877674cf45efb"));
        QCOMPARE(d.value("pytorch").toString(), QString::fromLatin1(kRealisticRev));

        const QJsonObject orphan = entry(companions, "torchvision-python313-cpu-avx2");
        QVERIFY(orphan.value("pytorchRecipe").isNull());
        QCOMPARE(orphan.value("pytorchStatus").toString(), QString("missing"));
        QVERIFY(orphan.value("sharedBuild").isNull());

        const QJsonArray pairs = doc.value("pairs").toArray();
        QCOMPARE(pairs.size(), 1);
        QCOMPARE(pairs.first().toObject().value("companionBranch").toString(), QString("main"));
        QCOMPARE(pairs.first().toObject().value("pytorchBranch").toString(), QString("main"));
        const QJsonObject gap = doc.value("gaps").toArray().first().toObject();
        QCOMPARE(gap.value("withoutPytorch").toArray(), QJsonArray { "torchvision-python313-cpu-avx2" });
    }

    void exitZeroWhenEveryCompanionHasItsPyTorch()
    {
        QByteArray out, err;
        QCOMPARE(runProgram(VS_APP_PATH, { "companions", m_pytorch.path(), m_vision.path(), "--branch", "complete" }, {}, &out, &err), 0);
        QVERIFY2(out.contains("shares its PyTorch build"), out.constData());
        QVERIFY2(out.contains("0 without a PyTorch recipe"), out.constData());
    }

    void badArguments()
    {
        QByteArray out, err;
        QCOMPARE(runProgram(VS_APP_PATH, { "companions", m_pytorch.path() }, {}, &out, &err), 2);
        QCOMPARE(runProgram(VS_APP_PATH, { "companions", m_pytorch.path(), m_vision.path(), "--branch", "nope" }, {}, &out, &err), 2);
        QVERIFY2(err.contains("nope"), err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliCompanions)
#include "test_cli_companions.moc"
