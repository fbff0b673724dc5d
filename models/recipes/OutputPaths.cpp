#include "recipes/OutputPaths.h"

#include "recipes/NixEval.h"
#include "variants/RecipePaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonObject>

namespace vs {

QString OutputPaths::driver()
{
    QFile f(QStringLiteral(":/nix/output-paths.nix"));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

QList<OutputPaths::Recipe> OutputPaths::find(const QString &root, const QStringList &recipes, const OutputPathsOptions &options)
{
    const QString canonicalRoot = QFileInfo(root).canonicalFilePath();
    QList<Recipe> results;
    QStringList toEvaluate; // relative recipe paths, each once
    for (const QString &asked : recipes) {
        Recipe r;
        r.variant = RecipePaths::isRecipePath(asked) ? RecipePaths::packageNameOf(asked) : asked;
        const RecipePaths::Found found = RecipePaths::find(root, r.variant);
        r.recipe = found.relative;
        if (!found.ok())
            r.error = found.error;
        else if (!toEvaluate.contains(found.relative))
            toEvaluate << found.relative;
        results << r;
    }

    // Paths are relative to the root (short command lines: 250 per process
    // stay far below the kernel's limit for one argument, 128 KiB).
    NixEval eval;
    eval.program = options.nixInstantiate;
    eval.options = options.nixOptions;
    eval.driver = { QStringLiteral("-E"), driver() };
    eval.arguments = { { QStringLiteral("root"), canonicalRoot } };
    eval.timeoutMs = options.timeoutMs;
    eval.cancel = options.cancel;
    QHash<QString, Recipe> found;
    const auto entry = [&found](const QString &file, const QJsonObject &e) {
        Recipe &r = found[file];
        r.drvPath = e.value(QLatin1String("drv")).toString();
        r.outPath = e.value(QLatin1String("out")).toString();
        // Anything but an absolute path would be taken as an option later.
        if (!r.outPath.startsWith(QLatin1Char('/')) || !r.drvPath.startsWith(QLatin1Char('/')))
            r.error = QStringLiteral("%1: nix gave no store path for it").arg(file);
    };
    const auto failed = [&found, &canonicalRoot](const QString &file, const NixEval::Run &run) {
        const QString message = run.errorFor(canonicalRoot);
        found[file].error = message.contains(file) ? message : QStringLiteral("%1: %2").arg(file, message);
    };
    const qsizetype size = qMax(1, options.batchSize);
    for (qsizetype i = 0; i < toEvaluate.size(); i += size) {
        if (options.cancel && options.cancel->load()) {
            for (const QString &file : toEvaluate.mid(i))
                found[file].error = QStringLiteral("%1: cancelled").arg(file);
            break;
        }
        eval.evaluate(toEvaluate.mid(i, size), entry, failed);
    }

    for (Recipe &r : results) {
        if (!r.ok())
            continue;
        const Recipe &f = found.value(r.recipe);
        r.drvPath = f.drvPath;
        r.outPath = f.outPath;
        r.error = f.error;
    }
    return results;
}

} // namespace vs
