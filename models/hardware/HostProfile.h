#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace vs {

// One GPU as nvidia-smi reports it. Fields nvidia-smi leaves out or reports
// as "[N/A]" are empty.
struct GpuInfo {
    int index = -1;
    QString name; // "NVIDIA H100 80GB HBM3"
    QString computeCapability; // "9.0"
    QString arch; // catalogue id ("sm90"), empty when the catalogue has none
    QString driver; // "580.159.04"
    QString memory; // "81559 MiB"
    QString pciBusId; // "00000000:00:06.0"
};

// What this machine is and which variant suits it best. Built from text by
// HostProfileBuilder; HardwareProbe gathers the text.
struct HostProfile {
    QList<GpuInfo> gpus; // all of them, in nvidia-smi's order
    QString gpuError; // driver failure, timeout, unreadable output: shown, never fatal
    bool nvidiaSmiFound = false; // false: no NVIDIA driver installed (not an error)
    QString driver; // driver version of the first GPU
    QString maxCuda; // catalogue CUDA id ("13_0"): highest release the driver can run
    QString machine; // "x86_64", "aarch64"
    QString cpuModel; // "Intel(R) Xeon(R) Processor"; empty when cpuinfo has none
    QString cpuError; // cpuinfo missing or unreadable
    QStringList cpuFlags; // x86 "flags" / ARM "Features" of the first processor
    QStringList isas; // catalogue ISAs this CPU can run, catalogue order
    QString recommendedIsa; // highest-ranked general ISA that runs here
    QStringList alternativeIsas; // runnable ISAs with a special purpose (avx512bf16, …)
    QMap<QString, QString> alternativePurpose; // isa id -> "BF16 training"
    QStringList gpuArchs; // distinct catalogue archs of the GPUs, best first
    QString recommendedGpu; // "sm90"; empty without a usable GPU
    int recommendedGpuIndex = -1; // nvidia-smi index of the GPU recommendedGpu came from
    QString gpuChoice; // why that GPU when there are several, or why none
    QString recommendedCuda; // "13_0": highest release the driver runs that compiles for recommendedGpu
    QString recommendedSuffix; // "cuda13_0-sm90-avx512", "cpu-avx512", "darwin-mps"; empty: nothing fits

    bool hasGpu() const { return !recommendedGpu.isEmpty(); }
};

} // namespace vs
