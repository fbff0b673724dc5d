#pragma once

// Small helpers the lint and deep-check tests share: find problems of a rule, the
// line a text shows something on, and problems as text for a failure message.
#include "recipes/LintProblem.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace vs::test {

inline QList<LintProblem> withRule(const QList<LintProblem> &all, const QString &rule)
{
    QList<LintProblem> out;
    for (const LintProblem &p : all)
        if (p.rule == rule)
            out.append(p);
    return out;
}

// The 1-based line of the first line containing needle; -1 when none does.
inline int lineOf(const QString &text, const QString &needle)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i)
        if (lines[i].contains(needle))
            return i + 1;
    return -1;
}

inline QString dump(const QList<LintProblem> &problems)
{
    QStringList s;
    for (const LintProblem &p : problems)
        s.append(p.toString());
    return s.join(QLatin1Char('\n'));
}

} // namespace vs::test
