#include "catalog/Catalog.h"
#include "catalog/CatalogBinary.h"
#include "catalog/CudaVersion.h"

#include <QFile>
#include <QRegularExpression>
#include <QVersionNumber>

namespace vs {

QString Location::toString() const
{
    if (line <= 0)
        return file;
    return QStringLiteral("%1:%2:%3").arg(file).arg(line).arg(column);
}

QString CatalogError::toString() const
{
    return QStringLiteral("%1: %2").arg(where.toString(), message);
}

const Catalog &Catalog::embedded()
{
    static const Catalog catalog = [] {
        // The build checked the YAML (a broken catalog.yaml fails the build with its
        // line) and stored it read: nothing is parsed here.
        QFile f(QStringLiteral(":/catalog.bin"));
        if (!f.open(QIODevice::ReadOnly))
            qFatal("the embedded catalogue :/catalog.bin is missing from the build");
        std::optional<Catalog> read = CatalogBinary::read(f.readAll());
        if (!read)
            qFatal("the embedded catalogue :/catalog.bin is not of this build's format");
        return std::move(*read);
    }();
    return catalog;
}

namespace {
template <typename T> const T *findById(const QList<T> &list, const QString &id)
{
    for (const T &e : list)
        if (e.id == id)
            return &e;
    return nullptr;
}
} // namespace

const PackageInfo *Catalog::package(const QString &id) const
{
    return findById(packages, id);
}
const PythonVersion *Catalog::python(const QString &id) const
{
    return findById(pythons, id);
}
const GpuArch *Catalog::gpuArch(const QString &id) const
{
    return findById(gpuArchitectures, id);
}
const CpuIsa *Catalog::cpuIsa(const QString &id) const
{
    return findById(cpuIsas, id);
}
const BranchProfile *Catalog::branchProfile(const QString &id) const
{
    return findById(branchProfiles, id);
}

const CudaRelease *Catalog::cudaRelease(const QString &id) const
{
    for (const CudaRelease &c : cudaReleases)
        if (c.id == id || c.version == id)
            return &c;
    return nullptr;
}

const GpuArch *Catalog::gpuArchForComputeCapability(const QString &cc) const
{
    const QVersionNumber wanted = QVersionNumber::fromString(cc.trimmed());
    for (const GpuArch &g : gpuArchitectures)
        if (QVersionNumber::fromString(g.computeCapability) == wanted)
            return &g;
    return nullptr;
}

const BranchProfile &Catalog::profileForBranch(const QString &branch) const
{
    for (const BranchProfile &p : branchProfiles) {
        for (const QString &pattern : p.branchPatterns) {
            const QRegularExpression re(
                QRegularExpression::wildcardToRegularExpression(pattern, QRegularExpression::UnanchoredWildcardConversion));
            if (QRegularExpression(QRegularExpression::anchoredPattern(re.pattern())).match(branch).hasMatch())
                return p;
        }
    }
    if (const BranchProfile *p = branchProfile(defaultBranchProfile))
        return *p;
    Q_ASSERT(!branchProfiles.isEmpty());
    return branchProfiles.first();
}

bool Catalog::cudaSupportsArch(const CudaRelease &cuda, const GpuArch &arch) const
{
    if (!arch.minCuda.isEmpty()) {
        const CudaRelease *min = cudaRelease(arch.minCuda);
        if (compareVersions(cuda.version, min ? min->version : arch.minCuda) < 0)
            return false;
    }
    if (!arch.maxCuda.isEmpty()) {
        const CudaRelease *max = cudaRelease(arch.maxCuda);
        if (compareVersions(cuda.version, max ? max->version : arch.maxCuda) > 0)
            return false;
    }
    return true;
}

int Catalog::compareVersions(const QString &a, const QString &b)
{
    return CudaVersion::compare(a, b); // numeric, and "12_9" reads as "12.9"
}

} // namespace vs
