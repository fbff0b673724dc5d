#include "hardware/Recommendation.h"

#include "catalog/Catalog.h"
#include "catalog/CudaVersion.h"

#include <QCoreApplication>

namespace vs {

QString Recommendation::profileSuffix(const HostProfile &p)
{
    if (p.recommendedIsa.isEmpty())
        return {};
    return p.hasGpu() ? VariantName::cudaSuffix(p.recommendedCuda, p.recommendedGpu, p.recommendedIsa)
                      : VariantName::cpuSuffix(p.recommendedIsa);
}

QString Recommendation::bestCuda(const QStringList &branchCudaReleases) const
{
    const GpuArch *gpu = m_catalog.gpuArch(m_profile.recommendedGpu);
    if (!gpu || m_profile.maxCuda.isEmpty())
        return {};
    for (const QString &id : branchCudaReleases) {
        const CudaRelease *cuda = m_catalog.cudaRelease(id);
        if (cuda && CudaVersion::compare(cuda->version, m_profile.maxCuda) <= 0 && m_catalog.cudaSupportsArch(*cuda, *gpu))
            return id;
    }
    return m_profile.recommendedCuda;
}

QString Recommendation::suffix(const QString &cuda) const
{
    if (m_profile.hasGpu() && !cuda.isEmpty() && !m_profile.recommendedIsa.isEmpty())
        return VariantName::cudaSuffix(cuda, m_profile.recommendedGpu, m_profile.recommendedIsa);
    return m_profile.recommendedSuffix;
}

MachineFit Recommendation::fit(const QStringList &branchCudaReleases) const
{
    MachineFit fit;
    fit.known = true;
    fit.gpuArchs = m_profile.gpuArchs;
    fit.maxCuda = m_profile.maxCuda;
    fit.isas = m_profile.isas;
    fit.darwin = VariantName::isDarwinSuffix(m_profile.recommendedSuffix);
    fit.recommendedSuffix = suffix(bestCuda(branchCudaReleases));
    return fit;
}

QStringList Recommendation::warnings(const BranchOffer &offer) const
{
    QStringList out;
    if (!m_profile.gpuError.isEmpty())
        out.append(m_profile.gpuError);
    if (!m_profile.cpuError.isEmpty())
        out.append(m_profile.cpuError);
    if (offer.branch.isEmpty())
        return out;
    const CudaRelease *cuda = m_catalog.cudaRelease(offer.cudaReleases.value(0));
    if (cuda && m_profile.hasGpu() && !m_profile.driver.isEmpty() && !cuda->minDriverLinux.isEmpty()
        && Catalog::compareVersions(m_profile.driver, cuda->minDriverLinux) < 0)
        // The window showed these first: their translations keep its context.
        out.append(QCoreApplication::translate(
            "vs::HardwareController", "Branch '%1' builds CUDA %2, which needs driver %3 or newer; this machine has %4.")
                       .arg(offer.branch, cuda->version, cuda->minDriverLinux, m_profile.driver));
    if (offer.runnableRecipes == 0)
        out.append(
            QCoreApplication::translate("vs::HardwareController", "No recipe on branch '%1' runs on this machine.").arg(offer.branch));
    return out;
}

} // namespace vs
