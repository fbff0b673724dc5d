#include "builds/BuildSettings.h"
#include "builds/BuildWorktrees.h"
#include "builds/CacheCheck.h"
#include "cli/Commands.h"
#include "cli/Output.h"
#include "variants/RecipePaths.h"

#include <QCommandLineParser>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace vs::cli {

namespace {
const char *kOutputsUsage = "Usage: variant-studio outputs REPO [--branch B] [--substituter URL]... [--json] [VARIANT...]\n"
                            "Prints where each recipe's build lands (its Nix output path, found with the real\n"
                            "nix-instantiate) and whether it is built: in the local store, or in a substituter\n"
                            "given with --substituter. Without VARIANT: every recipe of the branch.\n"
                            "Exit status 1 when a recipe cannot be evaluated.\n";

// Every recipe of a checked-out tree, by name, sorted.
QStringList allRecipes(const QString &root)
{
    QStringList names;
    QDirIterator it(QFileInfo(root).absoluteFilePath() + QLatin1Char('/') + RecipePaths::pkgsDir(), QDir::Files | QDir::NoDotAndDotDot,
        QDirIterator::Subdirectories);
    const qsizetype prefix = QFileInfo(root).absoluteFilePath().size() + 1;
    while (it.hasNext()) {
        const QString relative = it.next().mid(prefix);
        if (RecipePaths::isRecipePath(relative))
            names << RecipePaths::packageNameOf(relative);
    }
    names.sort();
    names.removeDuplicates();
    return names;
}

QJsonObject recipeJson(const CachedRecipe &r)
{
    const auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s); };
    return QJsonObject { { QStringLiteral("variant"), r.variant }, { QStringLiteral("recipe"), orNull(r.recipe) },
        { QStringLiteral("drvPath"), orNull(r.drvPath) }, { QStringLiteral("outPath"), orNull(r.outPath) },
        { QStringLiteral("built"), r.valid }, { QStringLiteral("where"), orNull(r.where) }, { QStringLiteral("error"), orNull(r.error) } };
}
} // namespace

int runOutputs(const QStringList &arguments)
{
    const QString cmd = arguments.value(0);
    const QString usage = QString::fromLatin1(kOutputsUsage);
    QCommandLineParser parser;
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption branchOption(
        QStringLiteral("branch"), QStringLiteral("The branch (default: the checked-out one)."), QStringLiteral("B"));
    const QCommandLineOption substituterOption(
        QStringLiteral("substituter"), QStringLiteral("A store URL to ask as well."), QStringLiteral("URL"));
    parser.addOptions({ jsonOption, branchOption, substituterOption });
    if (int status = 0; !parseWithUsage(parser, arguments, usage, &status))
        return status;
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return fail(cmd, QStringLiteral("expected REPO\n%1").arg(usage), 2);
    const QFileInfo repoInfo(positional.first());
    if (!repoInfo.isDir())
        return fail(cmd, QStringLiteral("%1: no such folder").arg(positional.first()), 2);

    const BuildSettings settings = BuildSettings::load();
    const BuildWorktrees::Place place = BuildWorktrees(settings.worktreeDirectory(), settings.gitProgram)
                                            .prepare(repoInfo.canonicalFilePath(), parser.value(branchOption));
    if (!place.error.isEmpty())
        return fail(cmd, place.error, 1);
    const QStringList asked = positional.size() > 1 ? positional.mid(1) : allRecipes(place.directory);

    CacheCheckOptions options;
    options.paths.nixOptions = settings.nixOptions;
    options.substituters = parser.values(substituterOption);
    const CacheReport report = CacheCheck::run(place.directory, asked, options);
    for (const QString &problem : report.problems)
        err() << cmd << ": " << problem << "\n";
    err().flush();
    if (parser.isSet(jsonOption)) {
        QJsonArray recipes;
        for (const CachedRecipe &r : report.recipes)
            recipes.append(recipeJson(r));
        printJson(QJsonDocument(QJsonObject { { QStringLiteral("branch"), place.branch }, { QStringLiteral("commit"), place.commit },
            { QStringLiteral("recipes"), recipes }, { QStringLiteral("problems"), QJsonArray::fromStringList(report.problems) } }));
    } else {
        for (const CachedRecipe &r : report.recipes) {
            const QString name = RecipePaths::printable(r.variant);
            if (!r.error.isEmpty())
                out() << "error      " << name << ": " << RecipePaths::printable(r.error) << "\n";
            else
                out() << (r.valid ? "built      " : "not built  ") << name << "  " << r.outPath
                      << (r.valid && r.where != QLatin1String(CacheCheck::kLocal) ? QStringLiteral(" (in %1)").arg(r.where) : QString())
                      << "\n";
        }
        out().flush();
    }
    return report.failed().isEmpty() ? 0 : 1;
}

} // namespace vs::cli
