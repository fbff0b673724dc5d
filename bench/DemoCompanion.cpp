#include "DemoRepository.h"

#include "builds/BuildHistory.h"
#include "companions/CompanionGenerator.h"
#include "repository/RepositoryScanner.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QUuid>

namespace vs::bench {

namespace {
bool save(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size() && f.commit();
}

bool wanted(const VariantName &v)
{
    static const QStringList gpus { QStringLiteral("sm80"), QStringLiteral("sm86"), QStringLiteral("sm89"), QStringLiteral("sm90") };
    return v.python == QLatin1String("313")
        && (v.kind == VariantName::Kind::Cpu || (v.kind == VariantName::Kind::Cuda && gpus.contains(v.gpu)));
}
} // namespace

DemoCompanion DemoCompanion::create(const QString &root, const QString &pytorchRoot, const QString &historyDirectory)
{
    DemoCompanion demo;
    demo.root = QDir(root).absolutePath();
    const RepositoryScan pytorch = RepositoryScanner::scan(pytorchRoot);
    const BranchScan *main = pytorch.branch(QStringLiteral("main"));
    if (!main) {
        demo.error = QStringLiteral("%1 has no branch main").arg(pytorchRoot);
        return demo;
    }
    QDir().mkpath(demo.root);
    if (!DemoRepository::git(
            demo.root, { QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main") }, &demo.error))
        return demo;
    BuildHistory history(pytorch.root, historyDirectory);
    QStringList removed;
    int n = 0;
    for (const RecipeFile &r : main->recipes) {
        if (!r.variant || !wanted(*r.variant))
            continue;
        VariantName companion = *r.variant;
        companion.package = QStringLiteral("torchvision");
        QString error;
        QString text = CompanionGenerator::text(pytorch.catalog, r, companion, &error);
        if (text.isEmpty())
            continue;
        const int at = n++;
        if (at % 9 == 4) // another pin: this companion builds a PyTorch of its own
            text.replace(r.meta.nixpkgsRev, QStringLiteral("0182a361324364ae3f436a63005877674cf45efb"));
        if (at % 9 == 7) // its PyTorch recipe goes: "needs PyTorch"
            removed << r.path;
        save(demo.root + QStringLiteral("/.flox/pkgs/") + companion.fileName(), text.toUtf8());
        if (at % 3 == 0 || at == 1) { // some partners are built, one of them published
            HistoryEntry e;
            e.runId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            e.kind = at == 1 ? BuildKind::Publish : BuildKind::Build;
            e.org = at == 1 ? QStringLiteral("demo-org") : QString();
            e.variant = r.variant->toString();
            e.branch = main->name;
            e.started = QDateTime::currentDateTime();
            e.publishedAt = e.started;
            e.outcome = BuildState::Succeeded;
            history.upsert(e);
        }
    }
    if (!DemoRepository::git(demo.root, { QStringLiteral("add"), QStringLiteral("-A") }, &demo.error)
        || !DemoRepository::git(demo.root,
            { QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), QStringLiteral("TorchVision") }, &demo.error))
        return demo;
    if (!removed.isEmpty()
        && (!DemoRepository::git(
                pytorch.root, QStringList { QStringLiteral("rm"), QStringLiteral("-q"), QStringLiteral("--") } + removed, &demo.error)
            || !DemoRepository::git(pytorch.root,
                { QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), QStringLiteral("Drop some recipes") },
                &demo.error)))
        return demo;
    return demo;
}

} // namespace vs::bench
