#include "catalog/CudaVersion.h"
#include "cli/Commands.h"
#include "cli/Output.h"
#include "cli/RepositoryCli.h"
#include "variants/RecipePaths.h"

#include <QJsonArray>

namespace vs::cli {

namespace {

void printTable(const RepositoryScan &scan)
{
    out() << "Repository " << scan.root;
    if (!scan.currentBranch.isEmpty())
        out() << " (on " << scan.currentBranch << ")";
    out() << "\n";
    for (const BranchScan &b : scan.branches) {
        out() << "\n" << b.name;
        QStringList notes;
        if (b.current)
            notes << QStringLiteral("checked out");
        if (b.remote)
            notes << QStringLiteral("remote");
        notes << (b.commit.isEmpty() ? QStringLiteral("no commit yet") : b.commit.left(10));
        out() << " (" << notes.join(QStringLiteral(", ")) << "): ";
        if (!b.hasPkgsDir) {
            out() << "no .flox/pkgs\n";
            continue;
        }
        out() << b.recipes.size() << " recipe file(s)";
        if (!b.mostCommonNixpkgsRev.isEmpty())
            out() << ", nixpkgs " << b.mostCommonNixpkgsRev.left(12);
        out() << "\n";
        out() << "  " << QStringLiteral("FILE").leftJustified(56) << QStringLiteral("CUDA").leftJustified(6)
              << QStringLiteral("GPU").leftJustified(7) << QStringLiteral("ISA").leftJustified(12) << "STATE\n";
        for (const RecipeFile &r : b.recipes) {
            const bool cuda = r.variant && r.variant->kind == VariantName::Kind::Cuda;
            QString gpu = cuda ? r.variant->gpu : QStringLiteral("-");
            if (r.variant && r.variant->kind == VariantName::Kind::Darwin)
                gpu = r.variant->isa;
            QString state = r.state == RecipeFile::State::Committed ? QString() : RecipeFile::stateName(r.state);
            if (!r.variant)
                state = QStringLiteral("not a variant name");
            else if (r.symlink)
                state = QStringLiteral("symbolic link");
            else if (r.binary)
                state = QStringLiteral("binary");
            else if (r.tooLarge)
                state = QStringLiteral("too large");
            out() << "  " << RecipePaths::printable(r.fileName).leftJustified(56)
                  << (cuda ? CudaVersion::toVersion(r.variant->cuda) : QStringLiteral("-")).leftJustified(6) << gpu.leftJustified(7)
                  << (r.variant ? r.variant->isa : QStringLiteral("-")).leftJustified(12) << state << "\n";
        }
    }
    int errors = 0;
    for (const LintProblem &p : scan.problems)
        errors += p.severity == LintProblem::Severity::Error;
    if (!scan.problems.isEmpty())
        out() << "\n" << scan.problems.size() << " lint finding(s), " << errors << " error(s): see `variant-studio lint`\n";
    out().flush();
}

} // namespace

int runScan(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List the recipes of every branch of a repository."));
    parser.addPositionalArgument(
        QStringLiteral("REPOSITORY"), QStringLiteral("A git repository with .flox/pkgs recipes (or a folder in it)."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption remotes(QStringLiteral("remotes"), QStringLiteral("Include remote-tracking branches."));
    parser.addOptions({ json, remotes });
    int status = 0;
    if (!parseOrStop(parser, arguments, &status))
        return status;
    ScanOptions options;
    options.includeRemotes = parser.isSet(remotes);
    options.keepTexts = false; // metadata is all that is printed
    std::optional<RepositoryScan> result = scanOrFail(arguments.value(0), parser.positionalArguments().first(), options, &status);
    if (!result)
        return status;
    // Never freed: the process ends after the output (see main.cpp), and freeing
    // thousands of recipes one by one costs more than writing their JSON.
    const RepositoryScan *scan = new RepositoryScan(std::move(*result));
    if (parser.isSet(json))
        writeScanJson(*scan, printBlock);
    else
        printTable(*scan);
    return 0;
}

} // namespace vs::cli
