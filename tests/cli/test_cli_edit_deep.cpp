// `variant-studio edit … --deep`: the real nix-instantiate evaluates the changed
// recipes before and after against the stand-in nixpkgs; an error only the
// evaluation sees (lint reads text and is fooled) blocks the apply unless
// insisted on, and an error the recipe already had is not new.
#include "support/GitFixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QtTest>

using namespace vs::test;

namespace {
QByteArray fixture(const QString &name)
{
    QFile f(QStringLiteral(VS_FIXTURES_DIR "/deep-check/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

int app(const QStringList &args, QByteArray *out, QByteArray *err)
{
    return runProgram(VS_APP_PATH, QStringList { "edit" } + args, {}, out, err);
}

// Rewrites the flags through builtins.replaceStrings: the text still reads
// "-mavx2", the evaluated CXXFLAGS are "-mavx512f …".
const QStringList kHiddenFlags { "replace", "CXXFLAGS = (\"[^\"]*\")",
    "CXXFLAGS = builtins.replaceStrings [ \"avx2\" ] [ \"avx512f\" ] \\1" };
} // namespace

class TestCliEditDeep : public QObject {
    Q_OBJECT
    GitFixture m_repo;

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable("nix-instantiate").isEmpty())
            QSKIP("nix-instantiate is not on PATH");
        const QString cpu = "pytorch-python313-cpu-avx2.nix";
        const QString liar = "pytorch-python313-cuda12_8-sm90-avx2.nix"; // deep errors of its own already
        QVERIFY(!fixture(cpu).isEmpty() && !fixture(liar).isEmpty());
        QVERIFY(m_repo.write(".flox/pkgs/" + cpu, fixture(cpu)));
        QVERIFY(m_repo.write(".flox/pkgs/" + liar, fixture(liar)));
        QVERIFY(m_repo.commitAll("recipes"));
        QVERIFY(m_repo.git({ "branch", "pytorch-2.9-python313" })); // evaluated from its blobs
    }

    void onlyTheDeepCheckSeesTheError()
    {
        QByteArray out, err;
        QCOMPARE(app(QStringList { m_repo.path(), "--cells", "*-cpu-*" } + kHiddenFlags + QStringList { "--dry-run" }, &out, &err), 0);
        QVERIFY2(out.contains("2 file(s) would change") && !out.contains("New lint errors"), out.constData());

        QCOMPARE(
            app(QStringList { m_repo.path(), "--cells", "*-cpu-*", "--deep" } + kHiddenFlags + QStringList { "--dry-run" }, &out, &err), 0);
        QVERIFY2(out.contains("New deep-check errors the change brings:"), out.constData());
        QVERIFY(out.contains("main:.flox/pkgs/pytorch-python313-cpu-avx2.nix") && out.contains("[deep-cpu-flags]"));
        QVERIFY(out.contains("pytorch-2.9-python313:.flox/pkgs/pytorch-python313-cpu-avx2.nix"));

        const QString before = m_repo.revParse("main");
        QCOMPARE(app(QStringList { m_repo.path(), "--cells", "*-cpu-*", "--deep" } + kHiddenFlags, &out, &err), 1);
        QVERIFY2(err.contains("new lint or deep-check error") && err.contains("deep-cpu-flags"), err.constData());
        QCOMPARE(m_repo.revParse("main"), before); // nothing written

        QCOMPARE(app(QStringList { m_repo.path(), "--branch", "main", "--cells", "*-cpu-*", "--deep", "--allow-new-errors" } + kHiddenFlags,
                     &out, &err),
            0);
        QVERIFY(m_repo.revParse("main") != before);
        QVERIFY(m_repo.git({ "reset", "-q", "--hard", before }));
    }

    // The liar already fails the deep check; a change that does not touch what
    // it gets wrong brings nothing new, and applies.
    void errorsARecipeAlreadyHadAreNotNew()
    {
        QByteArray out, err;
        QCOMPARE(app({ m_repo.path(), "--branch", "main", "--cells", "*-sm90-*", "set", "ninjaFlags", "[ \"-j4\" ]", "--deep", "--json" },
                     &out, &err),
            0);
        const QJsonObject root = QJsonDocument::fromJson(out).object();
        QCOMPARE(root["deepChecked"].toBool(), true);
        QCOMPARE(root["counts"]["changed"].toInt(), 1);
        QCOMPARE(root["newErrors"].toArray(), QJsonArray());
        QCOMPARE(root["commits"].toArray().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliEditDeep)
#include "test_cli_edit_deep.moc"
