#pragma once

#include "hardware/HostProfile.h"

namespace vs {

// What one `nvidia-smi --query-gpu=… --format=csv` printed.
struct NvidiaSmiResult {
    QList<GpuInfo> gpus;
    QString error; // driver failure or unreadable output, in nvidia-smi's words where it gave some
    bool ok() const { return error.isEmpty(); }
};

// Parses nvidia-smi's CSV. Columns are found by the header line
// ("index, name, compute_cap, driver_version, memory.total [MiB], pci.bus_id"),
// so any order and subset works; `noheaderColumns` names the columns of
// `--format=csv,noheader` output. Pure function on text.
class NvidiaSmiCsv {
public:
    // The query HardwareProbe runs (and the fixtures' query.csv holds).
    static QStringList queryArguments();
    static NvidiaSmiResult parse(const QString &csv, const QStringList &noheaderColumns = {});
};

} // namespace vs
