#pragma once

#include <QString>
#include <QStringList>
#include <QVarLengthArray>

#include <optional>

namespace vs {

// One cell of the matrix, as named by files (`…-avx512.nix`) and packages.
//   {package}-python{3XY}-cuda{M}_{m}-sm{NN}-{isa}
//   {package}-python{3XY}-cpu-{isa}
//   {package}-python{3XY}-darwin-mps
struct VariantName {
    enum class Kind { Cpu, Cuda, Darwin };

    QString package; // pytorch
    QString python; // "313"
    Kind kind = Kind::Cpu;
    QString cuda; // "12_9" (Cuda only)
    QString gpu; // "sm90" (Cuda only)
    QString isa; // canonical: "avx512", "armv8_2", "mps"

    // What the parsed text spelled differently from the canonical form, e.g.
    // "ISA 'armv8.2' is written 'armv8_2'" or "version '210' glued to the package".
    QStringList nonCanonical;
    QString gluedVersion; // "210" of "pytorch210-…"

    // Parses a file name (with or without ".nix" or a directory) or a package name.
    static std::optional<VariantName> parse(const QString &text, QString *whyNot = nullptr);
    // Canonical form, without ".nix".
    QString toString() const;
    // toString() as the pieces it is joined from (views into this name and literals):
    // for a writer that copies them on anyway, such as the JSON of a scan.
    QVarLengthArray<QStringView, 10> pieces() const;
    QString fileName() const { return toString() + QStringLiteral(".nix"); }
    // "cuda12_9-sm90-avx512", "cpu-avx2", "darwin-mps": what a machine needs.
    QString suffix() const;
    // The same suffixes from their parts, for a machine or a recommendation that is no file yet.
    static QString cudaSuffix(const QString &cuda, const QString &gpu, const QString &isa);
    static QString cpuSuffix(const QString &isa);
    static QString darwinSuffix(const QString &isa);
    static bool isDarwinSuffix(const QString &suffix);
    bool isCanonical() const { return nonCanonical.isEmpty(); }

    bool operator==(const VariantName &o) const
    {
        return package == o.package && python == o.python && kind == o.kind && cuda == o.cuda && gpu == o.gpu && isa == o.isa;
    }
};

} // namespace vs
