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

    // The companion repository's .flox/variant-studio.yaml states the pairing: it wins
    // over what inference picks (main, same name and pin), and a stated PyTorch branch
    // that does not exist is reported as such.
    void statedPairing()
    {
        GitFixture pytorchRepo, vision;
        const QString pinB = QStringLiteral("0182a361324364ae3f436a63005877674cf45efb");
        QVERIFY(pytorchRepo.write(pkg("pytorch-python313-cpu-avx512"), pytorch("pytorch-python313-cpu-avx512").toUtf8()));
        QVERIFY(pytorchRepo.commitAll("main"));
        QVERIFY(pytorchRepo.git({ "checkout", "-q", "-b", "pytorch-2.9-python313" }));
        QVERIFY(pytorchRepo.write(pkg("pytorch-python313-cpu-avx512"), pytorch("pytorch-python313-cpu-avx512", pinB).toUtf8()));
        QVERIFY(pytorchRepo.commitAll("2.9"));
        QVERIFY(vision.write(pkg("torchvision-python313-cpu-avx512"),
            pinnedCompanion(Catalog::embedded(), pytorch("pytorch-python313-cpu-avx512"), "torchvision-python313-cpu-avx512").toUtf8()));
        QVERIFY(vision.commitAll("vision"));
        QVERIFY(vision.git({ "branch", "feature" }));

        QByteArray out, err;
        const QStringList args { "companions", pytorchRepo.path(), vision.path(), "--json", "--no-eval" };
        QCOMPARE(runProgram(VS_APP_PATH, args, {}, &out, &err), 0);
        QJsonArray pairs = QJsonDocument::fromJson(out).object().value("pairs").toArray();
        QCOMPARE(pairs.size(), 2);
        QCOMPARE(pairs.at(1).toObject().value("pytorchBranch").toString(), QString("main")); // inferred
        QCOMPARE(pairs.at(1).toObject().value("stated").toBool(true), false);

        QVERIFY(vision.write(".flox/variant-studio.yaml",
            "# pairs of this repository\npairing:\n  main: pytorch-2.9-python313\n  feature: pytorch-3.0\n  renamed: main\n"));
        QVERIFY(vision.commitAll("pairing"));
        QCOMPARE(runProgram(VS_APP_PATH, args, {}, &out, &err), 1); // feature's recipe has no PyTorch partner
        const QJsonObject doc = QJsonDocument::fromJson(out).object();
        pairs = doc.value("pairs").toArray();
        const QJsonObject feature = pairs.at(0).toObject(), main = pairs.at(1).toObject();
        QCOMPARE(main.value("companionBranch").toString(), QString("main"));
        QCOMPARE(main.value("pytorchBranch").toString(), QString("pytorch-2.9-python313"));
        QVERIFY(main.value("stated").toBool());
        QVERIFY2(main.value("reason").toString().contains(".flox/variant-studio.yaml:3"), qPrintable(main.value("reason").toString()));
        QCOMPARE(feature.value("companionBranch").toString(), QString("feature"));
        QVERIFY(feature.value("pytorchBranch").isNull());
        QVERIFY(feature.value("stated").toBool());
        QVERIFY2(feature.value("reason").toString().contains("'pytorch-3.0', which the PyTorch repository does not have"),
            qPrintable(feature.value("reason").toString()));
        // A statement about a branch the companion repository does not have is listed, with where it is.
        QCOMPARE(pairs.size(), 3);
        const QJsonObject renamed = pairs.at(2).toObject();
        QCOMPARE(renamed.value("companionBranch").toString(), QString("renamed"));
        QVERIFY(renamed.value("pytorchBranch").isNull());
        QVERIFY(renamed.value("stated").toBool());
        QVERIFY2(renamed.value("reason").toString().contains(
                     ".flox/variant-studio.yaml:5 pairs 'renamed', a branch this repository does not have"),
            qPrintable(renamed.value("reason").toString()));
        // The companion entry follows the stated pair.
        QJsonObject e = doc.value("companions").toArray().at(1).toObject();
        QCOMPARE(e.value("branch").toString(), QString("main"));
        QCOMPARE(e.value("pytorchBranch").toString(), QString("pytorch-2.9-python313"));
        QVERIFY(doc.value("companions").toArray().at(0).toObject().value("pytorchBranch").isNull());

        // A broken pairing section: the file and line on stderr, and inference as before.
        QVERIFY(vision.write(".flox/variant-studio.yaml", "pairing:\n  main: \"\"\n"));
        QCOMPARE(runProgram(VS_APP_PATH, args, {}, &out, &err), 0);
        QVERIFY2(err.contains("variant-studio.yaml:2: an empty branch name in 'pairing'"), err.constData());
        pairs = QJsonDocument::fromJson(out).object().value("pairs").toArray();
        QCOMPARE(pairs.at(1).toObject().value("pytorchBranch").toString(), QString("main"));
        QCOMPARE(pairs.at(1).toObject().value("stated").toBool(true), false);
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
