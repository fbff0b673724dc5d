#include "repository/RealisticRecipe.h"
#include "support/GitFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace vs;
using namespace vs::test;

// `variant-studio scan`: the real executable on a real repository.
class TestCliScan : public QObject {
    Q_OBJECT

    GitFixture m_repo;

    QJsonObject recipeIn(const QJsonObject &doc, const QString &branch, const QString &file)
    {
        for (const QJsonValue &b : doc.value("branches").toArray())
            if (b.toObject().value("name").toString() == branch)
                for (const QJsonValue &r : b.toObject().value("recipes").toArray())
                    if (r.toObject().value("file").toString() == file)
                        return r.toObject();
        return {};
    }

private slots:
    void initTestCase()
    {
        const Catalog &c = Catalog::embedded();
        QVERIFY(m_repo.write(".flox/pkgs/pytorch-python313-cuda12_9-sm90-avx512.nix",
            realisticRecipe(c, "pytorch-python313-cuda12_9-sm90-avx512").toUtf8()));
        QVERIFY(m_repo.write(".flox/pkgs/pytorch-python313-cpu-avx2.nix", realisticRecipe(c, "pytorch-python313-cpu-avx2").toUtf8()));
        QVERIFY(m_repo.write(".flox/pkgs/notes.nix", "{ }\n"));
        QVERIFY(m_repo.commitAll("recipes"));
        QVERIFY(m_repo.git({ "checkout", "-q", "-b", "feature/x" }));
        QVERIFY(m_repo.write(
            ".flox/pkgs/torchvision-python312-darwin-mps.nix", realisticRecipe(c, "torchvision-python312-darwin-mps").toUtf8()));
        QVERIFY(m_repo.commitAll("darwin"));
        QVERIFY(m_repo.git({ "checkout", "-q", "main" }));
    }

    void json()
    {
        QByteArray out, err;
        QCOMPARE(runProgram(VS_APP_PATH, { "scan", m_repo.path(), "--json" }, {}, &out, &err), 0);
        QJsonParseError pe;
        const QJsonObject doc = QJsonDocument::fromJson(out, &pe).object();
        QVERIFY2(pe.error == QJsonParseError::NoError, qPrintable(pe.errorString()));
        QCOMPARE(QFileInfo(doc.value("repository").toString()).canonicalFilePath(), QFileInfo(m_repo.path()).canonicalFilePath());
        QStringList branches;
        for (const QJsonValue &b : doc.value("branches").toArray())
            branches.append(b.toObject().value("name").toString());
        QCOMPARE(branches, QStringList({ "feature/x", "main" }));

        const QJsonObject cuda = recipeIn(doc, "main", ".flox/pkgs/pytorch-python313-cuda12_9-sm90-avx512.nix");
        QCOMPARE(cuda.value("variant").toString(), QString("pytorch-python313-cuda12_9-sm90-avx512"));
        QCOMPARE(cuda.value("package").toString(), QString("pytorch"));
        QCOMPARE(cuda.value("python").toString(), QString("313"));
        QCOMPARE(cuda.value("cuda").toString(), QString("12_9"));
        QCOMPARE(cuda.value("gpu").toString(), QString("sm90"));
        QCOMPARE(cuda.value("isa").toString(), QString("avx512"));
        QCOMPARE(cuda.value("pname").toString(), QString("pytorch-python313-cuda12_9-sm90-avx512"));
        QCOMPARE(cuda.value("gpuArch").toString(), QString("sm90"));
        QCOMPARE(cuda.value("cpuFlags").toArray().size(), 5);
        QCOMPARE(cuda.value("cpuFlags").toArray().first().toString(), QString("-mavx512f"));
        QCOMPARE(cuda.value("nixpkgsRev").toString(), QString(kRealisticRev));
        QCOMPARE(cuda.value("state").toString(), QString("committed"));

        const QJsonObject cpu = recipeIn(doc, "main", ".flox/pkgs/pytorch-python313-cpu-avx2.nix");
        QVERIFY(cpu.value("cuda").isNull());
        QVERIFY(cpu.value("gpu").isNull());
        QVERIFY(cpu.value("gpuArch").isNull());
        QCOMPARE(cpu.value("isa").toString(), QString("avx2"));

        const QJsonObject other = recipeIn(doc, "main", ".flox/pkgs/notes.nix");
        QVERIFY(other.value("variant").isNull());
        QVERIFY(!other.value("parseError").toString().isEmpty());

        QCOMPARE(recipeIn(doc, "feature/x", ".flox/pkgs/torchvision-python312-darwin-mps.nix").value("gpuArch").toString(), QString("mps"));
        QVERIFY(recipeIn(doc, "main", ".flox/pkgs/torchvision-python312-darwin-mps.nix").isEmpty());
    }

    // Read through a pipe (`scan --json | jq`), megabytes of JSON go through a 1 MiB
    // pipe rather than the default 64 KiB one, and arrive whole.
    void jsonThroughAWidePipe()
    {
        QTemporaryDir dir;
        const QByteArray fifo = QFile::encodeName(dir.filePath("out"));
        QVERIFY(::mkfifo(fifo.constData(), 0600) == 0);
        const int reader = ::open(fifo.constData(), O_RDONLY | O_NONBLOCK);
        QVERIFY(reader >= 0);
        const int before = ::fcntl(reader, F_GETPIPE_SZ); // 64 KiB, Linux's default
        QFile limitFile(QStringLiteral("/proc/sys/fs/pipe-max-size"));
        QVERIFY(limitFile.open(QIODevice::ReadOnly));
        if (limitFile.readAll().trimmed().toInt() < 1024 * 1024 || before >= 1024 * 1024)
            QSKIP("pipes here cannot be widened to 1 MiB without privileges");
        const int expected = 1024 * 1024;
        QProcess p;
        p.setStandardOutputFile(QString::fromLocal8Bit(fifo));
        p.start(VS_APP_PATH, { "scan", m_repo.path(), "--json" });
        QVERIFY(p.waitForStarted());
        QByteArray out;
        int widest = 0;
        char buffer[65536];
        QElapsedTimer t;
        t.start();
        for (;;) {
            widest = std::max(widest, ::fcntl(reader, F_GETPIPE_SZ));
            const ssize_t n = ::read(reader, buffer, sizeof buffer);
            if (n > 0)
                out.append(buffer, n);
            else if (n == 0 && p.state() == QProcess::NotRunning)
                break;
            else if (t.elapsed() > 60000)
                QFAIL("no end of output");
            else
                p.waitForFinished(5);
        }
        ::close(reader);
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(widest, expected);
        QJsonParseError pe;
        QJsonDocument::fromJson(out, &pe);
        QVERIFY2(pe.error == QJsonParseError::NoError, qPrintable(pe.errorString()));
        QByteArray direct, err;
        QCOMPARE(runProgram(VS_APP_PATH, { "scan", m_repo.path(), "--json" }, {}, &direct, &err), 0);
        QCOMPARE(out, direct);
    }

    void remotes()
    {
        QByteArray head;
        QVERIFY(m_repo.git({ "rev-parse", "feature/x" }, &head));
        QVERIFY(m_repo.git({ "update-ref", "refs/remotes/origin/feature/x", QString::fromLatin1(head.trimmed()) }));
        QByteArray out, err;
        QCOMPARE(runProgram(VS_APP_PATH, { "scan", m_repo.path(), "--json" }, {}, &out, &err), 0);
        QVERIFY(!out.contains("origin/feature/x"));
        QCOMPARE(runProgram(VS_APP_PATH, { "scan", m_repo.path(), "--json", "--remotes" }, {}, &out, &err), 0);
        const QJsonArray branches = QJsonDocument::fromJson(out).object().value("branches").toArray();
        QCOMPARE(branches.size(), 3);
        QCOMPARE(branches.last().toObject().value("name").toString(), QString("origin/feature/x"));
        QVERIFY(branches.last().toObject().value("remote").toBool());
        QVERIFY(m_repo.git({ "update-ref", "-d", "refs/remotes/origin/feature/x" }));
    }

    void table()
    {
        QByteArray out, err;
        QCOMPARE(runProgram(VS_APP_PATH, { "scan", m_repo.path() }, {}, &out, &err), 0);
        const QString text = QString::fromUtf8(out);
        QVERIFY2(text.contains("feature/x (") && text.contains("main (checked out"), qPrintable(text));
        QVERIFY(text.contains("pytorch-python313-cuda12_9-sm90-avx512.nix"));
        QVERIFY(text.contains("notes.nix") && text.contains("not a variant name"));
    }

    void badInput()
    {
        QTemporaryDir plain;
        QByteArray out, err;
        QCOMPARE(runProgram(VS_APP_PATH, { "scan", plain.path() }, {}, &out, &err), 1);
        QVERIFY2(err.contains("variant-studio scan: not a git repository: " + plain.path().toUtf8()), err.constData());
        QCOMPARE(runProgram(VS_APP_PATH, { "scan" }, {}, &out, &err), 2);
        QVERIFY(err.contains("repository"));
        QCOMPARE(runProgram(VS_APP_PATH, { "scan", "--help" }, {}, &out, &err), 0);
        QVERIFY2(out.startsWith("Usage: variant-studio scan"), out.constData());
        QVERIFY(out.contains("--remotes"));
    }
};

QTEST_GUILESS_MAIN(TestCliScan)
#include "test_cli_scan.moc"
