// `scan --json` is written straight to bytes (cli::JsonWriter) for speed; it must
// stay byte for byte what QJsonDocument printed before, for any content: odd
// characters, nulls, empty lists, both recipe shapes, links.
#include "cli/JsonWriter.h"
#include "cli/RepositoryCli.h"
#include "support/GitFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace vs;
using namespace vs::test;

namespace {
QByteArray viaQt(const RepositoryScan &scan)
{
    return QJsonDocument(cli::scanJson(scan)).toJson(QJsonDocument::Indented);
}
} // namespace

class TestJsonWriter : public QObject {
    Q_OBJECT
private slots:
    void oddTextIsEscapedLikeQt()
    {
        RepositoryScan scan;
        scan.root = QStringLiteral("/tmp/r\u00e9po \"quoted\" \\ back");
        BranchScan b;
        b.name = QStringLiteral("feature/\u00fcmlaut-\U0001F600");
        b.current = true;
        RecipeFile odd = RecipeFile::fromText(QStringLiteral(".flox/pkgs/x\ny\t\x01\x1f.nix"),
            QStringLiteral("{ pname = \"pytorch-python313-cpu-avx2\"; description = \"a \\\"b\\\" \u2603\"; }\n"));
        odd.symlink = true;
        odd.symlinkTarget = QString(QChar(0xd800)) + QStringLiteral("lone surrogate \x7f");
        b.recipes << odd
                  << RecipeFile::fromText(QStringLiteral(".flox/pkgs/pytorch-python313-cpu-avx2.nix"),
                         QStringLiteral("{ pname = \"x\"; cpuFlags = [ \"-mavx2\" ]; meta.platforms = [ \"x86_64-linux\" ]; }\n"));
        scan.branches << b << BranchScan {}; // an empty, unnamed branch too
        scan.problems << LintProblem { QStringLiteral("main"), QStringLiteral(".flox/pkgs/\"q\".nix"), 3, LintProblem::Severity::Warning,
            QStringLiteral("naming"), QStringLiteral("line\nbreak \u00a0") };
        QCOMPARE(cli::scanJsonBytes(scan), viaQt(scan));
        QCOMPARE(cli::scanJsonBytes(RepositoryScan {}), viaQt(RepositoryScan {}));
    }

    // Literals and strings given in pieces are escaped like any other string.
    void literalsAndPiecesAreEscaped()
    {
        QByteArray out;
        {
            cli::JsonWriter w(&out);
            w.beginArray();
            w.value("plain");
            w.value("q\"b\\c\x01\x7f");
            const QStringView pieces[] = { u"a", u"\"", QStringView(), u"\u00e9\n" };
            w.joinedValue(pieces);
            w.endArray();
        }
        const QJsonArray expected { QStringLiteral("plain"), QStringLiteral("q\"b\\c\x01\x7f"), QStringLiteral("a\"\u00e9\n") };
        QCOMPARE(out, QJsonDocument(expected).toJson(QJsonDocument::Indented));
    }

    void realScanIsTheSame()
    {
        GitFixture repo;
        QVERIFY(repo.write(".flox/pkgs/pytorch-python313-cuda12_9-sm90-avx512.nix",
            "{ pkgs ? import <nixpkgs> {} }:\nlet gpuArchNum = \"90\"; in {\n  pname = \"pytorch-python313-cuda12_9-sm90-avx512\";\n"
            "  cudaSupport = true; cudaPackages = pkgs.cudaPackages_12_9;\n  CXXFLAGS = \"-mavx512f -mavx512dq -mavx512vl -mavx512bw "
            "-mfma\";\n}\n"));
        QVERIFY(repo.write(".flox/pkgs/torchvision-python313-cpu-avx2/default.nix", "{ }\n"));
        QVERIFY(repo.write(".flox/pkgs/not-a-variant.nix", "{ }\n"));
        QVERIFY(repo.commitAll("recipes"));
        QVERIFY(repo.git({ "checkout", "-q", "-b", "other" }));
        QVERIFY(repo.write(".flox/pkgs/pytorch-python312-cpu-avx.nix", QByteArray("\0binary", 7)));
        QVERIFY(repo.commitAll("more"));
        QVERIFY(QFile::link("pytorch-python312-cpu-avx.nix", repo.filePath(".flox/pkgs/pytorch-python311-cpu-avx.nix")));
        const RepositoryScan scan = RepositoryScanner::scan(repo.path());
        QVERIFY2(scan.ok(), qPrintable(scan.error));
        QVERIFY(!scan.problems.isEmpty());
        const QByteArray fast = cli::scanJsonBytes(scan);
        QCOMPARE(fast, viaQt(scan));
        QVERIFY(fast.contains("\"symlink\": true"));
    }

    // The command writes in blocks as it goes, branches written side by side:
    // the blocks, joined, are still exactly the document.
    void blocksJoinToTheDocument()
    {
        RepositoryScan scan;
        scan.root = QStringLiteral("/r");
        for (int b = 0; b < 5; ++b) {
            BranchScan branch;
            branch.name = QStringLiteral("release-%1").arg(b);
            for (int i = 0; i < 200; ++i)
                branch.recipes << RecipeFile::fromText(QStringLiteral(".flox/pkgs/pytorch-python313-cuda12_9-sm%1-avx2.nix").arg(80 + i),
                    QStringLiteral("{ pname = \"p%1\"; gpuArchNum = \"%2\"; cpuFlags = [ \"-mavx2\" ]; }\n").arg(i).arg(80 + i % 20));
            scan.branches << branch;
        }
        QList<qsizetype> blocks;
        QByteArray joined;
        cli::writeScanJson(scan, [&](std::string_view part) {
            blocks << qsizetype(part.size());
            joined.append(part.data(), qsizetype(part.size()));
        });
        QVERIFY2(blocks.size() > 3, "handed over in blocks, not as one piece");
        QVERIFY(*std::max_element(blocks.begin(), blocks.end()) < 2 * joined.size() / 3);
        QCOMPARE(joined, viaQt(scan));
    }

    void nestingAndEmptyContainers()
    {
        QByteArray out;
        cli::JsonWriter w(&out);
        w.beginObject();
        w.key("a").beginArray();
        w.endArray();
        w.key("b").beginObject();
        w.endObject();
        w.key("c").beginArray();
        w.beginArray();
        w.value(qint64(-5));
        w.endArray();
        w.null();
        w.endArray();
        w.endObject();
        const QJsonObject o { { "a", QJsonArray {} }, { "b", QJsonObject {} }, { "c", QJsonArray { QJsonArray { -5 }, QJsonValue() } } };
        QCOMPARE(out, QJsonDocument(o).toJson(QJsonDocument::Indented));
    }

    // Branches are written a few at a time into buffers that are reused: many
    // branches, a long one after short ones, still make the document Qt makes.
    void manyBranchesReuseBuffers()
    {
        RepositoryScan scan;
        scan.root = QStringLiteral("/tmp/r");
        for (int i = 0; i < 11; ++i) {
            BranchScan b;
            b.name = QStringLiteral("branch-%1").arg(i);
            b.current = i == 0;
            const int recipes = i == 7 ? 40 : i % 3;
            for (int k = 0; k < recipes; ++k)
                b.recipes << RecipeFile::fromText(QStringLiteral(".flox/pkgs/pytorch-python313-cpu-avx%1.nix").arg(k),
                    QStringLiteral("{ pname = \"p%1\"; cpuFlags = [ \"-mavx2\" ]; }\n").arg(k));
            scan.branches << b;
        }
        QCOMPARE(cli::scanJsonBytes(scan), viaQt(scan));
    }

    // Keys are indented from a prepared run of spaces; deeper than it reaches, too.
    void deepNesting()
    {
        QByteArray out;
        cli::JsonWriter w(&out);
        QJsonObject expected { { "leaf", 1 } };
        for (int depth = 0; depth < 40; ++depth)
            expected = QJsonObject { { "a", true }, { "k", expected } };
        std::function<void(int)> write = [&](int depth) {
            w.beginObject();
            if (depth == 40) {
                w.key("leaf").value(1);
            } else {
                w.key("a").value(true);
                w.key("k");
                write(depth + 1);
            }
            w.endObject();
        };
        write(0);
        QCOMPARE(out, QJsonDocument(expected).toJson(QJsonDocument::Indented));
    }

    // Plain ASCII is copied eight characters at a time: every character that needs
    // care, at every place in and across those blocks, still comes out as Qt writes it.
    void oddCharacterAtEveryPlace()
    {
        const QList<QString> odd
            = { QStringLiteral("\""), QStringLiteral("\\"), QStringLiteral("\n"), QStringLiteral("\x01"), QStringLiteral("\x1f"),
                  QStringLiteral(" "), QStringLiteral("\x7f"), QStringLiteral("\u00e9"), QStringLiteral("\u0100"), QStringLiteral("\u7fff"),
                  QStringLiteral("\u8000"), QStringLiteral("\ufffd"), QStringLiteral("\U0001F600"), QString(QChar(0xdc00)) };
        for (const QString &c : odd) {
            for (int length = 0; length <= 20; ++length) {
                for (int at = 0; at <= length; ++at) {
                    QString text(length, QLatin1Char('a'));
                    for (int i = 0; i < length; ++i)
                        text[i] = QLatin1Char(char('a' + i % 26));
                    text.insert(at, c);
                    QByteArray out;
                    cli::JsonWriter w(&out);
                    w.beginObject();
                    w.key("k").value(text);
                    w.endObject();
                    QCOMPARE(out, QJsonDocument(QJsonObject { { "k", text } }).toJson(QJsonDocument::Indented));
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "test_json_writer.moc"
