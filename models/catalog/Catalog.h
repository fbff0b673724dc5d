#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace vs {

// Where something was written: a file (resource path or real path), 1-based line and column.
struct Location {
    QString file;
    int line = 0;
    int column = 0;
    QString toString() const;
    bool operator==(const Location &) const = default;
};

struct CatalogError {
    Location where;
    QString message;
    QString toString() const; // "file:line:column: message"
};

struct PackageInfo {
    QString id; // pytorch, torchvision, torchaudio
    QString nixAttribute; // torch, torchvision, torchaudio
    QString description;
    Location defined;
    bool operator==(const PackageInfo &) const = default;
};

struct PythonVersion {
    QString id; // "313"
    QString version; // "3.13"
    Location defined;
    QString packageSet() const { return QStringLiteral("python%1Packages").arg(id); }
    bool operator==(const PythonVersion &) const = default;
};

struct CudaRelease {
    QString id; // "12_9"
    QString version; // "12.9"
    QString nixAttribute; // cudaPackages_12_9
    QString minDriverLinux; // "575.51.03"
    Location defined;
    bool operator==(const CudaRelease &) const = default;
};

struct GpuArch {
    QString id; // sm90
    QString computeCapability; // "9.0"
    QString family; // Hopper
    QStringList products;
    QString minCuda; // empty: any release of the catalogue
    QString maxCuda; // empty: any release of the catalogue
    Location defined;
    bool operator==(const GpuArch &) const = default;
};

struct CpuIsa {
    QString id; // avx512
    QString platform; // x86_64-linux | aarch64-linux
    QString description;
    QStringList compilerFlags; // into CXXFLAGS/CFLAGS: what the generator writes, "recommended"
    QStringList requiredFlags; // what a build needs to be this ISA at all; empty: all of compilerFlags
    QStringList machineFlags; // flags every machine of the ISA runs (its baseline -march); may be used too
    QStringList cmakeFlags; // extra cmake flags (avx turns kernels off)
    QStringList cpuFlags; // /proc/cpuinfo flags a machine needs
    int rank = 0; // general ISAs: higher is better; 0 for alternatives
    QString alternativeFor; // "BF16 training": compatible, never recommended first
    Location defined;
    bool isArm() const { return platform.startsWith(QLatin1String("aarch64")); }
    bool operator==(const CpuIsa &) const = default;
};

// What compiler flags ask of a CPU (catalog.yaml, cpuFeatures), so that lint can
// compare flags by meaning: -march=armv9-a+sve2 and -march=armv9-a+sve+sve2 are equal.
struct CpuFeatureTable {
    QMap<QString, QStringList> implies; // feature -> the features it brings along
    QMap<QString, QStringList> flags; // "-mavx2", "-march=haswell", "-march=armv9-a" -> features
    QMap<QString, QStringList> marchExtensions; // AArch64 -march modifier "sve2" (written +sve2) -> features
    QStringList neutralFlags; // prefixes of flags that never change which machines run a build (-mtune=)
    bool operator==(const CpuFeatureTable &) const = default;
};

struct DarwinTarget {
    QString id; // mps
    QString platform; // aarch64-darwin
    QString description;
    bool operator==(const DarwinTarget &) const = default;
};

struct BranchProfile {
    QString id;
    QStringList branchPatterns; // globs of branch names
    QString nixpkgsRev;
    QMap<QString, QString> versions; // pytorch -> 2.9.1, cuda -> 12.9.1
    QStringList cudaReleases; // ids; empty: all
    QStringList gpuArchitectures; // ids; empty: all
    QString defaultPython; // id
    Location defined;
    bool operator==(const BranchProfile &) const = default;
};

// A companion repository's branch paired explicitly with a branch of the PyTorch
// repository (`pairing:` in its .flox/variant-studio.yaml): wins over inference.
struct StatedPair {
    QString companionBranch;
    QString pytorchBranch;
    Location defined; // where the file says so
    bool operator==(const StatedPair &) const = default;
};

// The variant catalogue: typed view of resources/catalog.yaml (plus a repository's overlay).
class Catalog {
public:
    QList<PackageInfo> packages;
    QList<PythonVersion> pythons;
    QList<CudaRelease> cudaReleases;
    QList<GpuArch> gpuArchitectures;
    QList<CpuIsa> cpuIsas;
    CpuFeatureTable cpuFeatures;
    DarwinTarget darwin;
    QList<BranchProfile> branchProfiles;
    QString defaultBranchProfile;
    QList<StatedPair> pairing; // only a repository's overlay sets it; in file order

    // The embedded default (resources/catalog.yaml, compiled at build time into
    // :/catalog.bin, see CatalogBinary), read once; never fails (tested).
    static const Catalog &embedded();

    const PackageInfo *package(const QString &id) const;
    const PythonVersion *python(const QString &id) const;
    const CudaRelease *cudaRelease(const QString &id) const; // "12_9" or "12.9"
    const GpuArch *gpuArch(const QString &id) const;
    const GpuArch *gpuArchForComputeCapability(const QString &cc) const; // "9.0"
    const CpuIsa *cpuIsa(const QString &id) const;
    const BranchProfile *branchProfile(const QString &id) const;
    // The profile whose patterns match the branch name, else the default profile.
    const BranchProfile &profileForBranch(const QString &branch) const;

    // Can this CUDA release's nvcc compile for the architecture?
    bool cudaSupportsArch(const CudaRelease &cuda, const GpuArch &arch) const;

    // Compares dotted versions numerically: "12.10" > "12.9". <0, 0, >0.
    static int compareVersions(const QString &a, const QString &b);
    // Every field of every entry: the build-time binary form is tested against the YAML with it.
    bool operator==(const Catalog &) const = default;
};

} // namespace vs
