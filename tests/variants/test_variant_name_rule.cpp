// VariantName::parse reads names by hand (a scan parses thousands). The rule it
// replaced was this regular expression; both must agree on every name, odd ones
// included: the expression stays here as the reference the parser is held to.
#include "variants/VariantName.h"

#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QtTest>

using namespace vs;

namespace {

struct Reference {
    bool ok = false;
    QString package, glued, python, cuda, gpu, isa;
    VariantName::Kind kind = VariantName::Kind::Cpu;
};

Reference byExpression(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral(R"(^(?<package>[a-z][a-z]*?)(?<glued>\d+)?-python(?<python>3\d{1,2})-)"
                       R"((?:(?<cpu>cpu)|cuda(?<cmaj>\d+)_(?<cmin>\d+)-(?<gpu>sm\d+[a-z]?)|(?<darwin>darwin))-(?<isa>[A-Za-z0-9_.]+)$)"));
    QString name = QFileInfo(text.trimmed()).fileName();
    if (name.endsWith(QLatin1String(".nix")))
        name.chop(4);
    const QRegularExpressionMatch m = re.match(name);
    Reference r;
    if (!m.hasMatch())
        return r;
    r.ok = true;
    r.package = m.captured(u"package");
    r.glued = m.captured(u"glued");
    r.python = m.captured(u"python");
    r.isa = m.captured(u"isa").toLower().replace(QLatin1Char('.'), QLatin1Char('_'));
    if (!m.captured(u"cpu").isEmpty()) {
        r.kind = VariantName::Kind::Cpu;
    } else if (!m.captured(u"darwin").isEmpty()) {
        r.kind = VariantName::Kind::Darwin;
    } else {
        r.kind = VariantName::Kind::Cuda;
        r.cuda = m.captured(u"cmaj") + QLatin1Char('_') + m.captured(u"cmin");
        r.gpu = m.captured(u"gpu");
    }
    return r;
}

// Names near the rule: real ones, then pieces swapped, cut, doubled and spiced with
// the characters the rule cares about.
QStringList names()
{
    QStringList out = { "pytorch-python313-cuda12_9-sm90-avx512.nix", "torchvision-python311-cpu-armv9",
        "torchaudio-python312-darwin-mps.nix", "pytorch210-python313-cuda13_0-sm120a-avx2",
        ".flox/pkgs/x/pytorch-python313-cpu-armv8.2.nix", "  pytorch-python39-cpu-AVX2.nix  ", "pytorch-python313-cpu-avx2\n",
        "pytorch-python313-cpu-avx2\n.nix", "pytorch-python313-cpu-avx2\n\n", "pytorch-python3133-cpu-avx2", "pytorch-python3-cpu-avx2",
        "Pytorch-python313-cpu-avx2", "pytorch-python313-cuda_9-sm90-x", "pytorch-python313-cuda12_-sm90-x",
        "pytorch-python313-cuda12_9-sm-x", "pytorch-python313-cuda12_9-sm90ab-x", "pytorch-python313-cpu-", "pytorch-python313-cpu-a-b",
        "pytorch-python313-darwin-mps/", "-python313-cpu-avx2", "py\u00e9torch-python313-cpu-avx2", "pytorch-python313-cpu-avx\u0662",
        "pytorch\u0661\u0662-python313-cpu-avx2", "pytorch-python3\u0661\u0662-cpu-avx2", "pytorch-python313-cpu-avx2.nix.nix", "" };
    const QStringList pieces = { "pytorch", "torch", "210", "-", "python", "3", "13", "1", "cpu", "cuda", "12", "_", "9", "sm", "90", "a",
        "darwin", "mps", "avx2", "armv8.2", ".", "nix", ".nix", "/", "\n", " ", "X", "0" };
    QRandomGenerator random(20261203);
    for (int i = 0; i < 20000; ++i) {
        QString name;
        if (i % 2) { // a real shape with one piece changed
            name = out[random.bounded(5)];
            const qsizetype at = random.bounded(name.size() + 1);
            name.insert(at, pieces[random.bounded(pieces.size())]);
            if (random.bounded(2))
                name.remove(random.bounded(name.size()), random.bounded(3));
        } else {
            for (int n = random.bounded(12); n >= 0; --n)
                name += pieces[random.bounded(pieces.size())];
        }
        out.append(name);
    }
    return out;
}

} // namespace

class TestVariantNameRule : public QObject {
    Q_OBJECT
private slots:
    void parserAgreesWithTheExpression()
    {
        int matched = 0;
        for (const QString &name : names()) {
            const Reference r = byExpression(name);
            const std::optional<VariantName> v = VariantName::parse(name);
            QVERIFY2(v.has_value() == r.ok, qPrintable(name));
            if (!v)
                continue;
            ++matched;
            QCOMPARE(v->package, r.package);
            QCOMPARE(v->gluedVersion, r.glued);
            QCOMPARE(v->python, r.python);
            QCOMPARE(v->kind, r.kind);
            QCOMPARE(v->cuda, r.cuda);
            QCOMPARE(v->gpu, r.gpu);
            QCOMPARE(v->isa, r.isa);
        }
        QVERIFY2(matched > 1000, qPrintable(QString::number(matched))); // the names do reach the interesting cases
    }
};

QTEST_GUILESS_MAIN(TestVariantNameRule)
#include "test_variant_name_rule.moc"
