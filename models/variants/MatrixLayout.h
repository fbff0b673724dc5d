#pragma once

#include "catalog/Catalog.h"
#include "variants/VariantName.h"

#include <QHash>
#include <QList>
#include <QStringList>

namespace vs {

// Where the variants of a branch sit in its build matrix: rows are GPU architectures,
// then CPU only (row "cpu") and darwin (row "darwin"); columns are CPU ISAs. The one
// layout of the window's MatrixModel and of `variant-studio matrix`.
class MatrixLayout {
public:
    enum class Span {
        // Every catalogue GPU and ISA, then those only the branch has in the order met,
        // so no file is invisible; the CPU and darwin rows always; darwin in no column.
        Catalogue,
        // Only what the branch has: catalogue order, then the others sorted; the CPU and
        // darwin rows (and the darwin target's column) only when the branch has them.
        Branch,
    };

    MatrixLayout() = default; // no rows, no columns
    MatrixLayout(const Catalog &catalog, const QList<VariantName> &variants, Span span);

    static QString cpuRow() { return QStringLiteral("cpu"); }
    static QString darwinRow() { return QStringLiteral("darwin"); }
    // The row a variant sits in: its GPU architecture, "cpu" or "darwin".
    static QString rowOf(const VariantName &variant);

    const QStringList &gpuRows() const { return m_gpuRows; }
    const QStringList &rows() const { return m_rows; } // GPU rows, then "cpu" and "darwin"
    const QStringList &columns() const { return m_columns; }
    // The variants (indexes into the list given) in that row and ISA column, in list order.
    QList<int> at(const QString &row, const QString &column) const { return m_cells.value(key(row, column)); }

private:
    static QString key(const QString &row, const QString &column) { return row + QLatin1Char('|') + column; }

    QStringList m_gpuRows;
    QStringList m_rows;
    QStringList m_columns;
    QHash<QString, QList<int>> m_cells;
};

} // namespace vs
