#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace vs {

// How a recipe differs from what the template would generate, line by line.
struct DriftLine {
    enum Kind { Same, Added, Removed }; // Added: only in the recipe; Removed: only in the template
    Kind kind = Same;
    QString text;
    int recipeLine = 0; // 1-based; 0 when the line is not in the recipe
    int templateLine = 0; // 1-based; 0 when the line is not in the template output
};

class RecipeDrift {
public:
    // A longest-common-subsequence diff of the two texts' lines.
    static QList<DriftLine> compare(const QString &generated, const QString &recipe);
    static bool hasDrift(const QList<DriftLine> &lines);
    static int countOf(const QList<DriftLine> &lines, DriftLine::Kind kind);
    // "- line" / "+ line" / "  line": a unified-looking text for the preview.
    static QString toText(const QList<DriftLine> &lines);
};

} // namespace vs
