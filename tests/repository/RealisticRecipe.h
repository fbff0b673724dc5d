#pragma once

// Hand-written recipe text in the shape of public PyTorch build repositories
// (tests and the scan benchmark; RecipeGenerator output is tested separately).

#include "catalog/Catalog.h"
#include "variants/VariantName.h"

#include <QString>

namespace vs::test {

inline const char *kRealisticRev = "6a030d535719c5190187c4cec156f335e95e3211";

inline QString realisticRecipe(const Catalog &catalog, const VariantName &v, const QString &rev = QString::fromLatin1(kRealisticRev))
{
    const PythonVersion *py = catalog.python(v.python);
    const PackageInfo *pkg = catalog.package(v.package);
    const QString pythonSet = py ? py->packageSet() : QStringLiteral("python3Packages");
    const QString attr = pkg ? pkg->nixAttribute : v.package;
    const QString name = v.toString();
    QString flags, cmake, platform = QStringLiteral("x86_64-linux");
    if (const CpuIsa *isa = catalog.cpuIsa(v.isa)) {
        for (const QString &f : isa->compilerFlags)
            flags += QStringLiteral(" \"%1\"").arg(f);
        for (const QString &f : isa->cmakeFlags)
            cmake += QStringLiteral(" \"%1\"").arg(f);
        platform = isa->platform;
    }
    if (v.kind == VariantName::Kind::Darwin) {
        return QStringLiteral("# %1 for Apple Silicon (Metal Performance Shaders)\n"
                              "{ pkgs ? import <nixpkgs> {} }:\n"
                              "let\n"
                              "  nixpkgs_pinned = import (builtins.fetchTarball {\n"
                              "    url = \"https://github.com/NixOS/nixpkgs/archive/%2.tar.gz\";\n"
                              "  }) { config.allowUnfree = true; };\n"
                              "  gpuArch = \"mps\";\n"
                              "in\n"
                              "  nixpkgs_pinned.%3.%4.overrideAttrs (oldAttrs: {\n"
                              "    pname = \"%5\";\n"
                              "    meta = oldAttrs.meta // {\n"
                              "      description = \"%1 for Apple Silicon with MPS\";\n"
                              "      platforms = [ \"aarch64-darwin\" ];\n"
                              "    };\n"
                              "  })\n")
            .arg(pkg ? pkg->description : v.package, rev, pythonSet, attr, name);
    }
    const bool cuda = v.kind == VariantName::Kind::Cuda;
    const GpuArch *gpu = cuda ? catalog.gpuArch(v.gpu) : nullptr;
    const QString cc = gpu ? gpu->computeCapability : QStringLiteral("9.0");
    QString text = QStringLiteral("# %1 %2\n").arg(pkg ? pkg->description : v.package, v.suffix());
    text += QStringLiteral("{ pkgs ? import <nixpkgs> {} }:\nlet\n"
                           "  nixpkgs_pinned = import (builtins.fetchTarball {\n"
                           "    url = \"https://github.com/NixOS/nixpkgs/archive/%1.tar.gz\";\n"
                           "  }) {\n"
                           "    config = {\n"
                           "      allowUnfree = true;\n"
                           "      cudaSupport = %2;\n"
                           "    };\n")
                .arg(rev, cuda ? QStringLiteral("true") : QStringLiteral("false"));
    if (cuda)
        text += QStringLiteral("    overlays = [\n      (final: prev: { cudaPackages = final.cudaPackages_%1; })\n    ];\n").arg(v.cuda);
    text += QStringLiteral("  };\n");
    if (cuda)
        text += QStringLiteral("  gpuArchNum = \"%1\";\n  gpuArchSM = \"%2\";\n").arg(QString(cc).remove(QLatin1Char('.')), cc);
    text += QStringLiteral("  cpuFlags = [%1 ];\n").arg(flags);
    text += QStringLiteral("in\n  (nixpkgs_pinned.%1.%2.override {\n").arg(pythonSet, attr);
    if (cuda)
        text += QStringLiteral("    cudaSupport = true;\n    gpuTargets = [ gpuArchSM ];\n");
    else
        text += QStringLiteral("    cudaSupport = false;\n");
    text += QStringLiteral("  }).overrideAttrs (oldAttrs: {\n    pname = \"%1\";\n").arg(name);
    if (!cmake.isEmpty())
        text += QStringLiteral("    cmakeFlags = (oldAttrs.cmakeFlags or [ ]) ++ [%1 ];\n").arg(cmake);
    text += QStringLiteral("    preConfigure = (oldAttrs.preConfigure or \"\") + ''\n"
                           "      export CXXFLAGS=\"$CXXFLAGS ${nixpkgs_pinned.lib.concatStringsSep \" \" cpuFlags}\"\n"
                           "      export CFLAGS=\"$CFLAGS ${nixpkgs_pinned.lib.concatStringsSep \" \" cpuFlags}\"\n");
    if (cuda)
        text += QStringLiteral("      export TORCH_CUDA_ARCH_LIST=\"${gpuArchSM}\"\n");
    text += QStringLiteral("    '';\n"
                           "    meta = oldAttrs.meta // {\n"
                           "      description = \"%1 %2\";\n"
                           "      platforms = [ \"%3\" ];\n"
                           "    };\n"
                           "  })\n")
                .arg(pkg ? pkg->description : v.package, v.suffix(), platform);
    return text;
}

inline QString realisticRecipe(const Catalog &catalog, const QString &variantName, const QString &rev = QString::fromLatin1(kRealisticRev))
{
    return realisticRecipe(catalog, *VariantName::parse(variantName), rev);
}

} // namespace vs::test
