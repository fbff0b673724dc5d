#include "repository/BranchMatrix.h"

#include "catalog/CudaVersion.h"
#include "variants/RecipePaths.h"

#include <QTextStream>

#include <algorithm>

namespace vs {

namespace {

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

} // namespace

BranchMatrix BranchMatrix::of(const Catalog &catalog, const BranchScan &branch, const QList<LintProblem> &problems)
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

QList<const RecipeFile *> BranchMatrix::at(const QString &row, const QString &column) const
{
    QList<const RecipeFile *> out;
    for (int i : layout.at(row, column))
        out.append(placed[i]);
    return out;
}

QString BranchMatrix::markdown(const RepositoryScan &scan, const BranchScan &branch)
{
    return of(scan.catalog, branch, scan.problems).table(scan.catalog, branch, true);
}

QString BranchMatrix::rowTitle(const Catalog &catalog, const QString &row)
{
    if (row == MatrixLayout::cpuRow())
        return QStringLiteral("CPU only");
    if (row == MatrixLayout::darwinRow())
        return QStringLiteral("darwin");
    const GpuArch *g = catalog.gpuArch(row);
    return g ? QStringLiteral("%1 (%2)").arg(row, g->family) : row;
}

QString BranchMatrix::table(const Catalog &catalog, const BranchScan &b, bool markdown) const
{
    const BranchMatrix &m = *this;
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

} // namespace vs
