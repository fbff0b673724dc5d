#pragma once

#include "hardware/CpuInfo.h"
#include "hardware/HostProfile.h"
#include "hardware/NvidiaSmiCsv.h"

namespace vs {

class Catalog;

// Turns parsed GPU and CPU facts into a HostProfile with recommendations,
// using only the catalogue (driver minimums, arch CUDA ranges, ISA ranks).
class HostProfileBuilder {
public:
    explicit HostProfileBuilder(const Catalog &catalog)
        : m_catalog(catalog)
    {
    }
    // nvidiaSmiFound false: `smi` is ignored (no NVIDIA driver on this machine).
    HostProfile build(bool nvidiaSmiFound, const NvidiaSmiResult &smi, const CpuInfo &cpu) const;

    // Highest catalogue CUDA release whose minimum driver is <= driver; empty if none.
    QString maxCudaForDriver(const QString &driver) const;

private:
    void addGpus(HostProfile &p, const NvidiaSmiResult &smi) const;
    void addCpu(HostProfile &p, const CpuInfo &cpu) const;
    void recommendGpu(HostProfile &p) const;
    QString bestCudaFor(const QString &arch, const QString &driver) const;

    const Catalog &m_catalog;
};

} // namespace vs
