#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace vs {

// One finding about one recipe file (or a whole branch when file is empty).
struct LintProblem {
    enum class Severity { Info, Warning, Error };

    QString branch;
    QString file; // path in the repository: ".flox/pkgs/x.nix"
    int line = 0; // 1-based; 0 = the file as a whole (its name)
    Severity severity = Severity::Warning;
    QString rule; // stable id: "naming", "gpu-arch-mismatch", …
    QString message; // for a person

    static QString severityName(Severity s); // "info", "warning", "error"
    // {"branch","file","line","severity","rule","message"}
    QJsonObject toJson() const;
    // "branch:file:line: error: message [rule]"
    QString toString() const;
};

bool hasErrors(const QList<LintProblem> &problems);

} // namespace vs
