#include "cli/Commands.h"
#include "cli/Output.h"
#include "cli/RepositoryCli.h"
#include "variants/RecipePaths.h"

#include <QJsonArray>

#include <algorithm>

namespace vs::cli {

namespace {

// One branch laid out like a BUILD_MATRIX.md: rows are GPU architectures, then
// CPU-only, then darwin; columns are CPU ISAs (and mps for darwin). A cell lists
// the recipes of that GPU × ISA: package, Python and CUDA release of each.
struct BranchMatrix {
    QStringList rows; // "sm90", …, "cpu", "darwin"
    QStringList columns; // "avx2", …, "mps"
    QHash<QString, QList<const RecipeFile *>> cells; // "row|column"
    QList<const RecipeFile *> outside; // not named like a variant
    QSet<QString> withErrors; // paths
    int recipeCount = 0;

    static QString key(const QString &row, const QString &column) { return row + QLatin1Char('|') + column; }
};

// Catalogue order first, then anything else the branch has, sorted.
QStringList ordered(const QSet<QString> &present, const QStringList &catalogue)
{
    QStringList out;
    for (const QString &id : catalogue)
        if (present.contains(id))
            out.append(id);
    QStringList rest;
    for (const QString &id : present)
        if (!catalogue.contains(id))
            rest.append(id);
    std::sort(rest.begin(), rest.end());
    return out + rest;
}

BranchMatrix layout(const Catalog &catalog, const BranchScan &branch, const QList<LintProblem> &problems)
{
    BranchMatrix m;
    for (const LintProblem &p : problems)
        if (p.branch == branch.name && p.severity == LintProblem::Severity::Error)
            m.withErrors.insert(p.file);
    QSet<QString> gpus, isas;
    bool cpu = false, darwin = false;
    for (const RecipeFile &r : branch.recipes) {
        if (r.state == RecipeFile::State::Deleted)
            continue;
        ++m.recipeCount;
        if (!r.variant) {
            m.outside.append(&r);
            continue;
        }
        const VariantName &v = *r.variant;
        QString row = QStringLiteral("cpu");
        if (v.kind == VariantName::Kind::Cuda)
            gpus.insert(row = v.gpu);
        else if (v.kind == VariantName::Kind::Darwin)
            row = QStringLiteral("darwin"), darwin = true;
        else
            cpu = true;
        if (v.kind != VariantName::Kind::Darwin)
            isas.insert(v.isa);
        m.cells[BranchMatrix::key(row, v.isa)].append(&r);
    }
    QStringList gpuOrder, isaOrder;
    for (const GpuArch &g : catalog.gpuArchitectures)
        gpuOrder.append(g.id);
    for (const CpuIsa &i : catalog.cpuIsas)
        isaOrder.append(i.id);
    m.rows = ordered(gpus, gpuOrder);
    if (cpu)
        m.rows.append(QStringLiteral("cpu"));
    m.columns = ordered(isas, isaOrder);
    if (darwin) {
        m.rows.append(QStringLiteral("darwin"));
        m.columns.append(catalog.darwin.id);
    }
    return m;
}

QString entryText(const RecipeFile &r, const BranchMatrix &m)
{
    const VariantName &v = *r.variant;
    QString s = QStringLiteral("%1 py%2").arg(v.package, v.python);
    if (v.kind == VariantName::Kind::Cuda)
        s += QStringLiteral(" cu%1").arg(dotted(v.cuda));
    if (r.state != RecipeFile::State::Committed)
        s += QStringLiteral(" (%1)").arg(RecipeFile::stateName(r.state));
    if (m.withErrors.contains(r.path))
        s += QStringLiteral(" (lint error)");
    return s;
}

QString cellText(const BranchMatrix &m, const QString &row, const QString &column, const QString &separator)
{
    QStringList entries;
    for (const RecipeFile *r : m.cells.value(BranchMatrix::key(row, column)))
        entries.append(entryText(*r, m));
    entries.sort();
    return entries.isEmpty() ? QStringLiteral("-") : entries.join(separator);
}

QString rowTitle(const Catalog &catalog, const QString &row)
{
    if (row == QLatin1String("cpu"))
        return QStringLiteral("CPU only");
    if (row == QLatin1String("darwin"))
        return QStringLiteral("darwin");
    const GpuArch *g = catalog.gpuArch(row);
    return g ? QStringLiteral("%1 (%2)").arg(row, g->family) : row;
}

void printTable(const Catalog &catalog, const BranchScan &b, const BranchMatrix &m, bool markdown)
{
    QList<QStringList> table;
    table.append(QStringList { QStringLiteral("GPU \\ ISA") } + m.columns);
    for (const QString &row : m.rows) {
        QStringList line { rowTitle(catalog, row) };
        for (const QString &column : m.columns)
            line.append(cellText(m, row, column, markdown ? QStringLiteral("<br>") : QStringLiteral(", ")));
        table.append(line);
    }
    out() << (markdown ? "# Build matrix: " : "Build matrix of ") << b.name << "\n\n";
    out() << m.recipeCount << " recipe file(s)";
    if (!b.mostCommonNixpkgsRev.isEmpty())
        out() << "; nixpkgs " << (markdown ? QStringLiteral("`%1`").arg(b.mostCommonNixpkgsRev) : b.mostCommonNixpkgsRev);
    out() << "\n\n";
    if (m.rows.isEmpty()) {
        out() << "No recipes on this branch.\n";
    } else if (markdown) {
        for (int i = 0; i < table.size(); ++i) {
            out() << "| " << table[i].join(QStringLiteral(" | ")) << " |\n";
            if (i == 0)
                out() << "|" << QStringList(table[0].size(), QStringLiteral("---")).join(QStringLiteral("|")) << "|\n";
        }
    } else {
        QList<int> width(table[0].size(), 0);
        for (const QStringList &line : table)
            for (int c = 0; c < line.size(); ++c)
                width[c] = std::max(width[c], int(line[c].size()));
        for (const QStringList &line : table) {
            QString text;
            for (int c = 0; c < line.size(); ++c)
                text += line[c].leftJustified(width[c] + 2);
            out() << text.trimmed() << "\n";
        }
    }
    if (!m.outside.isEmpty()) {
        out() << "\nNot in the matrix (file name is not a variant):";
        for (const RecipeFile *r : m.outside)
            out() << (markdown ? "\n- `" : "\n  ") << RecipePaths::printable(r->path) << (markdown ? "`" : "");
        out() << "\n";
    }
    out().flush();
}

QJsonObject matrixJson(const Catalog &catalog, const BranchScan &b, const BranchMatrix &m)
{
    QJsonArray rows;
    for (const QString &row : m.rows) {
        QJsonObject cells;
        for (const QString &column : m.columns) {
            QJsonArray entries;
            for (const RecipeFile *r : m.cells.value(BranchMatrix::key(row, column))) {
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
        { QStringLiteral("columns"), QJsonArray::fromStringList(m.columns) }, { QStringLiteral("rows"), rows },
        { QStringLiteral("notInMatrix"), outside } };
}

} // namespace

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
    else
        printTable(scan->catalog, *b, m, fmt == QLatin1String("markdown"));
    return 0;
}

} // namespace vs::cli
