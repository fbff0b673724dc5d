#include "recipes/RecipeDrift.h"

#include <vector>

namespace vs {

namespace {
QStringList linesOf(const QString &text)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast(); // a final newline is no extra line
    return lines;
}
} // namespace

QList<DriftLine> RecipeDrift::compare(const QString &generated, const QString &recipe)
{
    const QStringList a = linesOf(generated), b = linesOf(recipe);
    // Common head and tail need no table; recipes mostly differ in a few lines.
    qsizetype head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head])
        ++head;
    qsizetype tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
        ++tail;
    const qsizetype n = a.size() - head - tail, m = b.size() - head - tail;

    // lcs[i][j]: length of the LCS of a[head+i..] and b[head+j..] within the middle.
    std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            lcs[i][j] = a[head + i] == b[head + j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);

    QList<DriftLine> out;
    for (qsizetype k = 0; k < head; ++k)
        out.append({ DriftLine::Same, a[k], int(k + 1), int(k + 1) });
    qsizetype i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[head + i] == b[head + j]) {
            out.append({ DriftLine::Same, a[head + i], int(head + j + 1), int(head + i + 1) });
            ++i;
            ++j;
        } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
            // Removals first, like diff -u: "- old" above "+ new".
            out.append({ DriftLine::Removed, a[head + i], 0, int(head + i + 1) });
            ++i;
        } else {
            out.append({ DriftLine::Added, b[head + j], int(head + j + 1), 0 });
            ++j;
        }
    }
    for (qsizetype k = 0; k < tail; ++k) {
        const qsizetype ai = a.size() - tail + k, bi = b.size() - tail + k;
        out.append({ DriftLine::Same, a[ai], int(bi + 1), int(ai + 1) });
    }
    return out;
}

bool RecipeDrift::hasDrift(const QList<DriftLine> &lines)
{
    for (const DriftLine &l : lines)
        if (l.kind != DriftLine::Same)
            return true;
    return false;
}

int RecipeDrift::countOf(const QList<DriftLine> &lines, DriftLine::Kind kind)
{
    int n = 0;
    for (const DriftLine &l : lines)
        n += l.kind == kind ? 1 : 0;
    return n;
}

QString RecipeDrift::toText(const QList<DriftLine> &lines)
{
    QString out;
    for (const DriftLine &l : lines) {
        out += l.kind == DriftLine::Added  ? QStringLiteral("+ ")
            : l.kind == DriftLine::Removed ? QStringLiteral("- ")
                                           : QStringLiteral("  ");
        out += l.text;
        out += QLatin1Char('\n');
    }
    return out;
}

} // namespace vs
