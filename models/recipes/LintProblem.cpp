#include "recipes/LintProblem.h"

#include "variants/RecipePaths.h"

#include <algorithm>

namespace vs {

QString LintProblem::severityName(Severity s)
{
    switch (s) {
    case Severity::Info:
        return QStringLiteral("info");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Error:
        break;
    }
    return QStringLiteral("error");
}

QJsonObject LintProblem::toJson() const
{
    return QJsonObject { { QStringLiteral("branch"), branch }, { QStringLiteral("file"), file }, { QStringLiteral("line"), line },
        { QStringLiteral("severity"), severityName(severity) }, { QStringLiteral("rule"), rule }, { QStringLiteral("message"), message } };
}

QString LintProblem::toString() const
{
    QString where = branch.isEmpty() ? QString() : branch + QLatin1Char(':');
    where += file.isEmpty() ? QStringLiteral("(branch)") : file;
    if (line > 0)
        where += QLatin1Char(':') + QString::number(line);
    // One problem, one line: a newline in a file name must not forge another.
    return QStringLiteral("%1: %2: %3 [%4]").arg(RecipePaths::printable(where), severityName(severity), RecipePaths::printable(message), rule);
}

bool hasErrors(const QList<LintProblem> &problems)
{
    return std::any_of(problems.begin(), problems.end(), [](const LintProblem &p) { return p.severity == LintProblem::Severity::Error; });
}

} // namespace vs
