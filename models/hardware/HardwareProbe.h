#pragma once

#include "hardware/HostProfile.h"

#include <QFuture>

namespace vs {

class Catalog;

struct ProbeOptions {
    QString nvidiaSmiProgram = QStringLiteral("nvidia-smi"); // name on PATH or a path
    int timeoutMs = 15000; // a wedged driver can make nvidia-smi hang
    QString cpuinfoPath = QStringLiteral("/proc/cpuinfo");
    QString machine; // empty: this machine's architecture
};

// Gathers the hardware facts of this machine (or of a captured directory)
// and builds the HostProfile. probe() blocks: call probeAsync() from the UI.
class HardwareProbe {
public:
    static HostProfile probe(const Catalog &catalog, const ProbeOptions &options = {});
    // A folder with query.csv (absent: no nvidia-smi), cpuinfo.txt and uname-m.txt,
    // as in tests/fixtures/hardware/*.
    static HostProfile fromDirectory(const Catalog &catalog, const QString &dir);
    // Runs probe() on the thread pool; the catalogue is copied.
    static QFuture<HostProfile> probeAsync(const Catalog &catalog, const ProbeOptions &options = {});
};

} // namespace vs
