#include "cli/Commands.h"
#include "cli/Output.h"
#include "cli/RepositoryCli.h"

#include "recipes/DeepCheck.h"

#include <QJsonArray>
#include <QStandardPaths>

namespace vs::cli {

namespace {

// `lint --deep`: every recipe evaluated by the real nix-instantiate against the
// stand-in nixpkgs (models/recipes/DeepCheck); rules "deep-…". Without
// nix-instantiate on PATH only the text checks run.
QList<LintProblem> deepProblems(const RepositoryScan &scan, bool *available)
{
    const DeepCheckOptions options;
    *available = !QStandardPaths::findExecutable(options.nixInstantiate).isEmpty();
    return *available ? DeepCheck::checkRepository(scan.root, scan.catalog, scan.branches, options) : QList<LintProblem>();
}

} // namespace

int runLint(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Check every branch's recipes against their file names and the catalogue.\n"
                                                    "Exit status 1 when any error is found."));
    parser.addPositionalArgument(QStringLiteral("REPOSITORY"), QStringLiteral("A git repository with .flox/pkgs recipes."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption deep(QStringLiteral("deep"), QStringLiteral("Also evaluate the recipes with nix (slower)."));
    const QCommandLineOption branch(QStringLiteral("branch"), QStringLiteral("Only this branch (repeatable)."), QStringLiteral("BRANCH"));
    parser.addOptions({ json, deep, branch });
    int status = 0;
    if (!parseOrStop(parser, arguments, &status))
        return status;
    ScanOptions options;
    options.branches = parser.values(branch);
    const std::optional<RepositoryScan> scan = scanOrFail(arguments.value(0), parser.positionalArguments().first(), options, &status);
    if (!scan)
        return status;
    QList<LintProblem> problems = scan->problems;
    if (parser.isSet(deep)) {
        bool available = true;
        problems += deepProblems(*scan, &available);
        if (!available)
            err() << arguments.value(0) << ": --deep needs nix-instantiate on PATH; only the text checks ran" << Qt::endl;
    }

    if (parser.isSet(json)) {
        QJsonArray list;
        for (const LintProblem &p : problems)
            list.append(p.toJson());
        printJson(QJsonDocument(QJsonObject { { QStringLiteral("repository"), scan->root }, { QStringLiteral("problems"), list } }));
    } else {
        int counts[3] = { 0, 0, 0 };
        for (const LintProblem &p : problems) {
            out() << p.toString() << "\n";
            ++counts[int(p.severity)];
        }
        out() << counts[2] << " error(s), " << counts[1] << " warning(s), " << counts[0] << " note(s) in " << scan->branches.size()
              << " branch(es)\n";
        out().flush();
    }
    return hasErrors(problems) ? 1 : 0;
}

} // namespace vs::cli
