#include "repository/NewRepository.h"
#include "support/GitFixture.h"

#include <QtTest>

using namespace vs;

class TestNewRepository : public QObject {
    Q_OBJECT
private slots:
    void createsACommittedFloxRepository()
    {
        QTemporaryDir dir;
        const QString root = dir.filePath(QStringLiteral("builds"));
        NewRepository::Options o;
        o.authorName = QStringLiteral("Test");
        o.authorEmail = QStringLiteral("test@example.invalid");
        const auto r = NewRepository::create(root, o);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY(QFile::exists(root + QStringLiteral("/.flox/pkgs/.gitkeep")));
        QFile manifest(root + QStringLiteral("/.flox/env/manifest.toml"));
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        const QByteArray text = manifest.readAll();
        for (const char *needle : { "version = 1", "[install]", "[vars]", "[hook]", "[options]" })
            QVERIFY2(text.contains(needle), needle);

        QByteArray out;
        QCOMPARE(test::runProgram(QStringLiteral("git"), { QStringLiteral("ls-files") }, root, &out), 0);
        const QStringList files = QString::fromUtf8(out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(files.contains(QStringLiteral(".flox/env/manifest.toml")));
        QVERIFY(files.contains(QStringLiteral(".flox/pkgs/.gitkeep")));
        QVERIFY(files.contains(QStringLiteral("README.md")));
        QVERIFY(files.contains(QStringLiteral(".flox/env.json")));
        QCOMPARE(test::runProgram(QStringLiteral("git"), { QStringLiteral("status"), QStringLiteral("--porcelain") }, root, &out), 0);
        QVERIFY2(out.trimmed().isEmpty(), out.constData()); // everything committed
        QCOMPARE(test::runProgram(QStringLiteral("git"),
                     { QStringLiteral("rev-parse"), QStringLiteral("--abbrev-ref"), QStringLiteral("HEAD") }, root, &out),
            0);
        QCOMPARE(out.trimmed(), QByteArray("main"));
    }

    void refusesAFolderThatIsNotEmpty()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("keep.txt")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        const auto r = NewRepository::create(dir.path());
        QVERIFY(!r.ok());
        QVERIFY(r.error.contains(QStringLiteral("not empty")));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral(".git"))));
    }
};

QTEST_GUILESS_MAIN(TestNewRepository)
#include "test_newrepository.moc"
