// CatFileBatch against a real git: answers in request order, objects handed out
// as views into shared blocks that stay valid for whoever keeps them.
#include "repository/CatFileBatch.h"
#include "support/GitFixture.h"

#include <QtTest>

using namespace vs;
using namespace vs::test;

namespace {
// Contents of different sizes: small, a few KiB, and some larger than a pipe (64 KiB),
// so that objects start in one read from git and end in a later one.
QByteArray contentFor(int i)
{
    const int size = i % 97 == 0 ? 150000 + i : i % 13 == 0 ? 9000 + i : 40 + (i * 37) % 1500;
    QByteArray b;
    b.reserve(size);
    const QByteArray seed = QByteArray::number(i) + ':';
    while (b.size() < size)
        b += seed;
    b.truncate(size);
    return b;
}

struct Kept {
    QByteArray id, type;
    QByteArrayView content;
    QByteArray block;
};
} // namespace

class TestCatFileBatch : public QObject {
    Q_OBJECT
private slots:
    void keptObjectsStayValidAcrossReads()
    {
        GitFixture repo;
        const int count = 600; // a long read: paced
        for (int i = 0; i < count; ++i)
            QVERIFY(repo.write(QStringLiteral("blobs/%1.txt").arg(i), contentFor(i)));
        QVERIFY2(repo.commitAll(QStringLiteral("blobs")), qPrintable(repo.lastError()));
        QByteArray listing;
        QVERIFY(repo.git({ QStringLiteral("ls-tree"), QStringLiteral("HEAD"), QStringLiteral("blobs/") }, &listing));
        QHash<QString, int> numberOf;
        QStringList requests;
        for (const QByteArray &line : listing.split('\n')) {
            if (line.isEmpty())
                continue;
            const QList<QByteArray> parts = line.split('\t');
            const QString id = QString::fromLatin1(parts[0].split(' ').at(2));
            numberOf.insert(id, parts[1].mid(6).chopped(4).toInt()); // blobs/<n>.txt
            requests.append(id);
        }
        QCOMPARE(requests.size(), count);
        const QString missing(40, QLatin1Char('0'));
        requests.insert(count / 2, missing);

        CatFileBatch batch(repo.path());
        QList<Kept> kept;
        QString error;
        QVERIFY2(batch.read(
                     requests,
                     [&](const CatFileBatch::Object &o) {
                         kept.append({ o.id.toByteArray(), o.type.toByteArray(), o.content, o.block });
                         return true;
                     },
                     &error),
            qPrintable(error));
        QCOMPARE(kept.size(), requests.size());
        // Checked only now, after every later block was read: the views still hold.
        for (qsizetype i = 0; i < requests.size(); ++i) {
            if (requests[i] == missing) {
                QCOMPARE(kept[i].type, QByteArray("missing"));
                continue;
            }
            QCOMPARE(QString::fromLatin1(kept[i].id), requests[i]);
            QCOMPARE(kept[i].type, QByteArray("blob"));
            QVERIFY(kept[i].content.data() >= kept[i].block.constData());
            QVERIFY(kept[i].content.data() + kept[i].content.size() <= kept[i].block.constData() + kept[i].block.size());
            QCOMPARE(kept[i].content.toByteArray(), contentFor(numberOf.value(requests[i])));
        }

        // The same process answers a short read afterwards, and one that stops early.
        const QStringList few = { requests[1], requests[0] };
        QList<QByteArray> second;
        QVERIFY(batch.read(few, [&](const CatFileBatch::Object &o) {
            second.append(o.content.toByteArray());
            return true;
        }));
        QCOMPARE(second, QList<QByteArray>({ kept[1].content.toByteArray(), kept[0].content.toByteArray() }));
        int answered = 0;
        QVERIFY(!batch.read(
            requests, [&](const CatFileBatch::Object &) { return ++answered < 10; }, &error));
        QCOMPARE(answered, 10);
        QVERIFY(error.isEmpty()); // stopped by the sink, not failed
    }
};

QTEST_GUILESS_MAIN(TestCatFileBatch)
#include "test_cat_file_batch.moc"
