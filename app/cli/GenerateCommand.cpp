#include "catalog/Catalog.h"
#include "catalog/CatalogLoader.h"
#include "cli/Commands.h"
#include "cli/Output.h"
#include "recipes/RecipeGenerator.h"
#include "repository/RecipeBasis.h"
#include "repository/RecipeWriter.h"
#include "repository/RepositoryScanner.h"
#include "variants/VariantName.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace vs::cli {

namespace {
QString usage(const QString &command)
{
    return QStringLiteral("Usage: %1 VARIANT [--nixpkgs-rev REV] [--repo REPO [--branch B]] [--write [--force]]\n").arg(command);
}
} // namespace

// variant-studio generate VARIANT [--nixpkgs-rev REV] [--repo REPO --branch B] [--write] [--force]
// Prints the recipe (exit 0); an invalid or incompatible variant exits 1 with
// the reason; --write puts it into REPO's working tree (see RecipeWriter).
int runGenerate(const QStringList &arguments)
{
    const QString command = arguments.value(0);
    QCommandLineParser parser;
    const QCommandLineOption help({ QStringLiteral("h"), QStringLiteral("help") }, QStringLiteral("Show this help."));
    const QCommandLineOption revOption(
        QStringLiteral("nixpkgs-rev"), QStringLiteral("Pin this nixpkgs revision instead of the profile's."), QStringLiteral("REV"));
    const QCommandLineOption repoOption(QStringLiteral("repo"),
        QStringLiteral("Repository: its .flox/variant-studio.yaml overlays the catalogue."), QStringLiteral("REPO"));
    const QCommandLineOption branchOption(QStringLiteral("branch"),
        QStringLiteral("Branch whose release-line profile applies (default with --repo: the checked-out one)."), QStringLiteral("B"));
    const QCommandLineOption writeOption(
        QStringLiteral("write"), QStringLiteral("Write REPO/.flox/pkgs/VARIANT.nix (branch B must be checked out) and git add it."));
    const QCommandLineOption forceOption(QStringLiteral("force"), QStringLiteral("With --write: replace an existing recipe."));
    parser.addOptions({ help, revOption, repoOption, branchOption, writeOption, forceOption });
    parser.addPositionalArgument(QStringLiteral("VARIANT"), QStringLiteral("e.g. pytorch-python313-cuda12_9-sm90-avx512"));

    if (!parser.parse(arguments))
        return fail(command, parser.errorText() + QLatin1Char('\n') + usage(command).trimmed(), 2);
    if (parser.isSet(help)) {
        out() << usage(command) << "\n" << parser.helpText().section(QLatin1Char('\n'), 2);
        out().flush();
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return fail(command, QStringLiteral("expected one VARIANT, got %1\n%2").arg(positional.size()).arg(usage(command).trimmed()), 2);
    const QString repo = parser.value(repoOption);
    const bool write = parser.isSet(writeOption);
    if (write && repo.isEmpty())
        return fail(command, QStringLiteral("--write needs --repo REPO (the repository to write into)"), 2);
    if (!repo.isEmpty() && !QFileInfo(repo).isDir())
        return fail(command, QStringLiteral("no repository at %1").arg(repo), 1);
    if (parser.isSet(forceOption) && !write)
        return fail(command, QStringLiteral("--force only applies with --write"), 2);

    QString whyNot;
    const std::optional<VariantName> variant = VariantName::parse(positional.first(), &whyNot);
    if (!variant)
        return fail(command, whyNot, 1);
    for (const QString &note : variant->nonCanonical)
        err() << command << ": note: " << note << "; generating " << variant->toString() << Qt::endl;

    // The repository's overlay catalogue, when there is one; its errors are
    // warnings and the default catalogue stays in force.
    CatalogLoad load { Catalog::embedded(), {} };
    if (!repo.isEmpty()) {
        load = CatalogLoader::forRepository(repo);
        for (const CatalogError &e : load.errors)
            err() << command << ": warning: " << e.toString() << " (using the default catalogue)" << Qt::endl;
    }
    const Catalog &catalog = load.catalog;

    QString branch = parser.value(branchOption);
    if (branch.isEmpty() && !repo.isEmpty()) {
        QString error;
        branch = RecipeWriter::checkedOutBranch(repo, &error);
        if (branch.isEmpty()) {
            if (write)
                return fail(command, error, 1);
            err() << command << ": warning: " << error << "; using the default profile" << Qt::endl;
        }
    }
    const BranchProfile &profile = catalog.profileForBranch(branch);
    QString rev = parser.value(revOption);
    if (rev.isEmpty() && !repo.isEmpty() && !branch.isEmpty()) {
        // The window's rule (RecipeBasis): the pin most of the branch's recipes use,
        // else the profile's, so both front ends generate the same file.
        ScanOptions options;
        options.branches = { branch };
        options.lint = false;
        options.catalog = catalog;
        rev = RecipeBasis::forBranch(catalog, RepositoryScanner::scan(repo, options), branch).nixpkgsRev;
    }

    const RecipeGenerator::Result recipe = RecipeGenerator(catalog).generate(*variant, profile, rev);
    if (!recipe.ok())
        return fail(command, recipe.error, 1);

    if (!write) {
        out() << recipe.text;
        out().flush();
        return 0;
    }
    const RecipeWriter::Result written = RecipeWriter::write(repo, branch, *variant, recipe.text, parser.isSet(forceOption));
    if (!written.ok())
        return fail(command, written.error, 1);
    out() << (written.replaced ? "replaced " : "wrote ") << written.path << " and staged it (git add)" << Qt::endl;
    return 0;
}

} // namespace vs::cli
