#include "builds/BuildHistory.h"
#include "builds/BuildSettings.h"
#include "cli/Commands.h"
#include "cli/JsonWriter.h"
#include "cli/Output.h"
#include "cli/RepositoryCli.h"
#include "companions/CompanionMatch.h"
#include "companions/SharedBuildCheck.h"

#include <QStandardPaths>

namespace vs::cli {

namespace {

QByteArray reportJson(
    const QString &pytorchRoot, const QString &companionRoot, const CompanionReport &report, const QList<SharedBuild> &shared)
{
    QByteArray bytes;
    JsonWriter w(&bytes);
    w.beginObject();
    w.key("companionRepository").value(companionRoot);
    w.key("companions").beginArray();
    for (qsizetype i = 0; i < report.entries.size(); ++i) {
        const CompanionEntry &e = report.entries.at(i);
        const SharedBuild &s = shared.at(i);
        w.beginObject();
        w.key("branch").value(e.branch);
        w.key("differences").beginArray();
        for (const BuildDifference &d : s.differences) {
            w.beginObject();
            w.key("companion").value(d.companion);
            w.key("pytorch").value(d.pytorch);
            w.key("what").value(d.what);
            w.endObject();
        }
        w.endArray();
        w.key("file").value(e.file);
        w.key("lastBuild").value(e.lastBuild);
        w.key("pytorchBranch").stringOrNull(e.pytorchBranch);
        w.key("pytorchRecipe").stringOrNull(e.pytorchRecipe);
        w.key("pytorchStatus").value(toString(e.status));
        w.key("pytorchVariant").value(e.pytorchVariant);
        w.key("sharedBuild");
        if (s.shared)
            w.value(*s.shared);
        else
            w.null();
        w.key("summary").value(s.summary());
        w.key("variant").value(e.variant);
        w.endObject();
    }
    w.endArray();
    w.key("gaps").beginArray();
    for (const CompanionGap &g : report.gaps) {
        w.beginObject();
        w.key("companionBranch").value(g.companionBranch);
        w.key("package").value(g.package);
        w.key("pytorchBranch").stringOrNull(g.pytorchBranch);
        w.key("withoutCompanion").strings(g.withoutCompanion);
        w.key("withoutPytorch").strings(g.withoutPytorch);
        w.endObject();
    }
    w.endArray();
    w.key("pairs").beginArray();
    for (const BranchPair &p : report.pairs) {
        w.beginObject();
        w.key("companionBranch").value(p.companionBranch);
        w.key("pytorchBranch").stringOrNull(p.pytorchBranch);
        w.key("reason").value(p.reason);
        w.key("stated").value(p.stated);
        w.endObject();
    }
    w.endArray();
    w.key("pytorchRepository").value(pytorchRoot);
    w.endObject();
    bytes.append('\n');
    return bytes;
}

void printText(const CompanionReport &report, const QList<SharedBuild> &shared)
{
    for (const BranchPair &p : report.pairs)
        out() << "branch " << p.companionBranch << " -> "
              << (p.pytorchBranch.isEmpty() ? QStringLiteral("(no PyTorch branch)") : p.pytorchBranch) << "  (" << p.reason << ")\n";
    for (qsizetype i = 0; i < report.entries.size(); ++i) {
        const CompanionEntry &e = report.entries.at(i);
        out() << e.branch << "  " << e.variant << "\n    PyTorch " << e.pytorchVariant << " on "
              << (e.pytorchBranch.isEmpty() ? QStringLiteral("(no branch)") : e.pytorchBranch) << ": "
              << (e.pytorchRecipe.isEmpty() ? QStringLiteral("needs PyTorch (no recipe)") : toString(e.status)) << "\n    "
              << shared.at(i).summary() << "\n";
        for (const BuildDifference &d : shared.at(i).differences)
            out() << "      " << d.what << ": " << d.companion << "  (PyTorch recipe: " << d.pytorch << ")\n";
    }
    for (const CompanionGap &g : report.gaps) {
        out() << "gap " << g.companionBranch << " / " << g.pytorchBranch << ":\n";
        for (const QString &v : g.withoutPytorch)
            out() << "    no PyTorch recipe for " << v << "\n";
        for (const QString &v : g.withoutCompanion)
            out() << "    no " << g.package << " recipe " << v << "\n";
    }
    out() << report.entries.size() << " companion recipe(s), " << report.withoutPartnerRecipe() << " without a PyTorch recipe\n";
    out().flush();
}

} // namespace

int runCompanions(const QStringList &arguments)
{
    const QString cmd = arguments.value(0);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Pairs the companion repository's branches with the PyTorch repository's, finds each TorchVision/TorchAudio\n"
                       "recipe's PyTorch recipe and its status, and evaluates with nix whether both make the same PyTorch (one\n"
                       "build) or two. Exit status 1 when a companion recipe has no PyTorch partner recipe."));
    parser.addPositionalArgument(QStringLiteral("PYTORCH_REPO"), QStringLiteral("The PyTorch build repository."));
    parser.addPositionalArgument(QStringLiteral("COMPANION_REPO"), QStringLiteral("A TorchVision or TorchAudio build repository."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption noEval(QStringLiteral("no-eval"), QStringLiteral("Do not evaluate with nix (sharedBuild stays null)."));
    const QCommandLineOption branch(
        QStringLiteral("branch"), QStringLiteral("Only this companion branch (repeatable)."), QStringLiteral("B"));
    parser.addOptions({ json, noEval, branch });
    int status = 0;
    if (!parseOrStop(parser, arguments, &status, 2))
        return status;
    const QStringList positional = parser.positionalArguments();
    const std::optional<RepositoryScan> pytorch = scanOrFail(cmd, positional.at(0), {}, &status);
    if (!pytorch)
        return status;
    const std::optional<RepositoryScan> companion = scanOrFail(cmd, positional.at(1), {}, &status);
    if (!companion)
        return status;
    for (const QString &b : parser.values(branch))
        if (!companion->branch(b))
            return fail(cmd, QStringLiteral("%1: no branch '%2'").arg(companion->root, b), 2);

    // A broken overlay leaves the pairing to inference: say so, with the file and line.
    for (const LintProblem &p : companion->problems)
        if (p.rule == QLatin1String("catalog"))
            err() << cmd << ": warning: " << companion->root << '/' << p.file << ':' << p.line << ": " << p.message
                  << " (branches are paired by inference)" << Qt::endl;
    BuildHistory history(pytorch->root, BuildSettings::load().historyDirectory());
    const CompanionReport report = CompanionMatch::match(*pytorch, *companion, history.cells(), parser.values(branch));
    QList<SharedBuild> shared(report.entries.size());
    const DeepCheckOptions options;
    if (parser.isSet(noEval)) {
        for (SharedBuild &s : shared)
            s.error = QStringLiteral("--no-eval");
    } else if (QStandardPaths::findExecutable(options.nixInstantiate).isEmpty()) {
        err() << cmd << ": nix-instantiate is not on PATH; sharedBuild is null" << Qt::endl;
        for (SharedBuild &s : shared)
            s.error = QStringLiteral("nix-instantiate is not on PATH");
    } else {
        shared = SharedBuildCheck::check(*pytorch, *companion, report.entries, options);
    }
    if (parser.isSet(json))
        printBytes(reportJson(pytorch->root, companion->root, report, shared));
    else
        printText(report, shared);
    return report.withoutPartnerRecipe() > 0 ? 1 : 0;
}

} // namespace vs::cli
