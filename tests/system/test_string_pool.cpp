// StringPool: equal strings end up sharing one copy; values never change.
#include "system/StringPool.h"

#include <QtTest>

using namespace vs;

class TestStringPool : public QObject {
    Q_OBJECT
private slots:
    void equalStringsShareOneCopy()
    {
        StringPool pool;
        QString a = QStringLiteral("x86_64-") + QStringLiteral("linux"); // made at run time: own data
        QString b = QStringLiteral("x86_64-") + QStringLiteral("linux");
        QVERIFY(a.constData() != b.constData());
        pool.intern(a);
        pool.intern(b);
        QCOMPARE(b, QStringLiteral("x86_64-linux"));
        QVERIFY(a.constData() == b.constData());
        QCOMPARE(pool.size(), 1);

        QString other = QStringLiteral("aarch64-") + QStringLiteral("linux");
        const QChar *before = other.constData();
        pool.intern(other);
        QVERIFY(other.constData() == before); // the first of its value: kept, now the pool's
        QCOMPARE(pool.size(), 2);

        QString empty;
        pool.intern(empty);
        QVERIFY(empty.isNull());
        QCOMPARE(pool.size(), 2);

        QStringList list = { QStringLiteral("-m") + QStringLiteral("avx2"), QStringLiteral("aarch64-") + QStringLiteral("linux") };
        pool.intern(list);
        QCOMPARE(list, QStringList({ "-mavx2", "aarch64-linux" }));
        QVERIFY(list[1].constData() == other.constData());

        // A shared string is still a value: changing one leaves the others.
        b.append(QLatin1Char('!'));
        QCOMPARE(a, QStringLiteral("x86_64-linux"));
    }
};

QTEST_GUILESS_MAIN(TestStringPool)
#include "test_string_pool.moc"
