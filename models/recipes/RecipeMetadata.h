#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace vs {

// Field name -> 1-based line of a recipe: a handful of entries, kept sorted by name.
// A flat list costs a fraction of a hash to fill, copy and walk (a scan makes one
// per recipe), and it walks in the key order JSON prints.
class FieldLines {
public:
    struct Entry {
        QString field;
        int line = 0;
        bool operator==(const Entry &) const = default;
    };
    void insert(const QString &field, int line);
    int value(QStringView field, int fallback = 0) const;
    bool contains(QStringView field) const { return find(field) != nullptr; }
    qsizetype size() const { return m_entries.size(); }
    bool isEmpty() const { return m_entries.isEmpty(); }
    auto begin() const { return m_entries.cbegin(); }
    auto end() const { return m_entries.cend(); }
    bool operator==(const FieldLines &) const = default;

private:
    const Entry *find(QStringView field) const;
    QList<Entry> m_entries;
};

// What a recipe's text says about the build, read with patterns (no evaluation):
// good enough to compare against the file name and the catalogue. Anything in a
// shape we do not recognise stays empty ("unknown"); it is never guessed.
struct RecipeMetadata {
    QString pname;
    QString gpuArch; // "sm90", "mps", or empty = unknown
    QStringList cpuFlags; // -m… compiler flags, in order, without duplicates
    QString nixpkgsRev; // from the fetchTarball url of nixpkgs
    QString cudaPackages; // "cudaPackages_12_9"
    // PyTorch's effective setting: a `.override { cudaSupport = …; }` counts, nixpkgs'
    // `config.cudaSupport` only without one; empty when the override's value is not literal.
    std::optional<bool> cudaSupport;
    QString description;
    QStringList platforms; // "x86_64-linux", …
    // field name above -> 1-based line where it was found; also "gpuTargets": the binding
    // that decides the build's TORCH_CUDA_ARCH_LIST (the last export, else gpuTargets);
    // "gpuArchUnused": a definition the uses contradict (see gpuArchInUse).
    FieldLines lines;

    // When the text names two different GPU architectures (e.g. gpuArchNum = "90"
    // but gpuTargets = [ "8.6" ]), gpuArch stays empty and this says which, where.
    QString gpuArchConflict;
    // With a conflict: the architecture every *use* (gpuTargets, TORCH_CUDA_ARCH_LIST,
    // cudaCapabilities) agrees on, i.e. what the build evaluates to; empty when they disagree.
    QString gpuArchInUse;

    // The CUDA release id of cudaPackages ("12_9"), empty when none.
    QString cudaRelease() const;
    int line(const QString &field) const { return lines.value(field, 0); }

    static RecipeMetadata extract(QStringView text);
    static RecipeMetadata extract(const QString &text) { return extract(QStringView(text)); }
    // The same from the recipe's bytes (UTF-8, decoded as QString::fromUtf8 does),
    // for a caller that keeps no text: decoded into this thread's scratch buffer,
    // not into a new string per recipe.
    static RecipeMetadata extractUtf8(QByteArrayView utf8);

    // "90", "8.6", "9.0", "sm_90", "sm90a", "9.0+PTX", "mps" -> "sm90", "sm86", …, "mps";
    // anything else -> empty.
    static QString normaliseGpuArch(const QString &value);
    static QString normaliseGpuArch(QStringView value);
};

} // namespace vs
