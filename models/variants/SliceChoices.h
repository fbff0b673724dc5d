#pragma once

#include "catalog/Catalog.h"
#include "variants/VariantName.h"

#include <QList>
#include <QStringList>

namespace vs {

// The choices of a branch's package / Python / CUDA selectors, best first: what the
// branch's recipes use most, then the branch profile's preference, then the rest of
// the catalogue. One rule for the window's selectors (MatrixModel) and the command
// line (`detect --repo`), so both pick the same slice and the same CUDA release.
class SliceChoices {
public:
    // The catalogue must outlive this object.
    SliceChoices(const Catalog &catalog, const QString &branch, const QList<VariantName> &variants)
        : m_catalog(catalog)
        , m_branch(branch)
        , m_variants(variants)
    {
    }

    QStringList packages() const;
    // Python versions of the package's recipes (all recipes when package is empty).
    QStringList pythons(const QString &package) const;
    // CUDA release ids ("12_9") of the branch's CUDA recipes.
    QStringList cudaReleases() const;

private:
    const Catalog &m_catalog;
    QString m_branch;
    QList<VariantName> m_variants;
};

} // namespace vs
