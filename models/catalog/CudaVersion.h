#pragma once

#include <QString>

namespace vs {

// The one home of how a CUDA release is spelled: the id in variant names and
// the catalogue ("12_9"), the version people read ("12.9") and the nixpkgs
// attribute set ("cudaPackages_12_9").
class CudaVersion {
public:
    static QString toVersion(const QString &id); // "12_9" -> "12.9"; a version stays as it is
    static QString fromVersion(const QString &version); // "12.9" -> "12_9"; an id stays as it is
    static QString attribute(const QString &id); // "12_9" (or "12.9") -> "cudaPackages_12_9"
    static QString fromAttribute(const QString &attribute); // "cudaPackages_12_9" -> "12_9"; empty when not one
    // Numeric order of ids or versions, mixed freely: "12_10" > "12.9". <0, 0, >0.
    static int compare(const QString &a, const QString &b);
};

} // namespace vs
