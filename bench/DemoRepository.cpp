#include "DemoRepository.h"

#include "catalog/Catalog.h"
#include "recipes/RecipeGenerator.h"
#include "variants/Compatibility.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

namespace vs::bench {

bool DemoRepository::git(const QString &root, const QStringList &args, QString *error)
{
    QProcess p;
    p.setWorkingDirectory(root);
    p.start(QStringLiteral("git"),
        QStringList { QStringLiteral("-c"), QStringLiteral("user.name=Variant Studio Demo"), QStringLiteral("-c"),
            QStringLiteral("user.email=demo@example.invalid"), QStringLiteral("-c"), QStringLiteral("commit.gpgsign=false") }
            + args);
    p.waitForFinished(600000);
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QStringLiteral("git %1: %2").arg(args.join(QLatin1Char(' ')), QString::fromUtf8(p.readAllStandardError()));
        return false;
    }
    return true;
}

namespace {
bool write(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size();
}

struct Line {
    QString branch;
    QString python;
    QStringList cudas;
};

// Branch names as public repositories have them; profiles come from the catalogue's patterns.
QList<Line> releaseLines(int count)
{
    const QList<Line> all {
        { QStringLiteral("main"), QStringLiteral("313"), { QStringLiteral("12_9") } },
        { QStringLiteral("pytorch-2.8-python311"), QStringLiteral("311"), { QStringLiteral("12_8") } },
        { QStringLiteral("pytorch-2.9-python313"), QStringLiteral("313"), { QStringLiteral("12_9"), QStringLiteral("13_0") } },
        { QStringLiteral("main-staging"), QStringLiteral("313"), { QStringLiteral("12_9"), QStringLiteral("13_0") } },
        { QStringLiteral("pytorch-2.8-python312"), QStringLiteral("312"), { QStringLiteral("12_8") } },
        { QStringLiteral("pytorch-2.9-python312"), QStringLiteral("312"), { QStringLiteral("12_9") } },
        { QStringLiteral("pytorch-2.10-python313"), QStringLiteral("313"), { QStringLiteral("13_0"), QStringLiteral("12_9") } },
        { QStringLiteral("pytorch-2.9-python311"), QStringLiteral("311"), { QStringLiteral("12_9") } },
        { QStringLiteral("pytorch-2.10-python312"), QStringLiteral("312"), { QStringLiteral("13_0") } },
        { QStringLiteral("pytorch-2.9-vllm-0.15.1"), QStringLiteral("312"), { QStringLiteral("12_9") } },
        { QStringLiteral("pytorch-2.10-python311"), QStringLiteral("311"), { QStringLiteral("13_1") } },
        { QStringLiteral("nightly"), QStringLiteral("313"), { QStringLiteral("13_1"), QStringLiteral("13_0") } },
    };
    return all.mid(0, qBound(1, count, int(all.size())));
}
} // namespace

DemoRepository DemoRepository::create(const QString &root, int branchCount, int recipesPerBranch)
{
    DemoRepository demo;
    demo.root = QDir(root).absolutePath();
    if (QDir(demo.root).exists(QStringLiteral(".git"))) {
        demo.error = QStringLiteral("%1 already holds a repository").arg(demo.root);
        return demo;
    }
    QDir().mkpath(demo.root);
    if (!git(demo.root, { QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main") }, &demo.error))
        return demo;
    write(demo.root + QStringLiteral("/README.md"), "# Demo build repository\n");
    write(demo.root + QStringLiteral("/.flox/env/manifest.toml"), "version = 1\n\n[install]\n\n[vars]\n\n[hook]\n\n[options]\n");
    if (!git(demo.root, { QStringLiteral("add"), QStringLiteral("-A") }, &demo.error)
        || !git(demo.root, { QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), QStringLiteral("Flox environment") },
            &demo.error))
        return demo;

    const Catalog &catalog = Catalog::embedded();
    const RecipeGenerator generator(catalog);
    const QString pkgs = demo.root + QStringLiteral("/.flox/pkgs/");
    for (const Line &line : releaseLines(branchCount)) {
        if (line.branch != QLatin1String("main")
            && !git(demo.root,
                { QStringLiteral("switch"), QStringLiteral("-q"), QStringLiteral("-c"), line.branch, QStringLiteral("main") }, &demo.error))
            return demo;
        QDir(pkgs).removeRecursively();
        const BranchProfile &profile = catalog.profileForBranch(line.branch);
        int written = 0;
        // pytorch first (what a pytorch line is about), then the companions.
        for (const VariantName &v : Compatibility::allVariants(catalog)) {
            if (written >= recipesPerBranch)
                break;
            if (v.python != line.python || (v.kind == VariantName::Kind::Cuda && !line.cudas.contains(v.cuda)))
                continue;
            const auto recipe = generator.generate(v, profile);
            if (!recipe.ok())
                continue; // incompatible cells stay empty
            QByteArray text = recipe.text.toUtf8();
            QString file = v.fileName();
            // The defects of real repositories, a few per branch.
            if (written == 7) // a version glued to pname
                text.replace(QStringLiteral("\"%1\"").arg(v.toString()).toUtf8(),
                    QStringLiteral("\"%1\"")
                        .arg(QString(v.toString()).replace(QStringLiteral("pytorch-"), QStringLiteral("pytorch210-")))
                        .toUtf8());
            if (v.isa == QLatin1String("armv8_2") && v.gpu == QLatin1String("sm90"))
                file.replace(QStringLiteral("armv8_2"), QStringLiteral("armv8.2"));
            write(pkgs + file, text);
            ++written;
        }
        if (line.cudas.contains(QStringLiteral("12_8"))) {
            // sm110 asked of CUDA 12.8: the catalogue says it cannot compile.
            VariantName bad = *VariantName::parse(QStringLiteral("pytorch-python%1-cuda12_8-sm100-avx512").arg(line.python));
            QByteArray text = generator.generate(bad, profile).text.toUtf8();
            text.replace("sm100", "sm110").replace("\"10.0\"", "\"11.0\"").replace("\"100\"", "\"110\"");
            write(pkgs + QStringLiteral("pytorch-python%1-cuda12_8-sm110-avx512.nix").arg(line.python), text);
            ++written;
        }
        if (!git(demo.root, { QStringLiteral("add"), QStringLiteral("-A") }, &demo.error)
            || !git(demo.root,
                { QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), QStringLiteral("Recipes of %1").arg(line.branch) },
                &demo.error))
            return demo;
        demo.branches.append(line.branch);
        demo.recipes += written;
    }
    git(demo.root, { QStringLiteral("switch"), QStringLiteral("-q"), QStringLiteral("main") }, &demo.error);
    return demo;
}

} // namespace vs::bench
