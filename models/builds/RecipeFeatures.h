#pragma once

#include "builds/BuildJob.h"

#include <QList>
#include <QString>

namespace vs {

// The one rule for a job's requiredFeatures, for the window and the command line
// alike: the requiredSystemFeatures of the recipe its build will read, so the
// queue counts only the builders that can take it (supported and mandatory
// features). The checked-out branch (or no branch) builds from the working tree,
// any other branch from its commit: one `git cat-file --batch` per repository
// and branch reads all of those. A recipe that cannot be read requires nothing
// here (its build reports why). Blocking (git): call it off the UI thread.
class RecipeFeatures {
public:
    static void fill(QList<BuildJob> &jobs, const QString &gitProgram = QStringLiteral("git"));
};

} // namespace vs
