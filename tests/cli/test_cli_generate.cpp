#include "support/GitFixture.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace vs::test;

// The real executable: `variant-studio generate` prints recipes the real Nix
// parser accepts, explains refusals, and --write respects the working tree.
class TestCliGenerate : public QObject {
    Q_OBJECT

    static int generate(const QStringList &args, QByteArray *out, QByteArray *err)
    {
        return runProgram(VS_APP_PATH, QStringList { "generate" } + args, {}, out, err, 60000);
    }

    static QByteArray readFile(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void printsARecipeNixParses()
    {
        QByteArray out, err;
        QCOMPARE(generate({ "pytorch-python313-cuda12_9-sm90-avx512" }, &out, &err), 0);
        QVERIFY(out.contains("pname = \"pytorch-python313-cuda12_9-sm90-avx512\";"));
        QVERIFY(out.contains("cudaPackages = final.cudaPackages_12_9;"));
        QTemporaryDir dir;
        QFile f(dir.filePath("recipe.nix"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(out);
        f.close();
        QByteArray parsed, parseErr;
        const int code = runProgram(
            "nix-instantiate", QStringList { "--parse" } + offlineNixOptions() + QStringList { f.fileName() }, {}, &parsed, &parseErr);
        QVERIFY2(code == 0, parseErr.constData());
        QVERIFY(parsed.contains("pytorch-python313-cuda12_9-sm90-avx512"));
    }

    void nixpkgsRevAndBranchProfile()
    {
        QByteArray out, err;
        QCOMPARE(generate({ "pytorch-python311-cpu-avx2", "--branch", "pytorch-2.8-python311" }, &out, &err), 0);
        QVERIFY(out.contains("archive/fe5e41d7ffc0421f0913e8472ce6238ed0daf8e3.tar.gz"));
        QVERIFY(out.contains("PyTorch 2.8.0"));
        QCOMPARE(generate({ "pytorch-python311-cpu-avx2", "--nixpkgs-rev", "1111111111111111111111111111111111111111" }, &out, &err), 0);
        QVERIFY(out.contains("archive/1111111111111111111111111111111111111111.tar.gz"));
    }

    // With --repo, the pin is the one most of the branch's recipes use (the window's
    // rule, RecipeBasis), not the profile's; without recipes it is the profile's.
    void repositoryPinWinsOverProfile()
    {
        GitFixture repo;
        const QByteArray usedRev = "2222222222222222222222222222222222222222";
        QByteArray out, err;
        QCOMPARE(generate({ "pytorch-python311-cpu-avx2", "--repo", repo.path(), "--branch", "main" }, &out, &err), 0);
        QVERIFY2(out.contains("archive/") && !out.contains(usedRev), out.constData());
        for (const char *v : { "pytorch-python311-cpu-avx", "pytorch-python311-cpu-avx512" }) {
            QCOMPARE(generate({ v, "--nixpkgs-rev", usedRev }, &out, &err), 0);
            QVERIFY(repo.write(QStringLiteral(".flox/pkgs/%1.nix").arg(v), out));
        }
        QVERIFY2(repo.commitAll("two recipes"), qPrintable(repo.lastError()));
        QCOMPARE(generate({ "pytorch-python311-cpu-avx2", "--repo", repo.path(), "--branch", "main" }, &out, &err), 0);
        QVERIFY2(out.contains("archive/" + usedRev + ".tar.gz"), out.constData());
        // An explicit --nixpkgs-rev still wins.
        QCOMPARE(generate({ "pytorch-python311-cpu-avx2", "--repo", repo.path(), "--branch", "main", "--nixpkgs-rev",
                              "3333333333333333333333333333333333333333" },
                     &out, &err),
            0);
        QVERIFY(out.contains("archive/3333333333333333333333333333333333333333.tar.gz"));
    }

    void incompatibleVariantExitsWithReason()
    {
        QByteArray out, err;
        QCOMPARE(generate({ "pytorch-python313-cuda12_8-sm110-avx512" }, &out, &err), 1);
        QVERIFY(out.isEmpty());
        QVERIFY2(err.contains("CUDA 12.8 cannot compile for sm110"), err.constData());
        QCOMPARE(generate({ "not-a-variant" }, &out, &err), 1);
        QVERIFY2(err.contains("does not follow"), err.constData());
        QCOMPARE(generate({ "pytorch-python313-cpu-avx9" }, &out, &err), 1);
        QVERIFY2(err.contains("unknown CPU ISA 'avx9'"), err.constData());
        QCOMPARE(generate({}, &out, &err), 2);
        QCOMPARE(generate({ "pytorch-python313-cpu-avx2", "--write" }, &out, &err), 2);
        QVERIFY2(err.contains("--repo"), err.constData());
    }

    void writeStagesOnceAndRefusesToOverwrite()
    {
        GitFixture repo;
        QVERIFY(repo.write("README.md", "seed\n"));
        QVERIFY2(repo.commitAll("seed"), qPrintable(repo.lastError()));
        const QString variant = "torchvision-python313-cuda12_9-sm90-avx2";
        const QString relative = ".flox/pkgs/" + variant + ".nix";
        QByteArray out, err;
        QCOMPARE(generate({ variant, "--repo", repo.path(), "--branch", "main", "--write" }, &out, &err), 0);
        const QByteArray written = readFile(repo.filePath(relative));
        QVERIFY(written.contains("pname = \"" + variant.toUtf8() + "\";"));
        QByteArray listed;
        QVERIFY(repo.git({ "ls-files", "--", relative }, &listed));
        QCOMPARE(listed.trimmed(), relative.toUtf8());

        // A second write without --force refuses and leaves the file as it is.
        QVERIFY(repo.write(relative, "# edited by hand\n"));
        QCOMPARE(generate({ variant, "--repo", repo.path(), "--branch", "main", "--write" }, &out, &err), 1);
        QVERIFY2(err.contains("already exists"), err.constData());
        QCOMPARE(readFile(repo.filePath(relative)), QByteArray("# edited by hand\n"));

        // --force replaces it.
        QCOMPARE(generate({ variant, "--repo", repo.path(), "--write", "--force" }, &out, &err), 0);
        QCOMPARE(readFile(repo.filePath(relative)), written);
    }

    void writeRefusesABranchNotCheckedOut()
    {
        GitFixture repo;
        QVERIFY(repo.write("README.md", "seed\n"));
        QVERIFY(repo.commitAll("seed"));
        QVERIFY(repo.git({ "branch", "pytorch-2.8-python311" }));
        QByteArray out, err;
        QCOMPARE(
            generate({ "pytorch-python311-cpu-avx2", "--repo", repo.path(), "--branch", "pytorch-2.8-python311", "--write" }, &out, &err),
            1);
        QVERIFY2(err.contains("not checked out"), err.constData());
        QVERIFY(!QFile::exists(repo.filePath(".flox/pkgs/pytorch-python311-cpu-avx2.nix")));
        QByteArray status;
        QVERIFY(repo.git({ "status", "--porcelain" }, &status));
        QVERIFY(status.isEmpty());
    }

    // What generate writes, lint accepts without a single remark.
    void writtenRecipesLintClean()
    {
        GitFixture repo;
        QByteArray out, err;
        for (const char *v : { "pytorch-python313-cuda12_9-sm120-avx", "torchvision-python313-cuda12_9-sm90-avx2",
                 "torchaudio-python312-cpu-armv9", "pytorch-python313-darwin-mps" })
            QVERIFY2(generate({ v, "--repo", repo.path(), "--write" }, &out, &err) == 0, err.constData());
        QVERIFY(repo.git({ "commit", "-q", "-m", "generated" }));
        QCOMPARE(runProgram(VS_APP_PATH, { "lint", repo.path() }, {}, &out, &err), 0);
        QVERIFY2(out.contains("0 error(s), 0 warning(s), 0 note(s)"), out.constData());
    }

    // A broken repository overlay is a located warning; the default catalogue is used.
    void brokenOverlayWarnsAndContinues()
    {
        GitFixture repo;
        QVERIFY(repo.write(".flox/variant-studio.yaml", "cpuIsas: [ {id: avx2, rank: many} ]\n"));
        QByteArray out, err;
        QCOMPARE(generate({ "pytorch-python313-cpu-avx2", "--repo", repo.path() }, &out, &err), 0);
        QVERIFY2(err.contains("warning") && err.contains("variant-studio.yaml:"), err.constData());
        QVERIFY(out.contains("\"-mavx2\""));
    }
};

QTEST_GUILESS_MAIN(TestCliGenerate)
#include "test_cli_generate.moc"
