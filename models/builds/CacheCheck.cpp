#include "builds/CacheCheck.h"

#include "system/ProcessRunner.h"

namespace vs {

QStringList CacheReport::variants(bool valid) const
{
    QStringList names;
    for (const CachedRecipe &r : recipes)
        if (r.error.isEmpty() && r.valid == valid)
            names << r.variant;
    return names;
}

QList<CachedRecipe> CacheReport::failed() const
{
    QList<CachedRecipe> list;
    for (const CachedRecipe &r : recipes)
        if (!r.error.isEmpty())
            list << r;
    return list;
}

std::optional<QSet<QString>> CacheCheck::invalidPaths(
    const QStringList &paths, const QString &store, const CacheCheckOptions &options, QString *error)
{
    if (store.startsWith(QLatin1Char('-'))) { // would be read as an option
        if (error)
            *error = QStringLiteral("the store '%1' begins with '-': not a store URL").arg(store);
        return std::nullopt;
    }
    QSet<QString> invalid;
    const qsizetype size = qMax(1, options.storeBatchSize);
    for (qsizetype i = 0; i < paths.size(); i += size) {
        QStringList args;
        if (!store.isEmpty())
            args << QStringLiteral("--store") << store;
        args << options.paths.nixOptions << QStringLiteral("--check-validity") << QStringLiteral("--print-invalid") << QStringLiteral("--")
             << paths.mid(i, size);
        ProcessRunner runner(options.nixStore, args);
        runner.setTimeout(options.timeoutMs);
        if (options.paths.cancel)
            runner.setCancel(options.paths.cancel);
        const ProcessResult result = runner.run();
        if (!result.ok()) {
            if (error)
                *error = QStringLiteral("cannot ask %1 which paths it holds: %2")
                             .arg(store.isEmpty() ? QStringLiteral("the local store") : store, result.errorText());
            return std::nullopt;
        }
        const QString out = result.outText();
        for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            invalid.insert(line.trimmed());
    }
    return invalid;
}

CacheReport CacheCheck::run(const QString &root, const QStringList &recipes, const CacheCheckOptions &options)
{
    CacheReport report;
    QStringList pending; // output paths not found valid yet, each once
    QSet<QString> seen;
    for (const OutputPaths::Recipe &r : OutputPaths::find(root, recipes, options.paths)) {
        report.recipes << CachedRecipe { r.variant, r.recipe, r.drvPath, r.outPath, false, {}, r.error };
        if (r.ok() && !seen.contains(r.outPath)) {
            seen.insert(r.outPath);
            pending << r.outPath;
        }
    }
    QStringList stores { QString() };
    stores << options.substituters;
    for (const QString &store : std::as_const(stores)) {
        if (pending.isEmpty())
            break;
        QString error;
        const std::optional<QSet<QString>> invalid = invalidPaths(pending, store, options, &error);
        if (!invalid) {
            report.problems << error;
            continue;
        }
        const QString where = store.isEmpty() ? QString::fromLatin1(kLocal) : store;
        for (CachedRecipe &r : report.recipes) {
            if (r.error.isEmpty() && !r.valid && !invalid->contains(r.outPath)) {
                r.valid = true;
                r.where = where;
            }
        }
        pending = QStringList(invalid->cbegin(), invalid->cend());
    }
    return report;
}

} // namespace vs
