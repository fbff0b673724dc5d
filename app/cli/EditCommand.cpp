#include "cli/Commands.h"
#include "cli/JsonWriter.h"
#include "cli/Output.h"
#include "cli/RepositoryCli.h"
#include "repository/BranchEdit.h"
#include "variants/RecipePaths.h"

#include <QCommandLineParser>

namespace vs::cli {

// variant-studio edit REPO OPERATION ARGS... [--branch B]... [--cells PATTERN] [--dry-run] [--json]
// Shows, per branch and file, what a named change does to the recipes (unified
// diffs, then the files left alone and why), and without --dry-run makes one
// commit per branch (all branches or none; never pushed).
int runEdit(const QStringList &arguments)
{
    const QString command = arguments.value(0);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Change the recipes of several branches, one commit per branch (all or none, never pushed):\n"
                       "set-pin REV [SHA256], set NAME VALUE, replace REGEX TEXT. --dry-run only shows the diffs."));
    parser.addPositionalArgument(QStringLiteral("REPOSITORY"), QStringLiteral("The build repository."));
    parser.addPositionalArgument(QStringLiteral("OPERATION"), QStringLiteral("set-pin, set or replace, then its arguments."));
    const QCommandLineOption help({ QStringLiteral("h"), QStringLiteral("help") }, QStringLiteral("Show this help."));
    const QCommandLineOption branch(
        QStringLiteral("branch"), QStringLiteral("Only this branch (repeatable; default: every local branch)."), QStringLiteral("B"));
    const QCommandLineOption cells(QStringLiteral("cells"),
        QStringLiteral("Only variants matching this wildcard, e.g. 'pytorch-*-cuda12_9-*'."), QStringLiteral("PATTERN"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"), QStringLiteral("Only show what would change; write nothing."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption allowErrors(
        QStringLiteral("allow-new-errors"), QStringLiteral("Apply even when the change brings new lint errors."));
    parser.addOptions({ help, branch, cells, dryRun, json, allowErrors });
    // Operation arguments may look like options ("-j16", a regular expression): only
    // what comes before the operation's name is parsed as options.
    QStringList ours = arguments.mid(0, 1), rest;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments[i];
        if (a == QLatin1String("set-pin") || a == QLatin1String("set") || a == QLatin1String("replace")) {
            rest = arguments.mid(i);
            break;
        }
        ours << a;
    }
    // Options after the operation's arguments: the known flags at the end.
    while (!rest.isEmpty()
        && (rest.last() == QLatin1String("--dry-run") || rest.last() == QLatin1String("--json")
            || rest.last() == QLatin1String("--allow-new-errors"))) {
        ours << rest.takeLast();
    }
    if (!parser.parse(ours))
        return fail(command, parser.errorText(), 2);
    if (parser.isSet(help)) {
        out() << "Usage: " << command << " REPOSITORY OPERATION ARGS... [--branch B]... [--cells PATTERN] [--dry-run] [--json]\n"
              << parser.helpText().section(QLatin1Char('\n'), 2);
        out().flush();
        return 0;
    }
    if (parser.positionalArguments().size() != 1 || rest.isEmpty())
        return fail(command, QStringLiteral("expected REPOSITORY and an OPERATION (set-pin, set, replace); see --help"), 2);
    QString error;
    const std::optional<RecipeEditOperation> operation = RecipeEditOperation::parse(rest.first(), rest.mid(1), &error);
    if (!operation)
        return fail(command, error, 2);

    int status = 0;
    ScanOptions options;
    const std::optional<RepositoryScan> scan = scanOrFail(command, parser.positionalArguments().first(), options, &status);
    if (!scan)
        return status;
    const QStringList branches = parser.values(branch);
    for (const QString &b : branches)
        if (!scan->branch(b))
            return fail(command, QStringLiteral("no branch '%1' in %2").arg(RecipePaths::printable(b), scan->root), 2);
    const EditPreview preview = BranchEdit::preview(*scan, *operation, branches, parser.value(cells));
    using Outcome = RecipeChange::Outcome;
    const bool dry = parser.isSet(dryRun);
    EditApplied applied;
    if (!dry && !preview.newErrors.isEmpty() && !parser.isSet(allowErrors)) {
        for (const LintProblem &p : preview.newErrors)
            err() << "  " << p.toString() << "\n";
        return fail(command,
            QStringLiteral("the change brings %1 new lint error(s) (above); nothing was written (--allow-new-errors applies it anyway)")
                .arg(preview.newErrors.size()),
            1);
    }
    if (!dry && preview.count(Outcome::Changed) > 0) {
        applied = BranchEdit::apply(*scan, preview, operation->title());
        if (!applied.ok())
            return fail(command, applied.error, 1);
        if (!applied.warning.isEmpty())
            err() << command << ": warning: " << applied.warning << Qt::endl;
    }

    if (parser.isSet(json)) {
        QByteArray bytes;
        JsonWriter w(&bytes);
        w.beginObject();
        w.key("branchesChanged").strings(preview.branchesChanged());
        w.key("commits").beginArray();
        for (const EditCommit &c : applied.commits) {
            w.beginObject();
            w.key("branch").value(c.branch);
            w.key("commit").value(c.newCommit);
            w.key("files").strings(c.files);
            w.key("previous").value(c.oldCommit);
            w.endObject();
        }
        w.endArray();
        w.key("counts").beginObject();
        w.key("changed").value(preview.count(Outcome::Changed));
        w.key("notRecognised").value(preview.count(Outcome::NotRecognised));
        w.key("skipped").value(preview.count(Outcome::Skipped));
        w.key("unchanged").value(preview.count(Outcome::Unchanged));
        w.endObject();
        w.key("dryRun").value(dry);
        w.key("files").beginArray();
        for (const RecipeChange &c : preview.files) {
            w.beginObject();
            w.key("branch").value(c.branch);
            c.outcome == Outcome::Changed ? w.key("diff").value(BranchEdit::unifiedDiff(c.path, c.before, c.after)) : w.key("diff").null();
            w.key("file").value(c.path);
            w.key("lines").beginArray();
            for (int l : c.lines)
                w.value(l);
            w.endArray();
            w.key("outcome").value(BranchEdit::outcomeName(c.outcome));
            w.key("reason").stringOrNull(c.reason);
            w.endObject();
        }
        w.endArray();
        w.key("newErrors").beginArray();
        for (const LintProblem &p : preview.newErrors)
            w.value(p.toString());
        w.endArray();
        w.key("operation").value(operation->title());
        w.key("repository").value(scan->root);
        w.endObject();
        printBytes(bytes);
        return 0;
    }

    for (const RecipeChange &c : preview.files)
        if (c.outcome == Outcome::Changed)
            out() << "# branch " << RecipePaths::printable(c.branch) << "\n" << BranchEdit::unifiedDiff(c.path, c.before, c.after);
    QStringList leftAlone;
    for (const RecipeChange &c : preview.files)
        if (c.outcome == Outcome::NotRecognised || c.outcome == Outcome::Skipped)
            leftAlone << QStringLiteral("  %1:%2: %3: %4")
                             .arg(RecipePaths::printable(c.branch), RecipePaths::printable(c.path), BranchEdit::outcomeName(c.outcome),
                                 RecipePaths::printable(c.reason));
    out() << "\n"
          << operation->title() << (dry ? " (dry run, nothing written): " : ": ") << preview.count(Outcome::Changed)
          << (dry ? " file(s) would change on " : " file(s) changed on ") << preview.branchesChanged().size() << " branch(es), "
          << preview.count(Outcome::Unchanged) << " already so, " << preview.count(Outcome::NotRecognised) << " not recognised, "
          << preview.count(Outcome::Skipped) << " skipped\n";
    for (const EditCommit &c : applied.commits) {
        const QString undo = c.branch == scan->currentBranch
            ? QStringLiteral("git revert %1").arg(c.newCommit.left(12))
            : QStringLiteral("git update-ref refs/heads/%1 %2 %3").arg(RecipePaths::printable(c.branch), c.oldCommit, c.newCommit);
        out() << "  committed " << c.newCommit.left(12) << " on " << RecipePaths::printable(c.branch) << " (" << c.files.size()
              << " file(s)); undo: " << undo << "\n";
    }
    if (!applied.commits.isEmpty())
        out() << "Nothing was pushed.\n";
    if (!leftAlone.isEmpty())
        out() << "Left alone:\n" << leftAlone.join(QLatin1Char('\n')) << "\n";
    if (!preview.newErrors.isEmpty()) {
        out() << "New lint errors the change brings:\n";
        for (const LintProblem &p : preview.newErrors)
            out() << "  " << p.toString() << "\n";
    }
    out().flush();
    return 0;
}

} // namespace vs::cli
