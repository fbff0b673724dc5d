#include "support/GitFixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace vs::test;

// `variant-studio lint --deep` through the real executable and the real nix.
class TestDeepCheckCli : public QObject {
    Q_OBJECT

    static QByteArray fixture(const QString &name)
    {
        QFile f(QStringLiteral(VS_SOURCE_DIR "/tests/fixtures/deep-check/") + name);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void deepFindsWhatTextLintCannot()
    {
        GitFixture g;
        const QString liar = "pytorch-python313-cuda12_8-sm90-avx2.nix";
        const QString gap = "needs-flash-attn.nix";
        QVERIFY(g.write(".flox/pkgs/" + liar, fixture(liar)));
        QVERIFY(g.write(".flox/pkgs/pytorch-python313-cuda12_9-sm90-avx512.nix", fixture(gap)));
        QVERIFY(g.commitAll("recipes"));

        QByteArray out, err;
        runProgram(VS_APP_PATH, { "lint", g.path(), "--json" }, {}, &out, &err);
        QVERIFY2(!out.contains("deep-"), out.constData());

        QVERIFY(runProgram(VS_APP_PATH, { "lint", g.path(), "--json", "--deep" }, {}, &out, &err, 300000) == 1);
        QStringList found;
        for (const QJsonValue &v : QJsonDocument::fromJson(out).object().value("problems").toArray()) {
            const QJsonObject p = v.toObject();
            if (p.value("rule").toString().startsWith("deep-"))
                found << p.value("file").toString().section('/', -1) + " " + p.value("rule").toString() + " "
                        + p.value("severity").toString();
        }
        QVERIFY2(found.contains(liar + " deep-gpu-targets error"), qPrintable(found.join('\n')));
        QVERIFY2(found.contains("pytorch-python313-cuda12_9-sm90-avx512.nix deep-unevaluated info"), qPrintable(found.join('\n')));
        for (const QString &f : found)
            QVERIFY2(!f.startsWith("pytorch-python313-cuda12_9") || f.endsWith("info"), qPrintable(f));
    }
};

QTEST_GUILESS_MAIN(TestDeepCheckCli)
#include "test_deep_check_cli.moc"
