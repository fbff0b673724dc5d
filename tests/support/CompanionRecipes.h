#pragma once

// TorchVision/TorchAudio recipe texts in the two shapes of the public companion
// repositories, made from a PyTorch recipe text (tests/repository/RealisticRecipe.h)
// so that a test controls exactly how the embedded PyTorch differs from it.

#include "catalog/Catalog.h"
#include "variants/VariantName.h"

#include <QRegularExpression>
#include <QString>

namespace vs::test {

// Pinned shape (`import (builtins.fetchTarball …)`): the PyTorch recipe's own
// bindings and its whole expression as `customPytorch`, handed to the companion
// package. Same text as the PyTorch recipe: Nix builds one PyTorch.
inline QString pinnedCompanion(const Catalog &catalog, const QString &pytorchRecipe, const QString &companionVariant)
{
    const VariantName v = *VariantName::parse(companionVariant);
    const qsizetype in = pytorchRecipe.lastIndexOf(QStringLiteral("\nin\n"));
    const QString head = pytorchRecipe.left(in);
    const QString expr = pytorchRecipe.mid(in + 4).trimmed();
    const QString set = catalog.python(v.python)->packageSet();
    const QString attr = catalog.package(v.package)->nixAttribute;
    return QStringLiteral("%1\n"
                          "  # Custom PyTorch with matching GPU/CPU configuration\n"
                          "  customPytorch = %2;\n"
                          "in\n"
                          "  (nixpkgs_pinned.%3.%4.override {\n"
                          "    torch = customPytorch;\n"
                          "  }).overrideAttrs (oldAttrs: {\n"
                          "    pname = \"%5\";\n"
                          "    preConfigure = (oldAttrs.preConfigure or \"\") + ''\n"
                          "      export CXXFLAGS=\"$CXXFLAGS ${nixpkgs_pinned.lib.concatStringsSep \" \" cpuFlags}\"\n"
                          "    '';\n"
                          "  })\n")
        .arg(head, expr, set, attr, companionVariant);
}

// callPackage shape of TorchAudio's main branch: no pin (the caller's nixpkgs),
// `gpuArchSM = "sm_90"`, flags appended after $CXXFLAGS.
inline QString callPackageCompanion(const Catalog &catalog, const QString &companionVariant)
{
    const VariantName v = *VariantName::parse(companionVariant);
    const bool cuda = v.kind == VariantName::Kind::Cuda;
    QString flags;
    if (const CpuIsa *isa = catalog.cpuIsa(v.isa))
        for (const QString &f : isa->compilerFlags)
            flags += QStringLiteral(" \"%1\"").arg(f);
    const QString sm = cuda ? QStringLiteral("sm_") + v.gpu.mid(2) : QString();
    return QStringLiteral("# %1\n"
                          "{ python3Packages, lib, config, cudaPackages, addDriverRunpath, fetchPypi }:\n"
                          "let\n"
                          "  gpuArchSM = \"%2\";\n"
                          "  cpuFlags = [%3 ];\n"
                          "  customPytorch = (python3Packages.torch.override {\n"
                          "    cudaSupport = %4;\n"
                          "%5"
                          "  }).overrideAttrs (oldAttrs: {\n"
                          "    preConfigure = (oldAttrs.preConfigure or \"\") + ''\n"
                          "      export CXXFLAGS=\"$CXXFLAGS ${lib.concatStringsSep \" \" cpuFlags}\"\n"
                          "      export CFLAGS=\"$CFLAGS ${lib.concatStringsSep \" \" cpuFlags}\"\n"
                          "    '';\n"
                          "  });\n"
                          "in\n"
                          "  (python3Packages.%6.override { torch = customPytorch; }).overrideAttrs (oldAttrs: {\n"
                          "    pname = \"%1\";\n"
                          "    src = fetchPypi { pname = \"%6\"; version = \"2.9.0\"; hash = \"\"; };\n"
                          "  })\n")
        .arg(companionVariant, sm, flags, cuda ? QStringLiteral("true") : QStringLiteral("false"),
            cuda ? QStringLiteral("    gpuTargets = [ gpuArchSM ];\n") : QString(), catalog.package(v.package)->nixAttribute);
}

} // namespace vs::test
