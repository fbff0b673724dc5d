#include "cli/Commands.h"
#include "cli/JsonWriter.h"
#include "cli/Output.h"
#include "cli/RepositoryCli.h"
#include "repository/BranchEdit.h"
#include "repository/EditChecks.h"
#include "repository/EditUndo.h"
#include "variants/RecipePaths.h"

#include <QCommandLineParser>
#include <QStandardPaths>

namespace vs::cli {

namespace {

using Outcome = RecipeChange::Outcome;

// A file left alone whose new text is known (a hand-made recipe regenerate did
// not overwrite) shows its diff too: what regenerating it would lose.
bool showsDiff(const RecipeChange &c)
{
    return c.outcome == Outcome::Changed || (c.outcome == Outcome::Skipped && c.after != c.before);
}

// "commits": [{"branch", "commit", "files", PREVIOUS: the commit it came from}]
void writeCommits(JsonWriter &w, const QList<EditCommit> &commits, const char *previous)
{
    w.key("commits").beginArray();
    for (const EditCommit &c : commits) {
        w.beginObject();
        w.key("branch").value(c.branch);
        w.key("commit").stringOrNull(c.newCommit);
        w.key("files").strings(c.files);
        w.key(previous).value(c.oldCommit);
        w.endObject();
    }
    w.endArray();
}

void printJson(
    const RecipeEditOperation &operation, const RepositoryScan &scan, const EditPreview &preview, const EditApplied &applied, bool dry)
{
    QByteArray bytes;
    JsonWriter w(&bytes);
    w.beginObject();
    w.key("branchesChanged").strings(preview.branchesChanged());
    writeCommits(w, applied.commits, "previous");
    w.key("counts").beginObject();
    w.key("changed").value(preview.count(Outcome::Changed));
    w.key("notRecognised").value(preview.count(Outcome::NotRecognised));
    w.key("skipped").value(preview.count(Outcome::Skipped));
    w.key("unchanged").value(preview.count(Outcome::Unchanged));
    w.endObject();
    w.key("deepChecked").value(preview.deepChecked);
    w.key("dryRun").value(dry);
    w.key("editId").stringOrNull(applied.id);
    w.key("files").beginArray();
    for (const RecipeChange &c : preview.files) {
        w.beginObject();
        w.key("branch").value(c.branch);
        showsDiff(c) ? w.key("diff").value(BranchEdit::unifiedDiff(c.path, c.before, c.after)) : w.key("diff").null();
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
    w.key("operation").value(operation.title());
    w.key("repository").value(scan.root);
    w.endObject();
    printBytes(bytes);
}

void printText(
    const RecipeEditOperation &operation, const RepositoryScan &scan, const EditPreview &preview, const EditApplied &applied, bool dry)
{
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
          << operation.title() << (dry ? " (dry run, nothing written): " : ": ") << preview.count(Outcome::Changed)
          << (dry ? " file(s) would change on " : " file(s) changed on ") << preview.branchesChanged().size() << " branch(es), "
          << preview.count(Outcome::Unchanged) << " already so, " << preview.count(Outcome::NotRecognised) << " not recognised, "
          << preview.count(Outcome::Skipped) << " skipped\n";
    for (const EditCommit &c : applied.commits)
        out() << "  committed " << c.newCommit.left(12) << " on " << RecipePaths::printable(c.branch) << " (" << c.files.size()
              << " file(s))\n";
    if (!applied.commits.isEmpty())
        out() << "Nothing was pushed. Undo: variant-studio edit " << scan.root << " undo (edit " << applied.id << ")\n";
    if (!leftAlone.isEmpty())
        out() << "Left alone:\n" << leftAlone.join(QLatin1Char('\n')) << "\n";
    for (const RecipeChange &c : preview.files)
        if (c.outcome == Outcome::Skipped && showsDiff(c))
            out() << "# left alone on branch " << RecipePaths::printable(c.branch) << " (what regenerating it would change)\n"
                  << BranchEdit::unifiedDiff(c.path, c.before, c.after);
    QStringList lint, deep;
    for (const LintProblem &p : preview.newErrors)
        (p.rule.startsWith(QLatin1String("deep-")) ? deep : lint) << QStringLiteral("  ") + p.toString();
    if (!lint.isEmpty())
        out() << "New lint errors the change brings:\n" << lint.join(QLatin1Char('\n')) << "\n";
    if (!deep.isEmpty())
        out() << "New deep-check errors the change brings:\n" << deep.join(QLatin1Char('\n')) << "\n";
    if (preview.deepChecked && deep.isEmpty())
        out() << "Deep check of the changed recipes: no new errors.\n";
    out().flush();
}

// variant-studio edit REPO undo [--branch B]... [--dry-run] [--json]
int undo(const QString &command, const QString &root, const QString &current, const QStringList &branches, bool dry, bool json)
{
    const EditUndo::Result r = EditUndo::undoLast(root, current, branches, dry);
    if (!r.ok())
        return fail(command, r.error, 1);
    if (!r.warning.isEmpty())
        err() << command << ": warning: " << r.warning << Qt::endl;
    if (json) {
        QByteArray bytes;
        JsonWriter w(&bytes);
        w.beginObject();
        writeCommits(w, r.commits, "reverted");
        w.key("dryRun").value(dry);
        w.key("editId").value(r.id);
        w.key("title").value(r.title);
        w.endObject();
        printBytes(bytes);
        return 0;
    }
    out() << (dry ? "Would undo " : "Undid ") << "edit " << r.id << " (\"" << r.title << "\"):\n";
    for (const EditCommit &c : r.commits)
        out() << "  " << RecipePaths::printable(c.branch) << ": " << (dry ? "would revert " : "reverted ") << c.oldCommit.left(12)
              << (dry ? QString() : QStringLiteral(" with ") + c.newCommit.left(12)) << " (" << c.files.size() << " file(s))\n";
    if (!dry)
        out() << "Nothing was pushed.\n";
    out().flush();
    return 0;
}

} // namespace

// variant-studio edit REPO OPERATION ARGS... [--branch B]... [--cells PATTERN] [--dry-run] [--json]
// Shows, per branch and file, what a named change does to the recipes (unified
// diffs, then the files left alone and why), and without --dry-run makes one
// commit per branch (all branches or none; never pushed). `undo` reverts the last one.
int runEdit(const QStringList &arguments)
{
    const QString command = arguments.value(0);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Change the recipes of several branches, one commit per branch (all or none, never pushed):\n"
                       "set-pin REV [SHA256], set NAME VALUE, replace REGEX TEXT, regenerate [--overwrite VARIANT]...;\n"
                       "undo reverts the last edit. --dry-run only shows the diffs."));
    parser.addPositionalArgument(QStringLiteral("REPOSITORY"), QStringLiteral("The build repository."));
    parser.addPositionalArgument(
        QStringLiteral("OPERATION"), QStringLiteral("set-pin, set, replace, regenerate or undo, then its arguments."));
    const QCommandLineOption help({ QStringLiteral("h"), QStringLiteral("help") }, QStringLiteral("Show this help."));
    const QCommandLineOption branch(
        QStringLiteral("branch"), QStringLiteral("Only this branch (repeatable; default: every local branch)."), QStringLiteral("B"));
    const QCommandLineOption cells(QStringLiteral("cells"),
        QStringLiteral("Only variants matching this wildcard, e.g. 'pytorch-*-cuda12_9-*'."), QStringLiteral("PATTERN"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"), QStringLiteral("Only show what would change; write nothing."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption allowErrors(
        QStringLiteral("allow-new-errors"), QStringLiteral("Apply even when the change brings new lint or deep-check errors."));
    const QCommandLineOption deep(QStringLiteral("deep"),
        QStringLiteral("Also run the deep check (nix-instantiate) on the changed recipes before and after; new errors block."));
    const QCommandLineOption overwrite(QStringLiteral("overwrite"),
        QStringLiteral("regenerate: rewrite this hand-made recipe too (repeatable)."), QStringLiteral("VARIANT"));
    parser.addOptions({ help, branch, cells, dryRun, json, allowErrors, deep, overwrite });
    // Operation arguments may look like options ("-j16", a regular expression): only
    // what comes before the operation's name is parsed as options (regenerate and
    // undo take no text arguments: everything after them is options).
    QStringList ours = arguments.mid(0, 1), rest;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments[i];
        if (RecipeEditOperation::names().contains(a) || a == QLatin1String("undo")) {
            rest = arguments.mid(i);
            break;
        }
        ours << a;
    }
    if (rest.value(0) == QLatin1String("regenerate") || rest.value(0) == QLatin1String("undo")) {
        ours << rest.mid(1);
        rest = rest.mid(0, 1);
    }
    // Options after the operation's arguments: the known flags at the end.
    static const QStringList flags { QStringLiteral("--dry-run"), QStringLiteral("--json"), QStringLiteral("--allow-new-errors"),
        QStringLiteral("--deep") };
    while (!rest.isEmpty() && flags.contains(rest.last()))
        ours << rest.takeLast();
    if (!parser.parse(ours))
        return fail(command, parser.errorText(), 2);
    if (parser.isSet(help)) {
        out() << "Usage: " << command << " REPOSITORY OPERATION ARGS... [--branch B]... [--cells PATTERN] [--dry-run] [--json]\n"
              << parser.helpText().section(QLatin1Char('\n'), 2);
        out().flush();
        return 0;
    }
    if (parser.positionalArguments().size() != 1 || rest.isEmpty())
        return fail(
            command, QStringLiteral("expected REPOSITORY and an OPERATION (set-pin, set, replace, regenerate, undo); see --help"), 2);
    const bool isUndo = rest.first() == QLatin1String("undo");
    QString error;
    const std::optional<RecipeEditOperation> operation
        = isUndo ? std::nullopt : RecipeEditOperation::parse(rest.first(), rest.mid(1) + parser.values(overwrite), &error);
    if (!isUndo && !operation)
        return fail(command, error, 2);
    if (parser.isSet(overwrite) && (isUndo || operation->kind != RecipeEditOperation::Kind::Regenerate))
        return fail(command, QStringLiteral("--overwrite only applies to regenerate"), 2);
    if (isUndo && (parser.isSet(cells) || parser.isSet(deep) || parser.isSet(allowErrors)))
        return fail(command, QStringLiteral("undo takes only --branch, --dry-run and --json"), 2);
    const DeepCheckOptions deepOptions;
    if (parser.isSet(deep) && QStandardPaths::findExecutable(deepOptions.nixInstantiate).isEmpty())
        return fail(command, QStringLiteral("--deep needs nix-instantiate on PATH; nothing was done"), 1);

    int status = 0;
    ScanOptions options;
    const std::optional<RepositoryScan> scan = scanOrFail(command, parser.positionalArguments().first(), options, &status);
    if (!scan)
        return status;
    const QStringList branches = parser.values(branch);
    for (const QString &b : branches)
        if (!scan->branch(b))
            return fail(command, QStringLiteral("no branch '%1' in %2").arg(RecipePaths::printable(b), scan->root), 2);
    const bool dry = parser.isSet(dryRun);
    if (isUndo)
        return undo(command, scan->root, scan->currentBranch, branches, dry, parser.isSet(json));

    EditPreview preview = BranchEdit::preview(*scan, *operation, branches, parser.value(cells));
    if (parser.isSet(deep)) {
        preview.newErrors += EditChecks::newDeepErrors(*scan, preview, deepOptions);
        preview.deepChecked = true;
    }
    EditApplied applied;
    if (!dry && !preview.newErrors.isEmpty() && !parser.isSet(allowErrors)) {
        for (const LintProblem &p : preview.newErrors)
            err() << "  " << p.toString() << "\n";
        return fail(command,
            QStringLiteral("the change brings %1 new %2 error(s) (above); nothing was written (--allow-new-errors applies it anyway)")
                .arg(preview.newErrors.size())
                .arg(preview.deepChecked ? QStringLiteral("lint or deep-check") : QStringLiteral("lint")),
            1);
    }
    if (!dry && preview.count(Outcome::Changed) > 0) {
        applied = BranchEdit::apply(*scan, preview, operation->title());
        if (!applied.ok())
            return fail(command, applied.error, 1);
        if (!applied.warning.isEmpty())
            err() << command << ": warning: " << applied.warning << Qt::endl;
    }
    if (parser.isSet(json))
        printJson(*operation, *scan, preview, applied, dry);
    else
        printText(*operation, *scan, preview, applied, dry);
    return 0;
}

} // namespace vs::cli
