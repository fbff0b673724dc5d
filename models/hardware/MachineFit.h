#pragma once

#include "variants/VariantName.h"

#include <QString>
#include <QStringList>

namespace vs {

// What this machine can run, as far as the matrix needs it; made by Recommendation
// from the hardware probe.
struct MachineFit {
    bool known = false;
    QStringList gpuArchs; // "sm90"
    QString maxCuda; // "13_0": the newest CUDA the driver supports; empty: no driver
    QStringList isas; // ISAs the CPU can run
    QString recommendedSuffix; // "cuda12_9-sm90-avx512"
    bool darwin = false;

    // The variant runs here: its ISA on this CPU, its GPU here and its CUDA within the driver's reach.
    bool runs(const VariantName &variant) const;
    // The variant is the one recommended for this machine.
    bool recommends(const VariantName &variant) const;
};

} // namespace vs
