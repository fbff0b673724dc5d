#include "variants/Compatibility.h"

#include "catalog/CudaVersion.h"

namespace vs {

Compatibility Compatibility::of(const Catalog &c, const VariantName &v)
{
    auto unknown = [](const QString &what) { return Compatibility{false, false, what}; };
    if (!c.package(v.package))
        return unknown(QStringLiteral("unknown package '%1'").arg(v.package));
    if (!c.python(v.python))
        return unknown(QStringLiteral("unknown Python 'python%1'").arg(v.python));

    if (v.kind == VariantName::Kind::Darwin) {
        if (v.isa != c.darwin.id)
            return unknown(QStringLiteral("the darwin variant is '%1', not '%2'").arg(c.darwin.id, v.isa));
        return {};
    }
    const CpuIsa *isa = c.cpuIsa(v.isa);
    if (!isa)
        return unknown(QStringLiteral("unknown CPU ISA '%1'").arg(v.isa));
    if (v.kind == VariantName::Kind::Cpu)
        return {};

    const CudaRelease *cuda = c.cudaRelease(v.cuda);
    if (!cuda)
        return unknown(QStringLiteral("unknown CUDA release '%1'").arg(CudaVersion::toVersion(v.cuda)));
    const GpuArch *gpu = c.gpuArch(v.gpu);
    if (!gpu)
        return unknown(QStringLiteral("unknown GPU architecture '%1'").arg(v.gpu));
    if (!c.cudaSupportsArch(*cuda, *gpu)) {
        QString need;
        if (!gpu->minCuda.isEmpty() && Catalog::compareVersions(cuda->version, gpu->minCuda) < 0)
            need = QStringLiteral("needs CUDA %1 or newer").arg(c.cudaRelease(gpu->minCuda) ? c.cudaRelease(gpu->minCuda)->version : gpu->minCuda);
        else
            need = QStringLiteral("is not supported after CUDA %1").arg(c.cudaRelease(gpu->maxCuda) ? c.cudaRelease(gpu->maxCuda)->version : gpu->maxCuda);
        return {true, false,
                QStringLiteral("CUDA %1 cannot compile for %2 (%3, compute %4): %2 %5")
                    .arg(cuda->version, gpu->id, gpu->family, gpu->computeCapability, need)};
    }
    return {};
}

QList<VariantName> Compatibility::allVariants(const Catalog &c)
{
    QList<VariantName> out;
    for (const PackageInfo &p : c.packages) {
        for (const PythonVersion &py : c.pythons) {
            VariantName base;
            base.package = p.id;
            base.python = py.id;
            for (const CudaRelease &cuda : c.cudaReleases) {
                for (const GpuArch &g : c.gpuArchitectures) {
                    for (const CpuIsa &i : c.cpuIsas) {
                        VariantName v = base;
                        v.kind = VariantName::Kind::Cuda;
                        v.cuda = cuda.id;
                        v.gpu = g.id;
                        v.isa = i.id;
                        out.append(v);
                    }
                }
            }
            for (const CpuIsa &i : c.cpuIsas) {
                VariantName v = base;
                v.kind = VariantName::Kind::Cpu;
                v.isa = i.id;
                out.append(v);
            }
            VariantName d = base;
            d.kind = VariantName::Kind::Darwin;
            d.isa = c.darwin.id;
            out.append(d);
        }
    }
    return out;
}

} // namespace vs
