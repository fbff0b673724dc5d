#include "recipes/RecipeDrift.h"

#include <QtTest>

using namespace vs;

class TestRecipeDrift : public QObject {
    Q_OBJECT
private slots:
    void identicalTextsHaveNoDrift()
    {
        const QString t = QStringLiteral("a\nb\nc\n");
        const auto d = RecipeDrift::compare(t, t);
        QCOMPARE(d.size(), 3);
        QVERIFY(!RecipeDrift::hasDrift(d));
    }

    void changedLineIsRemovedAndAdded()
    {
        const auto d = RecipeDrift::compare(QStringLiteral("a\nb\nc\nd\n"), QStringLiteral("a\nB\nc\nd\ne\n"));
        QVERIFY(RecipeDrift::hasDrift(d));
        QCOMPARE(RecipeDrift::countOf(d, DriftLine::Added), 2);
        QCOMPARE(RecipeDrift::countOf(d, DriftLine::Removed), 1);
        QCOMPARE(RecipeDrift::countOf(d, DriftLine::Same), 3);
        QCOMPARE(RecipeDrift::toText(d), QStringLiteral("  a\n- b\n+ B\n  c\n  d\n+ e\n"));
        // Line numbers point into both texts.
        QCOMPARE(d[1].templateLine, 2);
        QCOMPARE(d[2].recipeLine, 2);
        QCOMPARE(d[5].recipeLine, 5);
        QCOMPARE(d[5].templateLine, 0);
    }

    void findsTheLongestCommonPart()
    {
        // x moved from the top to the bottom: one removal and one addition, the rest shared.
        const auto d = RecipeDrift::compare(QStringLiteral("x\n1\n2\n3\n4\n"), QStringLiteral("1\n2\n3\n4\nx\n"));
        QCOMPARE(RecipeDrift::countOf(d, DriftLine::Same), 4);
        QCOMPARE(RecipeDrift::countOf(d, DriftLine::Added), 1);
        QCOMPARE(RecipeDrift::countOf(d, DriftLine::Removed), 1);
    }

    void emptySides()
    {
        QCOMPARE(RecipeDrift::countOf(RecipeDrift::compare(QString(), QStringLiteral("a\nb")), DriftLine::Added), 2);
        QCOMPARE(RecipeDrift::countOf(RecipeDrift::compare(QStringLiteral("a\nb"), QString()), DriftLine::Removed), 2);
        QVERIFY(RecipeDrift::compare(QString(), QString()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRecipeDrift)
#include "test_recipedrift.moc"
