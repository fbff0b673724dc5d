#include "catalog/CudaVersion.h"
#include "cli/Commands.h"
#include "cli/Output.h"
#include "cli/RepositoryCli.h"
#include "variants/MatrixLayout.h"
#include "variants/RecipePaths.h"

#include <QJsonArray>
#include <QTextStream>

#include <algorithm>

namespace vs::cli {

namespace {

// One branch laid out like a BUILD_MATRIX.md (MatrixLayout, only what the branch has):
// a cell lists the recipes of that GPU × ISA, package, Python and CUDA release of each.
struct BranchMatrix {
    QList<const RecipeFile *> placed; // named like a variant, in the order of MatrixLayout's indexes
    MatrixLayout layout;
    QList<const RecipeFile *> outside; // not named like a variant
    QSet<QString> withErrors; // paths
    int recipeCount = 0;

    QStringList rows() const { return layout.rows(); }
    QStringList columns() const { return layout.columns(); }
    QList<const RecipeFile *> at(const QString &row, const QString &column) const
    {
        QList<const RecipeFile *> out;
        for (int i : layout.at(row, column))
            out.append(placed[i]);
        return out;
    }
};

BranchMatrix layout(const Catalog &catalog, const BranchScan &branch, const QList<LintProblem> &problems)
{
    BranchMatrix m;
    for (const LintProblem &p : problems)
        if (p.branch == branch.name && p.severity == LintProblem::Severity::Error)
            m.withErrors.insert(p.file);
    QList<VariantName> variants;
    for (const RecipeFile &r : branch.recipes) {
        if (r.state == RecipeFile::State::Deleted)
            continue;
        ++m.recipeCount;
        if (!r.variant) {
            m.outside.append(&r);
            continue;
        }
        m.placed.append(&r);
        variants.append(*r.variant);
    }
    m.layout = MatrixLayout(catalog, variants, MatrixLayout::Span::Branch);
    return m;
}

QString entryText(const RecipeFile &r, const BranchMatrix &m)
{
    const VariantName &v = *r.variant;
    QString s = QStringLiteral("%1 py%2").arg(v.package, v.python);
    if (v.kind == VariantName::Kind::Cuda)
        s += QStringLiteral(" cu%1").arg(CudaVersion::toVersion(v.cuda));
    if (r.state != RecipeFile::State::Committed)
        s += QStringLiteral(" (%1)").arg(RecipeFile::stateName(r.state));
    if (m.withErrors.contains(r.path))
        s += QStringLiteral(" (lint error)");
    return s;
}

QString cellText(const BranchMatrix &m, const QString &row, const QString &column, const QString &separator)
{
    QStringList entries;
    for (const RecipeFile *r : m.at(row, column))
        entries.append(entryText(*r, m));
    entries.sort();
    return entries.isEmpty() ? QStringLiteral("-") : entries.join(separator);
}

QString rowTitle(const Catalog &catalog, const QString &row)
{
    if (row == MatrixLayout::cpuRow())
        return QStringLiteral("CPU only");
    if (row == MatrixLayout::darwinRow())
        return QStringLiteral("darwin");
    const GpuArch *g = catalog.gpuArch(row);
    return g ? QStringLiteral("%1 (%2)").arg(row, g->family) : row;
}

QString tableText(const Catalog &catalog, const BranchScan &b, const BranchMatrix &m, bool markdown)
{
    QString text;
    QTextStream out(&text);
    QList<QStringList> table;
    table.append(QStringList { QStringLiteral("GPU \\ ISA") } + m.columns());
    for (const QString &row : m.rows()) {
        QStringList line { rowTitle(catalog, row) };
        for (const QString &column : m.columns())
            line.append(cellText(m, row, column, markdown ? QStringLiteral("<br>") : QStringLiteral(", ")));
        table.append(line);
    }
    out << (markdown ? "# Build matrix: " : "Build matrix of ") << b.name << "\n\n";
    out << m.recipeCount << " recipe file(s)";
    if (!b.mostCommonNixpkgsRev.isEmpty())
        out << "; nixpkgs " << (markdown ? QStringLiteral("`%1`").arg(b.mostCommonNixpkgsRev) : b.mostCommonNixpkgsRev);
    out << "\n\n";
    if (m.rows().isEmpty()) {
        out << "No recipes on this branch.\n";
    } else if (markdown) {
        for (int i = 0; i < table.size(); ++i) {
            out << "| " << table[i].join(QStringLiteral(" | ")) << " |\n";
            if (i == 0)
                out << "|" << QStringList(table[0].size(), QStringLiteral("---")).join(QStringLiteral("|")) << "|\n";
        }
    } else {
        QList<int> width(table[0].size(), 0);
        for (const QStringList &line : table)
            for (int c = 0; c < line.size(); ++c)
                width[c] = std::max(width[c], int(line[c].size()));
        for (const QStringList &line : table) {
            QString lineText;
            for (int c = 0; c < line.size(); ++c)
                lineText += line[c].leftJustified(width[c] + 2);
            out << lineText.trimmed() << "\n";
        }
    }
    if (!m.outside.isEmpty()) {
        out << "\nNot in the matrix (file name is not a variant):";
        for (const RecipeFile *r : m.outside)
            out << (markdown ? "\n- `" : "\n  ") << RecipePaths::printable(r->path) << (markdown ? "`" : "");
        out << "\n";
    }
    out.flush();
    return text;
}

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
        rows.append(QJsonObject {
            { QStringLiteral("row"), row }, { QStringLiteral("title"), rowTitle(catalog, row) }, { QStringLiteral("cells"), cells } });
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
    return tableText(scan.catalog, branch, layout(scan.catalog, branch, scan.problems), true);
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
    const BranchMatrix m = layout(scan->catalog, *b, scan->problems);
    if (fmt == QLatin1String("json"))
        printJson(QJsonDocument(matrixJson(scan->catalog, *b, m)));
    else {
        out() << tableText(scan->catalog, *b, m, fmt == QLatin1String("markdown"));
        out().flush();
    }
    return 0;
}

} // namespace vs::cli
