#include "variants/SliceChoices.h"

#include <QHash>

#include <algorithm>

namespace vs {

namespace {

// The values by how often they occur, most frequent first (ties by value), then the
// catalogue's that are not among them.
QStringList present(const QHash<QString, int> &counts, const QStringList &catalogue)
{
    QStringList out = counts.keys();
    std::sort(out.begin(), out.end(), [&](const QString &a, const QString &b) {
        const int ca = counts.value(a), cb = counts.value(b);
        return ca != cb ? ca > cb : a < b;
    });
    for (const QString &c : catalogue)
        if (!out.contains(c))
            out.append(c);
    return out;
}

} // namespace

QStringList SliceChoices::packages() const
{
    QHash<QString, int> counts;
    for (const VariantName &v : m_variants)
        ++counts[v.package];
    QStringList catalogue;
    for (const PackageInfo &p : m_catalog.packages)
        catalogue.append(p.id);
    return present(counts, catalogue);
}

QStringList SliceChoices::pythons(const QString &package) const
{
    QHash<QString, int> counts;
    for (const VariantName &v : m_variants)
        if (v.package == package || package.isEmpty())
            ++counts[v.python];
    QStringList catalogue;
    const QString preferred = m_catalog.profileForBranch(m_branch).defaultPython;
    if (!preferred.isEmpty())
        catalogue.append(preferred);
    for (const PythonVersion &p : m_catalog.pythons)
        catalogue.append(p.id);
    return present(counts, catalogue);
}

QStringList SliceChoices::cudaReleases() const
{
    QHash<QString, int> counts;
    for (const VariantName &v : m_variants)
        if (v.kind == VariantName::Kind::Cuda)
            ++counts[v.cuda];
    // The branch's release line first, then the rest of the catalogue.
    QStringList catalogue = m_catalog.profileForBranch(m_branch).cudaReleases;
    for (const CudaRelease &c : m_catalog.cudaReleases)
        catalogue.append(c.id);
    return present(counts, catalogue);
}

} // namespace vs
