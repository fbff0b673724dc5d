#pragma once

#include "hardware/HostProfile.h"
#include "hardware/MachineFit.h"

#include <QStringList>

namespace vs {

class Catalog;

// What a branch offers this machine, as the window knows it from the shown branch.
struct BranchOffer {
    QString branch; // empty: no repository (the catalogue's plan)
    QStringList cudaReleases; // ids in the branch's order of preference (MatrixModel::cudaChoices)
    int runnableRecipes = 0; // recipes of the branch that run here (all slices)
};

// The variant this machine should build, per branch: the branch's best CUDA release,
// the recommended suffix, what runs here and the warnings a person should read.
// Shared by the window (HardwareController) and `variant-studio detect`.
class Recommendation {
public:
    // The catalogue must outlive the recommendation.
    Recommendation(const Catalog &catalog, const HostProfile &profile)
        : m_catalog(catalog)
        , m_profile(profile)
    {
    }

    // The profile's own suffix from its choices: "cuda13_0-sm90-avx512", "cpu-avx512";
    // empty when no ISA of the catalogue runs here. HostProfileBuilder fills recommendedSuffix with it.
    static QString profileSuffix(const HostProfile &profile);

    // The first of the branch's releases that the driver runs and that compiles for the
    // recommended GPU; the profile's release when none does; empty without such a GPU or driver.
    QString bestCuda(const QStringList &branchCudaReleases) const;
    // The recommended suffix built with that release; the profile's suffix without a GPU or release.
    QString suffix(const QString &cuda) const;
    // Marks for the matrix of the branch.
    MachineFit fit(const QStringList &branchCudaReleases) const;
    // Probe problems, then (with a branch) its main CUDA release against the driver and
    // whether any of its recipes runs here.
    QStringList warnings(const BranchOffer &offer) const;

private:
    const Catalog &m_catalog;
    HostProfile m_profile;
};

} // namespace vs
