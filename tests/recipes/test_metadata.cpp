#include "catalog/Catalog.h"
#include "recipes/NixTextScanner.h"
#include "recipes/RecipeMetadata.h"
#include "repository/RealisticRecipe.h"

#include <QtTest>

using namespace vs;

// RecipeMetadata::extract on the shapes real repositories use.
class TestMetadata : public QObject {
    Q_OBJECT
private slots:
    void gpuArchForms_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("arch");
        QTest::addColumn<int>("line");
        QTest::newRow("gpuArchNum two digits") << "let\n  gpuArchNum = \"90\";\nin {}"
                                               << "sm90" << 2;
        QTest::newRow("gpuArchNum dotted") << "let\n  gpuArchNum = \"8.6\";\nin {}"
                                           << "sm86" << 2;
        QTest::newRow("gpuArchNum three digits") << "let gpuArchNum = \"120\"; in {}"
                                                 << "sm120" << 1;
        QTest::newRow("gpuArchSM") << "let\n\n  gpuArchSM = \"9.0\";\nin {}"
                                   << "sm90" << 3;
        QTest::newRow("gpuArchSM 10.3") << "gpuArchSM = \"10.3\";"
                                        << "sm103" << 1;
        QTest::newRow("gpuTargets sm_ string") << "x.override {\n  gpuTargets = [ \"sm_90\" ];\n}"
                                               << "sm90" << 2;
        QTest::newRow("gpuTargets capability") << "x.override {\n  gpuTargets = [ \"8.9\" ];\n}"
                                               << "sm89" << 2;
        QTest::newRow("gpuTargets let-bound") << "let\n  sm = \"12.1\";\nin x.override {\n  gpuTargets = [ sm ];\n}"
                                              << "sm121" << 4;
        QTest::newRow("gpuTargets gpuArchSM resolved") << "let\n  gpuArchSM = \"9.0\";\nin x.override { gpuTargets = [ gpuArchSM ]; }"
                                                       << "sm90" << 2;
        QTest::newRow("TORCH_CUDA_ARCH_LIST antiquote")
            << "let\n  arch = \"8.0\";\nin {\n  preConfigure = ''\n    export TORCH_CUDA_ARCH_LIST=\"${arch}\"\n  '';\n}"
            << "sm80" << 5;
        QTest::newRow("TORCH_CUDA_ARCH_LIST literal") << "{\n  preConfigure = ''\n    export TORCH_CUDA_ARCH_LIST=\"9.0\"\n  '';\n}"
                                                      << "sm90" << 3;
        QTest::newRow("TORCH_CUDA_ARCH_LIST +PTX") << "{ env.TORCH_CUDA_ARCH_LIST = \"10.0+PTX\"; }"
                                                   << "sm100" << 1;
        QTest::newRow("old gpuArch sm_") << "let\n  gpuArch = \"sm_90\";\nin {}"
                                         << "sm90" << 2;
        QTest::newRow("darwin mps") << "let\n  gpuArch = \"mps\";\nin {}"
                                    << "mps" << 2;
        QTest::newRow("nixpkgs cudaCapabilities") << "import p { config.cudaCapabilities = [ \"7.5\" ]; }"
                                                  << "sm75" << 1;
        QTest::newRow("all forms agree")
            << "let\n  gpuArchNum = \"90\";\n  gpuArchSM = \"9.0\";\nin x.override {\n  gpuTargets = [ gpuArchSM ];\n"
               "  preConfigure = ''export TORCH_CUDA_ARCH_LIST=\"${gpuArchSM}\"'';\n}"
            << "sm90" << 2;
        // Unknown shapes: never a guess.
        QTest::newRow("computed") << "let\n  gpuArchNum = builtins.getEnv \"ARCH\";\nin {}"
                                  << "" << 0;
        QTest::newRow("unbound identifier") << "x.override { gpuTargets = [ archFromSomewhere ]; }"
                                            << "" << 0;
        QTest::newRow("nonsense value") << "let gpuArch = \"hopper\"; in {}"
                                        << "" << 0;
        QTest::newRow("native") << "{ env.TORCH_CUDA_ARCH_LIST = \"native\"; }"
                                << "" << 0;
        QTest::newRow("commented out") << "let\n  # gpuArchNum = \"80\";\n  /* gpuArchSM = \"8.0\"; */\nin {}"
                                       << "" << 0;
        QTest::newRow("no gpu") << "{ pname = \"x\"; }"
                                << "" << 0;
    }
    void gpuArchForms()
    {
        QFETCH(QString, text);
        QFETCH(QString, arch);
        QFETCH(int, line);
        const RecipeMetadata m = RecipeMetadata::extract(text);
        QCOMPARE(m.gpuArch, arch);
        QCOMPARE(m.line("gpuArch"), line);
        QVERIFY(m.gpuArchConflict.isEmpty());
    }

    void conflictingArchitecturesAreNotGuessed()
    {
        const RecipeMetadata m = RecipeMetadata::extract("let\n  gpuArchNum = \"90\";\nin x.override {\n  gpuTargets = [ \"8.6\" ];\n}");
        QVERIFY(m.gpuArch.isEmpty());
        QVERIFY2(m.gpuArchConflict.contains("sm90") && m.gpuArchConflict.contains("sm86"), qPrintable(m.gpuArchConflict));
        QVERIFY(m.gpuArchConflict.contains("line 4"));
        QCOMPARE(m.line("gpuArch"), 4);
        // Two targets in one list: a multi-architecture build, not one cell.
        QVERIFY(RecipeMetadata::extract("{ gpuTargets = [ \"8.0\" \"9.0\" ]; }").gpuArch.isEmpty());
    }

    void normalisation()
    {
        QCOMPARE(RecipeMetadata::normaliseGpuArch("sm90a"), QString("sm90a"));
        QCOMPARE(RecipeMetadata::normaliseGpuArch("9.0a"), QString("sm90a"));
        QCOMPARE(RecipeMetadata::normaliseGpuArch("compute_86"), QString("sm86"));
        QCOMPARE(RecipeMetadata::normaliseGpuArch("MPS"), QString("mps"));
        QCOMPARE(RecipeMetadata::normaliseGpuArch("9"), QString());
        QCOMPARE(RecipeMetadata::normaliseGpuArch(""), QString());
    }

    void realisticCudaRecipe()
    {
        const QString text = test::realisticRecipe(Catalog::embedded(), "pytorch-python313-cuda12_9-sm90-avx512");
        const RecipeMetadata m = RecipeMetadata::extract(text);
        QCOMPARE(m.pname, QString("pytorch-python313-cuda12_9-sm90-avx512"));
        QCOMPARE(m.gpuArch, QString("sm90"));
        QCOMPARE(m.cpuFlags, QStringList({ "-mavx512f", "-mavx512dq", "-mavx512vl", "-mavx512bw", "-mfma" }));
        QCOMPARE(m.nixpkgsRev, QString(test::kRealisticRev));
        QCOMPARE(m.cudaPackages, QString("cudaPackages_12_9"));
        QCOMPARE(m.cudaRelease(), QString("12_9"));
        QVERIFY(m.cudaSupport.has_value() && *m.cudaSupport);
        QCOMPARE(m.platforms, QStringList { "x86_64-linux" });
        QCOMPARE(m.description, QString("PyTorch cuda12_9-sm90-avx512"));
        const QStringList lines = text.split('\n');
        // Every remembered line holds what it claims.
        QVERIFY(lines[m.line("pname") - 1].contains("pname"));
        QVERIFY(lines[m.line("gpuArch") - 1].contains("gpuArchNum = \"90\""));
        QVERIFY(lines[m.line("cpuFlags") - 1].contains("cpuFlags = ["));
        QVERIFY(lines[m.line("nixpkgsRev") - 1].contains("archive/"));
        QVERIFY(lines[m.line("cudaPackages") - 1].contains("cudaPackages_12_9"));
        QVERIFY(lines[m.line("cudaSupport") - 1].contains("cudaSupport = true"));
        QVERIFY(lines[m.line("platforms") - 1].contains("platforms"));
        QVERIFY(lines[m.line("description") - 1].contains("description"));
    }

    void cpuFlagShapes()
    {
        // The avx variant's -mno-… flags belong to it; order kept, duplicates dropped.
        RecipeMetadata m = RecipeMetadata::extract(test::realisticRecipe(Catalog::embedded(), "pytorch-python312-cpu-avx"));
        QCOMPARE(m.cpuFlags, QStringList({ "-mavx", "-mno-fma", "-mno-bmi", "-mno-bmi2", "-mno-avx2" }));
        QVERIFY(m.gpuArch.isEmpty());
        QVERIFY(m.cudaSupport.has_value() && !*m.cudaSupport);
        QVERIFY(m.cudaPackages.isEmpty());

        m = RecipeMetadata::extract("{\n  env.NIX_CFLAGS_COMPILE = \"-O2 -mavx2 -mfma -mf16c\";\n}");
        QCOMPARE(m.cpuFlags, QStringList({ "-mavx2", "-mfma", "-mf16c" }));
        QCOMPARE(m.line("cpuFlags"), 2);

        m = RecipeMetadata::extract("{\n  preConfigure = ''\n    export CXXFLAGS=\"$CXXFLAGS -march=armv8.2-a+fp16+dotprod\"\n"
                                    "    export CFLAGS=\"$CFLAGS -march=armv8.2-a+fp16+dotprod\"\n  '';\n}");
        QCOMPARE(m.cpuFlags, QStringList { "-march=armv8.2-a+fp16+dotprod" });
        QCOMPARE(m.line("cpuFlags"), 3);

        // Flags elsewhere (a make flag, a comment) are not CPU flags of the build.
        m = RecipeMetadata::extract("{\n  # cpuFlags = [ \"-mavx512f\" ];\n  makeFlags = [ \"-mfoo\" ];\n}");
        QVERIFY(m.cpuFlags.isEmpty());
        QCOMPARE(m.line("cpuFlags"), 0);
    }

    // The index reads fields from their assignments: what the '=' before a value
    // means, and identifiers that only contain a keyword.
    void assignmentsAndWholeNames()
    {
        RecipeMetadata m = RecipeMetadata::extract("{\n  x = gpuArchNum == \"80\";\n  gpuArchNum\n    = \"90\";\n}");
        QCOMPARE(m.gpuArch, QString("sm90"));
        QCOMPARE(m.line("gpuArch"), 3);
        m = RecipeMetadata::extract("{ mycpuFlags = [ \"-mavx2\" ]; cpuFlags-x = [ \"-mfma\" ]; cpuFlags = [ \"-mavx\" ]; }");
        QCOMPARE(m.cpuFlags, QStringList { "-mavx" });
        m = RecipeMetadata::extract("{ meta.pname = \"one\"; pname = \"two\"; }"); // a `.` before a keyword is fine
        QCOMPARE(m.pname, QString("one"));
        m = RecipeMetadata::extract("{ a = xcudaPackages_12_8; b = pkgs.cudaPackages_12_9; }");
        QCOMPARE(m.cudaPackages, QString("cudaPackages_12_9"));
        m = RecipeMetadata::extract("{ gpuTargets = [ sm ]; sm = \"8.6\"; a.sm = \"9.0\"; }"); // a.sm is no binding of sm
        QCOMPARE(m.gpuArch, QString("sm86"));
        for (const char *end : { "cpuFlags =", "cpuFlags", "=", "pname = \"", "x = cudaPackages_" }) {
            m = RecipeMetadata::extract(QString::fromLatin1(end)); // cut short: nothing read, nothing broken
            QVERIFY(m.cpuFlags.isEmpty() && m.pname.isEmpty() && m.cudaPackages.isEmpty());
        }
    }

    void otherFields()
    {
        const RecipeMetadata m
            = RecipeMetadata::extract("{\n  src = fetchTarball \"https://github.com/NixOS/nixpkgs/tarball/nixos-25.05\";\n"
                                      "  cudaSupport = false;\n  meta.description = \"A \\\"quoted\\\" text\";\n  meta.platforms = [ "
                                      "\"aarch64-linux\" \"x86_64-linux\" ];\n}");
        QCOMPARE(m.nixpkgsRev, QString("nixos-25.05"));
        QCOMPARE(m.line("nixpkgsRev"), 2);
        QVERIFY(m.cudaSupport.has_value() && !*m.cudaSupport);
        QCOMPARE(m.line("cudaSupport"), 3);
        QCOMPARE(m.description, QString("A \\\"quoted\\\" text"));
        QCOMPARE(m.platforms, QStringList({ "aarch64-linux", "x86_64-linux" }));
        QCOMPARE(m.line("platforms"), 5);
        QVERIFY(m.pname.isEmpty());
        QCOMPARE(m.line("pname"), 0);
    }

    // Comments are found eight characters at a time: a comment, a string holding a
    // `#` and an indented string, at every place in and across those blocks, are
    // still told apart.
    void commentsAtEveryPlace()
    {
        for (int pad = 0; pad <= 20; ++pad) {
            const QString lead(pad, QLatin1Char(' '));
            const QString text = lead + QStringLiteral("{\n") + lead + QStringLiteral("# pname = \"commented\";\n") + lead
                + QStringLiteral("/* gpuArchNum = \"80\"; */ description = \"a # b\";\n") + lead
                + QStringLiteral("x = ''\n  # export CXXFLAGS=\"-mavx512f\"\n  export CFLAGS=\"-mavx2\"\n'';\n") + lead
                + QStringLiteral("gpuArchNum = \"90\"; pname = \"real\";\n}\n");
            const RecipeMetadata m = RecipeMetadata::extract(text);
            QCOMPARE(m.pname, QStringLiteral("real"));
            QCOMPARE(m.line(QStringLiteral("pname")), 8);
            QCOMPARE(m.description, QStringLiteral("a # b"));
            QCOMPARE(m.gpuArch, QStringLiteral("sm90"));
            QCOMPARE(m.cpuFlags, QStringList { QStringLiteral("-mavx2") });
        }
    }

    // The scan reads recipe bytes without making a string of them: a byte-order
    // mark, bytes that are not UTF-8 and letters outside ASCII read as they do in text.
    void bytesReadAsText()
    {
        const QList<QByteArray> inputs = { QByteArray("\xef\xbb\xbf# pname = \"hidden\";\n{ pname = \"a\"; }\n"),
            QByteArray("\xef\xbb\xbf{ pname = \"bom\"; gpuArchNum = \"90\"; }"),
            QByteArray("{ description = \"bad \xff\xfe bytes\"; pname = \"b\"; cpuFlags = [ \"-mavx2\" ]; }"),
            QByteArray("{ \xc3\xa9pname = \"not it\"; pname = \"c\"; description = \"caf\xc3\xa9 \xf0\x9f\x98\x80\"; }"),
            QByteArray("{ pname = \"d\"; }\n# cut in the middle \xe2\x82") };
        for (const QByteArray &input : inputs) {
            const RecipeMetadata text = RecipeMetadata::extract(QString::fromUtf8(input));
            const RecipeMetadata bytes = RecipeMetadata::extractUtf8(input);
            QCOMPARE(bytes.pname, text.pname);
            QVERIFY(!bytes.pname.isEmpty());
            QCOMPARE(bytes.description, text.description);
            QCOMPARE(bytes.gpuArch, text.gpuArch);
            QCOMPARE(bytes.cpuFlags, text.cpuFlags);
            QVERIFY(bytes.lines == text.lines);
        }
        QCOMPARE(RecipeMetadata::extractUtf8(inputs[0]).pname, QStringLiteral("a"));
        QCOMPARE(RecipeMetadata::extractUtf8(inputs[3]).pname, QStringLiteral("c"));
    }

    // ASCII is widened without decoding, sixteen bytes at a time: every length
    // around the blocks, and a byte outside ASCII at every place stops it.
    void asciiWidened()
    {
        QByteArray ascii;
        for (int i = 0; i < 40; ++i)
            ascii += char(i == 0 ? 0x7f : 0x20 + (i * 7) % 95);
        for (qsizetype n = 0; n <= ascii.size(); ++n) {
            const QByteArrayView in(ascii.constData(), n);
            QString out(n, QChar(u'?'));
            QVERIFY(recipetext::widenAscii(in, out.data()));
            QCOMPARE(out, QString::fromLatin1(in));
            for (qsizetype at = 0; at < n; ++at) {
                QByteArray bad = in.toByteArray();
                bad[at] = char(0xc3);
                QVERIFY2(!recipetext::widenAscii(bad, out.data()), qPrintable(QStringLiteral("length %1, at %2").arg(n).arg(at)));
            }
        }
        const QByteArray recipe = "{ pname = \"plain\"; }\n" + QByteArray(100, ' ') + "# caf\xc3\xa9\n";
        QCOMPARE(RecipeMetadata::extractUtf8(recipe).pname, QStringLiteral("plain"));
    }
};

QTEST_GUILESS_MAIN(TestMetadata)
#include "test_metadata.moc"
