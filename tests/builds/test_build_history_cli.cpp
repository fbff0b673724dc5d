// The history store seen through the real `variant-studio build` and `history`
// processes: concurrent builds lose no run, a file of the wrong shape is reported
// by readers and moved aside by the next build, and a run that cannot be recorded
// fails the command after its status line.
#include "BuildTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <memory>

using namespace vs;
using namespace vs::test;

class TestBuildHistoryCli : public QObject {
    Q_OBJECT
private:
    QProcessEnvironment environment() const { return isolatedEnvironment(m_tmp); }
    int run(const QString &program, const QStringList &args, QByteArray *out, QByteArray *err)
    {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(program, args);
        if (!p.waitForFinished(240000))
            return -1;
        *out = p.readAllStandardOutput();
        *err = p.readAllStandardError();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }
    int app(const QStringList &args, QByteArray *out, QByteArray *err) { return run(QStringLiteral(VS_APP_PATH), args, out, err); }
    static QStringList nixArgs()
    {
        return { QStringLiteral("--backend"), QStringLiteral("nix"), QStringLiteral("--nix-option"), QStringLiteral("build-users-group"),
            QString(), QStringLiteral("--nix-option"), QStringLiteral("sandbox"), QStringLiteral("false"), QStringLiteral("--nix-option"),
            QStringLiteral("substituters"), QString() };
    }
    QStringList standIn() const { return { QStringLiteral("--flox"), QStringLiteral(VS_FLOX_STAND_IN) }; }

    // The history file of a repository, as `history --json` names it.
    QString historyPathOf(const QString &repo)
    {
        QByteArray out, err;
        if (app({ QStringLiteral("history"), repo, QStringLiteral("--json") }, &out, &err) != 0)
            return {};
        return QJsonDocument::fromJson(out).object().value(QStringLiteral("historyFile")).toString();
    }
    QJsonArray runsOf(const QString &repo, QByteArray *err = nullptr)
    {
        QByteArray out, e;
        const int code = app({ QStringLiteral("history"), repo, QStringLiteral("--json") }, &out, &e);
        if (err)
            *err = e;
        return code == 0 ? QJsonDocument::fromJson(out).object().value(QStringLiteral("runs")).toArray() : QJsonArray();
    }

private slots:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    // 30 real builds of one repository at once: every run recorded once, with its outcome.
    void concurrentBuildsAreAllRecorded()
    {
        GitFixture repo;
        const int count = 30;
        QHash<QString, bool> shouldSucceed;
        for (int i = 0; i < count; ++i) {
            const QString variant = QStringLiteral("conc-%1").arg(i);
            const bool ok = i % 6 != 5;
            shouldSucceed.insert(variant, ok);
            QVERIFY(repo.write(QStringLiteral(".flox/pkgs/%1.nix").arg(variant),
                toyRecipe(
                    variant, ok ? QStringLiteral("echo %1; mkdir $out").arg(variant) : QStringLiteral("echo %1; exit 3").arg(variant))));
        }
        QVERIFY(repo.commitAll(QStringLiteral("recipes")));

        std::vector<std::unique_ptr<QProcess>> processes;
        for (int i = 0; i < count; ++i) {
            auto p = std::make_unique<QProcess>();
            p->setProcessEnvironment(environment());
            p->start(QStringLiteral(VS_APP_PATH),
                QStringList { QStringLiteral("build"), repo.path(), QStringLiteral("conc-%1").arg(i) } + nixArgs());
            processes.push_back(std::move(p));
        }
        QDeadlineTimer deadline(480000);
        for (int i = 0; i < count; ++i) {
            QProcess &p = *processes[size_t(i)];
            QVERIFY2(p.waitForFinished(int(qMax<qint64>(1, deadline.remainingTime()))),
                qPrintable(QStringLiteral("build %1 did not end").arg(i)));
            const QByteArray err = p.readAllStandardError();
            QCOMPARE(p.exitStatus(), QProcess::NormalExit);
            const bool ok = shouldSucceed.value(QStringLiteral("conc-%1").arg(i));
            QVERIFY2(ok ? p.exitCode() == 0 : p.exitCode() != 0, err.constData());
            QVERIFY2(!err.contains("warning") && !err.contains("not recorded"), err.constData());
        }

        const QJsonArray runs = runsOf(repo.path());
        QCOMPARE(runs.size(), count);
        QSet<QString> ids, variants;
        for (const QJsonValue &v : runs) {
            const QJsonObject run = v.toObject();
            const QString variant = run.value(QStringLiteral("variant")).toString();
            ids.insert(run.value(QStringLiteral("id")).toString());
            variants.insert(variant);
            QVERIFY2(shouldSucceed.contains(variant), qPrintable(variant));
            QCOMPARE(run.value(QStringLiteral("outcome")).toString(),
                shouldSucceed.value(variant) ? QStringLiteral("succeeded") : QStringLiteral("failed"));
            if (shouldSucceed.value(variant))
                QVERIFY(run.value(QStringLiteral("storePath")).toString().startsWith(QStringLiteral("/nix/store/")));
            else
                QVERIFY(run.value(QStringLiteral("exitCode")).toInt() != 0);
        }
        QCOMPARE(ids.size(), count);
        QCOMPARE(variants.size(), count);
        // The writers left no lock behind.
        QVERIFY(!QFile::exists(historyPathOf(repo.path()) + QStringLiteral(".lock")));
    }

    void brokenFileIsReportedThenMovedAside_data()
    {
        QTest::addColumn<int>("index");
        const QList<BrokenHistory> shapes = brokenHistories(QStringLiteral("/r"));
        for (int i = 0; i < shapes.size(); ++i)
            QTest::newRow(qPrintable(shapes[i].name)) << i;
    }
    void brokenFileIsReportedThenMovedAside()
    {
        QFETCH(int, index);
        GitFixture repo;
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/fresh.nix"), toyRecipe(QStringLiteral("fresh"), QStringLiteral("mkdir $out"))));
        QVERIFY(repo.commitAll(QStringLiteral("recipe")));
        const QString file = historyPathOf(repo.path());
        QVERIFY(!file.isEmpty());
        const BrokenHistory broken = brokenHistories(repo.path()).at(index);
        QVERIFY(writeAll(file, broken.bytes));

        // A reader reports it, naming the file, and leaves it as it is.
        QByteArray out, err;
        QCOMPARE(app({ QStringLiteral("history"), repo.path() }, &out, &err), 1);
        QVERIFY2(err.contains(file.toUtf8()), err.constData());
        QVERIFY2(!out.contains("No builds recorded"), out.constData());
        QCOMPARE(app({ QStringLiteral("history"), repo.path(), QStringLiteral("--json") }, &out, &err), 1);
        QCOMPARE(readAll(file), broken.bytes);
        QVERIFY(backupsOf(file).isEmpty());

        // The next build moves it aside (same bytes), says so, and records its run.
        QCOMPARE(app(QStringList { QStringLiteral("build"), repo.path(), QStringLiteral("fresh") } + standIn(), &out, &err), 0);
        const QStringList backups = backupsOf(file);
        QCOMPARE(backups.size(), 1);
        QCOMPARE(readAll(backups.first()), broken.bytes);
        QVERIFY2(err.contains("warning") && err.contains(file.toUtf8()) && err.contains(backups.first().toUtf8()), err.constData());

        const QJsonArray runs = runsOf(repo.path(), &err);
        QVERIFY2(!runs.isEmpty(), err.constData());
        QStringList ids;
        for (const QJsonValue &v : runs) {
            const QJsonObject run = v.toObject();
            QVERIFY(!run.value(QStringLiteral("id")).toString().isEmpty()); // no blank runs
            QVERIFY(!run.value(QStringLiteral("variant")).toString().isEmpty());
            if (run.value(QStringLiteral("variant")).toString() != QLatin1String("fresh"))
                ids << run.value(QStringLiteral("id")).toString();
        }
        QCOMPARE(ids, broken.keptIds);
        QCOMPARE(runs.last().toObject().value(QStringLiteral("variant")).toString(), QStringLiteral("fresh"));
        QCOMPARE(runs.last().toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(runs.size(), broken.keptIds.size() + 1);
        if (!broken.keptIds.isEmpty()) { // the kept runs keep what they said
            QCOMPARE(runs.first().toObject().value(QStringLiteral("variant")).toString(), QStringLiteral("kept-a"));
            QCOMPARE(runs.at(1).toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("failed"));
        }
    }

    // <data>/history is a file: the build runs, prints its status, then the error, and fails.
    void historyFolderIsAFile()
    {
        GitFixture repo;
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/nowhere.nix"), toyRecipe(QStringLiteral("nowhere"), QStringLiteral("mkdir $out"))));
        QVERIFY(
            repo.write(QStringLiteral(".flox/pkgs/nowhere-fail.nix"), toyRecipe(QStringLiteral("nowhere-fail"), QStringLiteral("exit 1"))));
        QVERIFY(repo.commitAll(QStringLiteral("recipe")));
        QByteArray out, err;
        // The failing build's own status while the history works.
        const int failing
            = app(QStringList { QStringLiteral("build"), repo.path(), QStringLiteral("nowhere-fail") } + standIn(), &out, &err);
        QVERIFY2(failing != 0 && failing != 1, err.constData());

        const QString file = historyPathOf(repo.path());
        const QString folder = QFileInfo(file).absolutePath();
        const QByteArray before = readAll(file);
        QVERIFY(!before.isEmpty());
        QVERIFY(QDir(folder).removeRecursively());
        QVERIFY(writeAll(folder, "not a folder\n"));

        QCOMPARE(app(QStringList { QStringLiteral("build"), repo.path(), QStringLiteral("nowhere") } + standIn(), &out, &err), 1);
        const qsizetype status = err.indexOf("built nowhere");
        const qsizetype error = err.indexOf("error");
        QVERIFY2(status >= 0 && error > status, err.constData());
        QVERIFY2(err.mid(error).contains(folder.toUtf8()), err.constData());
        QVERIFY(QFileInfo(repo.filePath(QStringLiteral("result-nowhere"))).isSymLink()); // the build itself ran

        // A failing build keeps its own exit status and still reports the history error.
        QCOMPARE(
            app(QStringList { QStringLiteral("build"), repo.path(), QStringLiteral("nowhere-fail") } + standIn(), &out, &err), failing);
        QVERIFY2(err.indexOf("error") > err.indexOf("failed"), err.constData());
        QCOMPARE(readAll(folder), QByteArray("not a folder\n"));
        QVERIFY(QFile::remove(folder));
    }

    // The history folder, or only the file, on a read-only mount.
    void readOnlyHistory_data()
    {
        QTest::addColumn<bool>("wholeFolder");
        QTest::newRow("read-only folder") << true;
        QTest::newRow("read-only file") << false;
    }
    void readOnlyHistory()
    {
        QFETCH(bool, wholeFolder);
        GitFixture repo;
        QVERIFY(repo.write(QStringLiteral(".flox/pkgs/ro.nix"), toyRecipe(QStringLiteral("ro"), QStringLiteral("mkdir $out"))));
        QVERIFY(repo.commitAll(QStringLiteral("recipe")));
        QByteArray out, err;
        QCOMPARE(app(QStringList { QStringLiteral("build"), repo.path(), QStringLiteral("ro") } + standIn(), &out, &err), 0);
        const QString file = historyPathOf(repo.path());
        const QByteArray before = readAll(file);
        QCOMPARE(runsOf(repo.path()).size(), 1);
        const QString target = wholeFolder ? QFileInfo(file).absolutePath() : file;

        // Root ignores file modes, so the read-only-ness comes from a read-only bind mount in a mount
        // namespace of its own (made private where / is a mount point; inside the chroot it is not, and the
        // namespace scripts/test runs in is already private), so the mount goes with the command.
        const QString mountRo = QStringLiteral("mount --make-rprivate / 2>/dev/null; "
                                               "mount --bind \"$1\" \"$1\" && mount -o remount,bind,ro \"$1\" && shift && exec \"$@\"");
        const QStringList unshare { QStringLiteral("--mount"), QStringLiteral("--propagation"), QStringLiteral("unchanged"),
            QStringLiteral("--"), QStringLiteral("/bin/sh"), QStringLiteral("-c"), mountRo, QStringLiteral("sh"), target };
        const int probe = run(QStringLiteral("unshare"),
            unshare
                + QStringList { QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                    wholeFolder ? QStringLiteral("! touch \"$0/.probe\" 2>/dev/null") : QStringLiteral("! (: >>\"$0\") 2>/dev/null"),
                    target },
            &out, &err);
        if (probe != 0)
            QSKIP(qPrintable(
                QStringLiteral("cannot make a read-only bind mount here (unshare --mount: %1)").arg(QString::fromUtf8(err).trimmed())));

        const int code = run(QStringLiteral("unshare"),
            unshare + QStringList { QStringLiteral(VS_APP_PATH), QStringLiteral("build"), repo.path(), QStringLiteral("ro") } + standIn(),
            &out, &err);
        QCOMPARE(code, 1);
        const qsizetype status = err.indexOf("built ro");
        const qsizetype error = err.indexOf("error");
        QVERIFY2(status >= 0 && error > status, err.constData());
        QVERIFY2(err.mid(error).contains(QFileInfo(file).absolutePath().toUtf8()), err.constData());
        QCOMPARE(readAll(file), before); // nothing recorded, nothing lost
        QCOMPARE(runsOf(repo.path()).size(), 1);
    }

private:
    QTemporaryDir m_tmp;
};

QTEST_GUILESS_MAIN(TestBuildHistoryCli)
#include "test_build_history_cli.moc"
