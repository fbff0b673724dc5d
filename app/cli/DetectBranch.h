#pragma once

#include "catalog/Catalog.h"
#include "hardware/HostProfile.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace vs::cli {

// `detect --repo`: what one branch of a build repository offers this machine, decided
// by the window's rules (SliceChoices for the CUDA order, Recommendation for the best
// release and the warnings), so the command line and the window point at the same cell.
struct BranchDetection {
    QString error; // the repository could not be read; nothing else is set
    QString branch;
    QStringList cudaReleases; // the branch's, best first
    QString cuda; // the release chosen for this machine; empty: none fits / no GPU
    QString suffix; // "cuda12_9-sm90-avx512"
    QString variant; // the full name in the branch's main package and Python
    bool variantExists = false; // the branch has that recipe
    int runnableRecipes = 0;
    QStringList warnings;

    // branch empty: the checked-out branch.
    static BranchDetection of(const Catalog &catalog, const HostProfile &profile, const QString &repo, const QString &branch);
    QJsonObject toJson() const;
};

} // namespace vs::cli
