#include "hardware/MachineFit.h"

#include "catalog/CudaVersion.h"

namespace vs {

bool MachineFit::runs(const VariantName &v) const
{
    if (!known)
        return false;
    switch (v.kind) {
    case VariantName::Kind::Darwin:
        return darwin;
    case VariantName::Kind::Cpu:
        return isas.contains(v.isa);
    case VariantName::Kind::Cuda:
        return isas.contains(v.isa) && gpuArchs.contains(v.gpu) && !maxCuda.isEmpty() && CudaVersion::compare(v.cuda, maxCuda) <= 0;
    }
    return false;
}

bool MachineFit::recommends(const VariantName &v) const
{
    return known && !recommendedSuffix.isEmpty() && v.suffix() == recommendedSuffix;
}

} // namespace vs
