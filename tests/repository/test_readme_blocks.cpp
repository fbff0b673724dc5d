// Generated README blocks: only the text between a block's markers changes; the
// rest of the README is the author's, byte for byte; broken markers are reported
// with their line, never "repaired".
#include "repository/ReadmeBlocks.h"

#include <QtTest>

using namespace vs;

class TestReadmeBlocks : public QObject {
    Q_OBJECT
private slots:
    void replacesOnlyBetweenTheMarkers()
    {
        const QString readme = QStringLiteral(
            "# Title\r\n\nIntro with <!-- variant-studio:begin matrix --> inline (not a marker).\n"
            "<!-- variant-studio:begin matrix -->\nold table\nold line 2\n<!-- variant-studio:end matrix -->\n"
            "## After\n  <!-- variant-studio:begin counts -->  \n<!-- variant-studio:end counts -->\nTail without newline");
        QString error;
        const QString once = ReadmeBlocks::replace(readme, "matrix", "| a | b |\n|---|---|", &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(once,
            QStringLiteral("# Title\r\n\nIntro with <!-- variant-studio:begin matrix --> inline (not a marker).\n"
                           "<!-- variant-studio:begin matrix -->\n| a | b |\n|---|---|\n<!-- variant-studio:end matrix -->\n"
                           "## After\n  <!-- variant-studio:begin counts -->  \n<!-- variant-studio:end counts -->\nTail without newline"));
        QCOMPARE(ReadmeBlocks::replace(once, "matrix", "| a | b |\n|---|---|\n", &error), once); // the same content: the same bytes
        const QString both = ReadmeBlocks::replace(once, "counts", "177 variants", &error);
        QVERIFY(both.contains("-->  \n177 variants\n<!-- variant-studio:end counts -->\nTail without newline"));
        QCOMPARE(ReadmeBlocks::parse(both).blocks.size(), 2);
        QCOMPARE(ReadmeBlocks::parse(both).blocks.first().line, 4);
    }

    void brokenMarkersAreReported_data()
    {
        QTest::addColumn<QString>("readme");
        QTest::addColumn<QString>("says");
        QTest::newRow("no end") << "a\n<!-- variant-studio:begin matrix -->\nx\n"
                                << "line 2: block 'matrix' has no end marker";
        QTest::newRow("end only") << "<!-- variant-studio:end matrix -->\n"
                                  << "line 1: block 'matrix' ends without a begin";
        QTest::newRow("nested") << "<!-- variant-studio:begin a -->\n<!-- variant-studio:begin b -->\n"
                                << "line 2: block 'b' begins inside block 'a'";
        QTest::newRow("twice") << "<!-- variant-studio:begin a -->\n<!-- variant-studio:end a -->\n<!-- variant-studio:begin a -->\n"
                               << "line 3: a second block 'a'";
        QTest::newRow("missing") << "# no blocks\n"
                                 << "no block 'matrix'";
    }
    void brokenMarkersAreReported()
    {
        QFETCH(QString, readme);
        QFETCH(QString, says);
        QString error;
        QCOMPARE(ReadmeBlocks::replace(readme, "matrix", "new\n", &error), readme);
        QVERIFY2(error.startsWith(says), qPrintable(error));
    }

    void newBlockParsesBack()
    {
        const QString text = "intro\n" + ReadmeBlocks::block("matrix", "table") + "outro\n";
        const auto p = ReadmeBlocks::parse(text);
        QVERIFY(p.error.isEmpty());
        QCOMPARE(p.blocks.size(), 1);
        QCOMPARE(text.mid(p.blocks[0].contentStart, p.blocks[0].contentEnd - p.blocks[0].contentStart), QStringLiteral("table\n"));
    }
};

QTEST_GUILESS_MAIN(TestReadmeBlocks)
#include "test_readme_blocks.moc"
