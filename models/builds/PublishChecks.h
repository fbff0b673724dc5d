#pragma once

#include "builds/BuildHistory.h"

#include <QList>
#include <QString>

namespace vs {

// One precondition of `flox publish`, met or not, with a sentence for the user.
struct PublishCheck {
    QString id; // "tracked" | "clean" | "remote" | "pushed" | "built"
    bool met = false;
    QString message;
};

// What Flox demands before it publishes a cell, checked in advance so the dialog
// can say what is missing instead of letting flox fail. Runs git: blocking, call
// it off the UI thread (QtConcurrent::run).
class PublishChecks {
public:
    static QList<PublishCheck> evaluate(const QString &repoRoot, const QString &branch, const QString &variant, const BuildHistory *history,
        const QString &gitProgram = QStringLiteral("git"));
    // Thread-safe form: takes a snapshot of the history's cells (BuildHistory::cells()).
    using Cells = QHash<QPair<QString, QString>, CellHistory>;
    static QList<PublishCheck> evaluate(const QString &repoRoot, const QString &branch, const QString &variant, const Cells &cells,
        const QString &gitProgram = QStringLiteral("git"));
    static bool allMet(const QList<PublishCheck> &checks);
    // Flox organisation names: letters, digits, '-' and '_'.
    static bool isValidOrg(const QString &org);
};

} // namespace vs
