#include "cli/Commands.h"
#include "cli/Output.h"
#include "cli/RepositoryCli.h"
#include "repository/BranchEdit.h"
#include "repository/ReadmeRefresh.h"
#include "variants/RecipePaths.h"

#include <QCommandLineParser>
#include <QDir>
#include <QSet>

namespace vs::cli {

// variant-studio readme REPO [--branch B]... [--check|--write]
int runReadme(const QStringList &arguments)
{
    const QString command = arguments.value(0);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Generated README blocks: between <!-- variant-studio:begin matrix --> and <!-- variant-studio:end matrix --> in each "
        "branch's README.md, the branch's matrix, its recipe count and pin, and a table of all branches.\n"
        "Without --check or --write: print each branch's block."));
    parser.addPositionalArgument(QStringLiteral("REPOSITORY"), QStringLiteral("The build repository."));
    const QCommandLineOption branch(QStringLiteral("branch"), QStringLiteral("Only this branch (repeatable)."), QStringLiteral("B"));
    const QCommandLineOption check(QStringLiteral("check"), QStringLiteral("Exit 1 when a block is stale or missing."));
    const QCommandLineOption write(
        QStringLiteral("write"), QStringLiteral("Rewrite stale blocks: one commit per branch, all or none, never pushed."));
    parser.addOptions({ branch, check, write });
    int status = 0;
    if (!parseOrStop(parser, arguments, &status))
        return status;
    if (parser.isSet(check) && parser.isSet(write))
        return fail(command, QStringLiteral("--check and --write exclude each other"), 2);
    const std::optional<RepositoryScan> scan = scanOrFail(command, parser.positionalArguments().first(), ScanOptions {}, &status);
    if (!scan)
        return status;
    const QStringList wanted = parser.values(branch);
    for (const QString &b : wanted)
        if (!scan->branch(b))
            return fail(command, QStringLiteral("no branch '%1' in %2").arg(RecipePaths::printable(b), scan->root), 2);

    EditPreview changes;
    QStringList problems;
    using State = ReadmeRefresh::BranchReadme::State;
    if (!parser.isSet(check) && !parser.isSet(write)) {
        const QString allBranches = ReadmeRefresh::branchesTable(*scan);
        for (const BranchScan &b : scan->branches)
            if (!b.remote && (wanted.isEmpty() || wanted.contains(b.name)))
                out() << "# branch " << RecipePaths::printable(b.name) << "\n" << ReadmeRefresh::blockFor(*scan, b, allBranches) << "\n";
    } else {
        for (const ReadmeRefresh::BranchReadme &r : ReadmeRefresh::check(*scan, wanted)) {
            if (r.state == State::UpToDate) {
                out() << RecipePaths::printable(r.branch) << ": up to date\n";
            } else if (r.state == State::Stale) {
                out() << RecipePaths::printable(r.branch) << ": stale\n";
                changes.files << RecipeChange { r.branch, ReadmeRefresh::kReadme, r.text, r.updated, RecipeChange::Outcome::Changed, {},
                    {} };
            } else {
                problems << QStringLiteral("%1: %2").arg(r.branch, r.problem);
            }
        }
    }
    for (const QString &p : std::as_const(problems))
        out() << RecipePaths::printable(p) << "\n";
    out().flush();
    if (parser.isSet(check))
        return changes.files.isEmpty() && problems.isEmpty() ? 0 : 1;
    if (parser.isSet(write) && !changes.files.isEmpty()) {
        const EditApplied applied = BranchEdit::apply(*scan, changes, QStringLiteral("readme: refresh the generated matrix block"));
        if (!applied.ok())
            return fail(command, applied.error, 1);
        for (const EditCommit &c : applied.commits)
            out() << "committed " << c.newCommit.left(12) << " on " << RecipePaths::printable(c.branch) << "\n";
        out() << "Nothing was pushed.\n";
        out().flush();
    }
    return problems.isEmpty() ? 0 : 1;
}

} // namespace vs::cli
