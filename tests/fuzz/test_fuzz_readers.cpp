// Seeded random-mutation fuzzing of the two readers that take repository text:
// the catalogue YAML (CatalogLoader) and the recipe text scanner (RecipeMetadata
// over NixTextScanner). Seeds: tests/fuzz/corpus plus the shipped catalogue and
// the reference recipes. Bounded (VS_FUZZ_ITERATIONS per target, default 5000)
// and reproducible (VS_FUZZ_SEED, printed): a crash, a hang caught by CTest's
// timeout, or a broken invariant fails the test and names the seed and input.
#include "catalog/CatalogLoader.h"
#include "recipes/RecipeMetadata.h"

#include <QDir>
#include <QDirIterator>
#include <QRandomGenerator>
#include <QtTest>

using namespace vs;

namespace {

QList<QByteArray> seedsFrom(const QStringList &folders, const QStringList &patterns)
{
    QList<QByteArray> seeds;
    for (const QString &folder : folders) {
        QDirIterator it(folder, patterns, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.open(QIODevice::ReadOnly))
                seeds << f.readAll();
        }
    }
    return seeds;
}

// Pieces that matter to a YAML or Nix lexer: quoting, nesting, interpolation,
// comments, anchors, odd bytes.
const QList<QByteArray> kTokens = { "\"", "'", "''", "${", "}", "{", "[", "]", ":", ": ", "- ", "\n  ", "\t", "#", "/*", "*/", "&a ", "*a",
    "<<: ", "!!binary ", "|\n", ">-\n", QByteArray(1, '\0'), "\xff", "\xef\xbb\xbf", "\\", ";", "=", "gpuArchNum = \"", "gpuTargets = [ ",
    "-mavx512f", "cudaPackages_", "sm_", "fetchTarball", "id: ", "---\n", "...\n" };

QByteArray mutate(QByteArray input, const QList<QByteArray> &seeds, QRandomGenerator &random)
{
    const int steps = 1 + int(random.bounded(4));
    for (int s = 0; s < steps; ++s) {
        const qsizetype size = input.size();
        const qsizetype at = size ? qsizetype(random.bounded(quint64(size))) : 0;
        switch (random.bounded(7)) {
        case 0: // flip one byte
            if (size)
                input[at] = char(random.bounded(256));
            break;
        case 1: // insert a token
            input.insert(at, kTokens.at(random.bounded(int(kTokens.size()))));
            break;
        case 2: // delete a run
            input.remove(at, qsizetype(random.bounded(64)));
            break;
        case 3: // duplicate a run
            input.insert(at, input.mid(at, qsizetype(random.bounded(128))));
            break;
        case 4: // truncate
            input.truncate(at);
            break;
        case 5: { // splice in part of another seed
            const QByteArray &other = seeds.at(random.bounded(int(seeds.size())));
            if (!other.isEmpty()) {
                const qsizetype from = qsizetype(random.bounded(quint64(other.size())));
                input.insert(at, other.mid(from, qsizetype(random.bounded(256))));
            }
            break;
        }
        default: // a random byte
            input.insert(at, char(random.bounded(256)));
            break;
        }
    }
    return input;
}

int iterations()
{
    const int n = qEnvironmentVariableIntValue("VS_FUZZ_ITERATIONS");
    return n > 0 ? n : 5000;
}

quint32 seed()
{
    bool ok = false;
    const quint32 s = qEnvironmentVariable("VS_FUZZ_SEED").toUInt(&ok);
    return ok ? s : 20261123u;
}

QString where(quint32 s, int i, const QByteArray &input)
{
    return QStringLiteral("VS_FUZZ_SEED=%1, input %2: %3").arg(s).arg(i).arg(QString::fromLatin1(input.left(200).toPercentEncoding()));
}

} // namespace

class TestFuzzReaders : public QObject {
    Q_OBJECT
private slots:
    void catalogueYaml()
    {
        const QList<QByteArray> seeds = seedsFrom({ VS_TESTS_DIR "/fuzz/corpus/catalog", VS_SOURCE_DIR "/resources" }, { "*.yaml" });
        QVERIFY(seeds.size() >= 3);
        const quint32 s = seed();
        qInfo("seed %u, %d inputs", s, iterations());
        QRandomGenerator random(s);
        const Catalog base = Catalog::embedded();
        int accepted = 0, rejected = 0;
        for (int i = 0; i < iterations(); ++i) {
            const QByteArray input = mutate(seeds.at(random.bounded(int(seeds.size()))), seeds, random);
            const CatalogLoad load = CatalogLoader::overlay(base, input, QStringLiteral("fuzz.yaml"));
            const int lines = int(input.count('\n')) + 2;
            for (const CatalogError &e : load.errors) {
                QVERIFY2(!e.message.isEmpty(), qPrintable(where(s, i, input)));
                QVERIFY2(e.where.file == QLatin1String("fuzz.yaml"), qPrintable(where(s, i, input)));
                QVERIFY2(
                    e.where.line >= 0 && e.where.line <= lines, qPrintable(where(s, i, input) + " line " + QString::number(e.where.line)));
            }
            if (load.errors.isEmpty()) {
                ++accepted;
                // Whatever was accepted must satisfy the catalogue's own reference rules.
                for (const GpuArch &g : load.catalog.gpuArchitectures)
                    QVERIFY2(g.id.startsWith(QLatin1String("sm")), qPrintable(where(s, i, input)));
                for (const CpuIsa &isa : load.catalog.cpuIsas)
                    QVERIFY2(isa.platform == QLatin1String("x86_64-linux") || isa.platform == QLatin1String("aarch64-linux"),
                        qPrintable(where(s, i, input)));
            } else {
                ++rejected;
                QCOMPARE(load.catalog.gpuArchitectures.size(), base.gpuArchitectures.size()); // the default stays in force
            }
        }
        qInfo("%d accepted, %d rejected with located errors", accepted, rejected);
        QVERIFY(accepted > 0 && rejected > 0); // the mutations reach both sides
    }

    void recipeTextScanner()
    {
        const QList<QByteArray> seeds = seedsFrom(
            { VS_TESTS_DIR "/fuzz/corpus/recipes", VS_TESTS_DIR "/recipes/reference", VS_FIXTURES_DIR "/deep-check" }, { "*.nix" });
        QVERIFY(seeds.size() >= 10);
        const quint32 s = seed() + 1;
        qInfo("seed %u, %d inputs", s, iterations());
        QRandomGenerator random(s);
        int withArch = 0;
        for (int i = 0; i < iterations(); ++i) {
            const QByteArray input = mutate(seeds.at(random.bounded(int(seeds.size()))), seeds, random);
            const QString text = QString::fromUtf8(input);
            const RecipeMetadata m = RecipeMetadata::extract(text);
            // A scan reads the bytes straight (extractUtf8): the same for any input.
            const RecipeMetadata b = RecipeMetadata::extractUtf8(input);
            QVERIFY2(b.pname == m.pname && b.gpuArch == m.gpuArch && b.cpuFlags == m.cpuFlags && b.nixpkgsRev == m.nixpkgsRev
                    && b.cudaPackages == m.cudaPackages && b.cudaSupport == m.cudaSupport && b.description == m.description
                    && b.platforms == m.platforms && b.lines == m.lines && b.gpuArchConflict == m.gpuArchConflict
                    && b.gpuArchInUse == m.gpuArchInUse,
                qPrintable(where(s, i, input) + " read from bytes differs"));
            const int lines = int(text.count(QLatin1Char('\n'))) + 1;
            for (const FieldLines::Entry &e : m.lines)
                QVERIFY2(e.line >= 1 && e.line <= lines, qPrintable(where(s, i, input) + " field " + e.field));
            QVERIFY2(m.gpuArch.isEmpty() || m.gpuArch == QLatin1String("mps")
                    || QRegularExpression("^sm\\d+[a-z]?$").match(m.gpuArch).hasMatch(),
                qPrintable(where(s, i, input) + " gpuArch " + m.gpuArch));
            QVERIFY2(m.gpuArch.isEmpty() || m.gpuArchConflict.isEmpty(), qPrintable(where(s, i, input)));
            for (const QString &flag : m.cpuFlags)
                QVERIFY2(flag.startsWith(QLatin1String("-m")), qPrintable(where(s, i, input) + " flag " + flag));
            QCOMPARE(m.cpuFlags.size(), QSet<QString>(m.cpuFlags.begin(), m.cpuFlags.end()).size());
            QVERIFY2(m.cudaPackages.isEmpty() || m.cudaPackages.startsWith(QLatin1String("cudaPackages")), qPrintable(where(s, i, input)));
            withArch += !m.gpuArch.isEmpty();
            // The same text gives the same answer (no hidden state in the scanner).
            const RecipeMetadata again = RecipeMetadata::extract(text);
            QCOMPARE(again.gpuArch, m.gpuArch);
            QCOMPARE(again.cpuFlags, m.cpuFlags);
            QCOMPARE(again.pname, m.pname);
        }
        QVERIFY(withArch > 0);
    }
};

QTEST_GUILESS_MAIN(TestFuzzReaders)
#include "test_fuzz_readers.moc"
