#include "catalog/CudaVersion.h"
#include "cli/Commands.h"
#include "cli/Output.h"
#include "cli/RepositoryCli.h"
#include "repository/BranchMatrix.h"
#include "variants/RecipePaths.h"

#include <QJsonArray>
#include <QTextStream>

#include <algorithm>

namespace vs::cli {

namespace {

QJsonObject matrixJson(const Catalog &catalog, const BranchScan &b, const BranchMatrix &m)
{
    QJsonArray rows;
    for (const QString &row : m.rows()) {
        QJsonObject cells;
        for (const QString &column : m.columns()) {
            QJsonArray entries;
            for (const RecipeFile *r : m.at(row, column)) {
                QJsonObject e = recipeJson(*r);
                e[QStringLiteral("lintError")] = m.withErrors.contains(r->path);
                entries.append(e);
            }
            if (!entries.isEmpty())
                cells[column] = entries;
        }
        rows.append(QJsonObject { { QStringLiteral("row"), row }, { QStringLiteral("title"), BranchMatrix::rowTitle(catalog, row) },
            { QStringLiteral("cells"), cells } });
    }
    QJsonArray outside;
    for (const RecipeFile *r : m.outside)
        outside.append(r->path);
    return QJsonObject { { QStringLiteral("branch"), b.name }, { QStringLiteral("nixpkgsRev"), b.mostCommonNixpkgsRev },
        { QStringLiteral("columns"), QJsonArray::fromStringList(m.columns()) }, { QStringLiteral("rows"), rows },
        { QStringLiteral("notInMatrix"), outside } };
}

} // namespace

QString matrixMarkdown(const RepositoryScan &scan, const BranchScan &branch)
{
    return BranchMatrix::markdown(scan, branch);
}

int runMatrix(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Print a branch's build matrix: GPU architectures (and CPU-only, darwin) by CPU ISA,\n"
                                                    "each cell listing the packages, Pythons and CUDA releases it has."));
    parser.addPositionalArgument(QStringLiteral("REPOSITORY"), QStringLiteral("A git repository with .flox/pkgs recipes."));
    const QCommandLineOption branch(
        QStringLiteral("branch"), QStringLiteral("The branch (default: the checked-out one)."), QStringLiteral("BRANCH"));
    const QCommandLineOption format(
        QStringLiteral("format"), QStringLiteral("text (default), markdown or json."), QStringLiteral("FORMAT"), QStringLiteral("text"));
    parser.addOptions({ branch, format });
    int status = 0;
    if (!parseOrStop(parser, arguments, &status))
        return status;
    const QString fmt = parser.value(format);
    if (fmt != QLatin1String("text") && fmt != QLatin1String("markdown") && fmt != QLatin1String("json"))
        return fail(arguments.value(0), QStringLiteral("unknown format '%1' (text, markdown or json)").arg(fmt), 2);
    const QString repository = parser.positionalArguments().first();
    ScanOptions options;
    if (parser.isSet(branch))
        options.branches = { parser.value(branch) };
    std::optional<RepositoryScan> scan = scanOrFail(arguments.value(0), repository, options, &status);
    if (!scan)
        return status;
    const QString name = parser.isSet(branch) ? parser.value(branch) : scan->currentBranch;
    const BranchScan *b = scan->branch(name);
    if (!b) {
        return fail(arguments.value(0),
            name.isEmpty() ? QStringLiteral("HEAD is detached: name a branch with --branch")
                           : QStringLiteral("no branch '%1' in %2 (see `variant-studio scan`)").arg(name, scan->root));
    }
    const BranchMatrix m = BranchMatrix::of(scan->catalog, *b, scan->problems);
    if (fmt == QLatin1String("json"))
        printJson(QJsonDocument(matrixJson(scan->catalog, *b, m)));
    else {
        out() << m.table(scan->catalog, *b, fmt == QLatin1String("markdown"));
        out().flush();
    }
    return 0;
}

} // namespace vs::cli
