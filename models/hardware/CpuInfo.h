#pragma once

#include <QString>
#include <QStringList>

namespace vs {

// The CPU facts a variant depends on, from /proc/cpuinfo text and `uname -m`.
struct CpuInfo {
    QString machine; // normalised: "x86_64", "aarch64" (arm64 and amd64 are mapped)
    QString model; // x86 "model name"; empty on most ARM kernels
    QStringList flags; // x86 "flags" or ARM "Features" of the first processor
    QString error; // no flags found: nothing can be said about the ISA

    // Pure function on text.
    static CpuInfo parse(const QString &cpuinfo, const QString &machine);
    static QString normaliseMachine(const QString &machine);
    // "x86_64-linux" for "x86_64": the catalogue's platform names.
    static QString linuxPlatform(const QString &machine);
};

} // namespace vs
