#include "hardware/HostProfileBuilder.h"

#include "catalog/Catalog.h"
#include "hardware/Recommendation.h"

#include <QVersionNumber>

#include <algorithm>

namespace vs {

HostProfile HostProfileBuilder::build(bool nvidiaSmiFound, const NvidiaSmiResult &smi, const CpuInfo &cpu) const
{
    HostProfile p;
    p.nvidiaSmiFound = nvidiaSmiFound;
    if (nvidiaSmiFound)
        addGpus(p, smi);
    addCpu(p, cpu);
    recommendGpu(p);
    p.recommendedSuffix = Recommendation::profileSuffix(p);
    return p;
}

QString HostProfileBuilder::maxCudaForDriver(const QString &driver) const
{
    QString best;
    if (driver.isEmpty())
        return best;
    for (const CudaRelease &c : m_catalog.cudaReleases) {
        if (Catalog::compareVersions(c.minDriverLinux, driver) > 0)
            continue;
        if (best.isEmpty() || Catalog::compareVersions(c.version, m_catalog.cudaRelease(best)->version) > 0)
            best = c.id;
    }
    return best;
}

QString HostProfileBuilder::bestCudaFor(const QString &archId, const QString &driver) const
{
    const GpuArch *arch = m_catalog.gpuArch(archId);
    if (!arch || driver.isEmpty())
        return {};
    QString best;
    for (const CudaRelease &c : m_catalog.cudaReleases) {
        if (Catalog::compareVersions(c.minDriverLinux, driver) > 0 || !m_catalog.cudaSupportsArch(c, *arch))
            continue;
        if (best.isEmpty() || Catalog::compareVersions(c.version, m_catalog.cudaRelease(best)->version) > 0)
            best = c.id;
    }
    return best;
}

void HostProfileBuilder::addGpus(HostProfile &p, const NvidiaSmiResult &smi) const
{
    p.gpuError = smi.error;
    p.gpus = smi.gpus;
    for (GpuInfo &g : p.gpus) {
        if (const GpuArch *a = m_catalog.gpuArchForComputeCapability(g.computeCapability); a && !g.computeCapability.isEmpty())
            g.arch = a->id;
        if (p.driver.isEmpty())
            p.driver = g.driver;
    }
    p.maxCuda = maxCudaForDriver(p.driver);
}

void HostProfileBuilder::addCpu(HostProfile &p, const CpuInfo &cpu) const
{
    p.machine = cpu.machine;
    p.cpuModel = cpu.model;
    p.cpuFlags = cpu.flags;
    p.cpuError = cpu.error;
    const QString platform = CpuInfo::linuxPlatform(cpu.machine);
    const CpuIsa *best = nullptr;
    for (const CpuIsa &isa : m_catalog.cpuIsas) {
        if (isa.platform != platform)
            continue;
        const bool runs = std::all_of(isa.cpuFlags.begin(), isa.cpuFlags.end(), [&](const QString &f) { return cpu.flags.contains(f); });
        if (!runs)
            continue;
        p.isas << isa.id;
        if (!isa.alternativeFor.isEmpty()) {
            p.alternativeIsas << isa.id;
            p.alternativePurpose.insert(isa.id, isa.alternativeFor);
        } else if (isa.rank > 0 && (!best || isa.rank > best->rank)) {
            best = &isa;
        }
    }
    if (best)
        p.recommendedIsa = best->id;
}

void HostProfileBuilder::recommendGpu(HostProfile &p) const
{
    if (!p.nvidiaSmiFound) {
        p.gpuChoice = QStringLiteral("no NVIDIA driver (nvidia-smi not found)");
        return;
    }
    if (p.gpus.isEmpty()) {
        p.gpuChoice
            = p.gpuError.isEmpty() ? QStringLiteral("nvidia-smi lists no GPU") : QStringLiteral("no GPU usable: %1").arg(p.gpuError);
        return;
    }
    // Distinct catalogue archs, highest compute capability first.
    QList<const GpuArch *> archs;
    QStringList unknown;
    for (const GpuInfo &g : std::as_const(p.gpus)) {
        const GpuArch *a = m_catalog.gpuArch(g.arch);
        if (!a)
            unknown << QStringLiteral("GPU %1 %2 (compute capability %3)")
                           .arg(g.index)
                           .arg(g.name, g.computeCapability.isEmpty() ? QStringLiteral("unknown") : g.computeCapability);
        else if (!archs.contains(a))
            archs << a;
    }
    std::sort(archs.begin(), archs.end(), [](const GpuArch *x, const GpuArch *y) {
        return QVersionNumber::fromString(x->computeCapability) > QVersionNumber::fromString(y->computeCapability);
    });
    for (const GpuArch *a : std::as_const(archs))
        p.gpuArchs << a->id;

    QStringList tooNew;
    for (const GpuArch *a : std::as_const(archs)) {
        const QString cuda = bestCudaFor(a->id, p.driver);
        if (cuda.isEmpty()) {
            tooNew << a->id;
            continue;
        }
        p.recommendedGpu = a->id;
        p.recommendedCuda = cuda;
        break;
    }
    QStringList notes;
    if (p.hasGpu()) {
        for (const GpuInfo &g : std::as_const(p.gpus))
            if (g.arch == p.recommendedGpu) {
                p.recommendedGpuIndex = g.index;
                break;
            }
        if (archs.size() > 1)
            notes << QStringLiteral("GPUs of %1 architectures (%2): recommending %3, the best one the driver can use; "
                                    "a build for %3 does not run on the others")
                         .arg(archs.size())
                         .arg(p.gpuArchs.join(QStringLiteral(", ")), p.recommendedGpu);
        else if (p.gpus.size() > 1)
            notes << QStringLiteral("%1 GPUs, all %2").arg(p.gpus.size()).arg(p.recommendedGpu);
    } else if (!archs.isEmpty()) {
        notes << QStringLiteral("driver %1 runs no catalogue CUDA release that compiles for %2")
                     .arg(p.driver.isEmpty() ? QStringLiteral("(unknown)") : p.driver, tooNew.join(QStringLiteral(", ")));
    }
    if (!unknown.isEmpty())
        notes << QStringLiteral("not in the catalogue: %1").arg(unknown.join(QStringLiteral("; ")));
    if (!tooNew.isEmpty() && p.hasGpu())
        notes << QStringLiteral("driver %1 is too old for %2").arg(p.driver, tooNew.join(QStringLiteral(", ")));
    p.gpuChoice = notes.join(QStringLiteral("; "));
}

} // namespace vs
