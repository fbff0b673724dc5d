#include "recipes/RecipeGenerator.h"

#include "recipes/RecipeTemplate.h"
#include "variants/Compatibility.h"

#include <QHash>
#include <QMutex>
#include <QRegularExpression>

namespace vs {

namespace {

// Escaping for the three places catalogue text lands in: "…" strings,
// ''…'' strings (longDescription) and comments. Catalogue values come from
// YAML a repository may override, so nothing is trusted to be Nix-safe.
QString oneLine(QString text)
{
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text.simplified();
}

QString quoted(const QString &text)
{
    QString s = oneLine(text);
    s.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    s.replace(QLatin1Char('"'), QLatin1String("\\\""));
    s.replace(QLatin1String("${"), QLatin1String("\\${"));
    return s;
}

QString indented(const QString &text)
{
    QString s = oneLine(text);
    s.replace(QLatin1String("''"), QLatin1String("'''"));
    s.replace(QLatin1String("${"), QLatin1String("''${"));
    return s;
}

// One "…" element per line, for the cpuFlags / isaCmakeFlags lists.
QString listLines(const QStringList &items)
{
    QStringList lines;
    for (const QString &item : items)
        lines.append(QLatin1Char('"') + quoted(item) + QLatin1Char('"'));
    return lines.join(QLatin1Char('\n'));
}

bool isIdentifier(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_'-]*$"));
    return re.match(s).hasMatch();
}

// What goes into a URL path and a pname: no quoting needed, none allowed.
bool isPlainToken(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9._+-]+$"));
    return re.match(s).hasMatch();
}

// "AVX-512 F/DQ/VL/BW (Skylake-SP and later)" -> "AVX-512 F/DQ/VL/BW"
QString shortDescription(const QString &description)
{
    const qsizetype paren = description.indexOf(QLatin1String(" ("));
    return oneLine(paren > 0 ? description.left(paren) : description);
}

QString release(const PackageInfo &package, const BranchProfile &profile)
{
    const QString version = profile.versions.value(package.id);
    return version.isEmpty() ? package.description : package.description + QLatin1Char(' ') + version;
}

// Templates are read once per process; they are resources and never change.
RecipeTemplate cachedTemplate(const QString &name)
{
    static QMutex mutex;
    static QHash<QString, RecipeTemplate> cache;
    QMutexLocker lock(&mutex);
    auto it = cache.find(name);
    if (it == cache.end())
        it = cache.insert(name, RecipeTemplate::load(name));
    return it.value();
}

} // namespace

RecipeGenerator::RecipeGenerator(const Catalog &catalog)
    : m_catalog(catalog)
{
}

QString RecipeGenerator::templateName(const VariantName &variant) const
{
    const PackageInfo *package = m_catalog.package(variant.package);
    // torch itself, or a package built against a matching custom torch
    const QString family
        = package && package->nixAttribute == QLatin1String("torch") ? QStringLiteral("pytorch") : QStringLiteral("companion");
    switch (variant.kind) {
    case VariantName::Kind::Cuda:
        return family + QStringLiteral("-cuda.nix.in");
    case VariantName::Kind::Darwin:
        return family + QStringLiteral("-darwin.nix.in");
    case VariantName::Kind::Cpu:
        break;
    }
    return family + QStringLiteral("-cpu.nix.in");
}

QMap<QString, QString> RecipeGenerator::values(
    const VariantName &variant, const BranchProfile &profile, const QString &nixpkgsRev, QString *error) const
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(variant.toString(), why);
        return QMap<QString, QString>();
    };
    const Compatibility compatibility = Compatibility::of(m_catalog, variant);
    if (!compatibility.ok())
        return fail(compatibility.reason);

    const PackageInfo &package = *m_catalog.package(variant.package);
    const PythonVersion &python = *m_catalog.python(variant.python);
    const QString rev = nixpkgsRev.isEmpty() ? profile.nixpkgsRev : nixpkgsRev;
    const QString pname = variant.toString();
    if (rev.isEmpty())
        return fail(QStringLiteral("no nixpkgs revision: the profile '%1' has none and none was given").arg(profile.id));
    if (!isPlainToken(rev))
        return fail(QStringLiteral("nixpkgs revision '%1' is not a plain commit or tag name").arg(rev));
    if (!isPlainToken(pname))
        return fail(QStringLiteral("the name '%1' cannot be a Nix pname").arg(pname));
    if (!isIdentifier(package.nixAttribute))
        return fail(QStringLiteral("package '%1' has no usable nixAttribute ('%2')").arg(package.id, package.nixAttribute));
    if (!isIdentifier(python.packageSet()))
        return fail(QStringLiteral("Python id '%1' does not give a Nix attribute").arg(python.id));

    QString torchRelease = QStringLiteral("PyTorch");
    for (const PackageInfo &p : m_catalog.packages)
        if (p.nixAttribute == QLatin1String("torch"))
            torchRelease = release(p, profile);

    QMap<QString, QString> v;
    v[QStringLiteral("PNAME")] = pname;
    v[QStringLiteral("TEMPLATE")] = templateName(variant);
    v[QStringLiteral("PROFILE")] = oneLine(profile.id);
    v[QStringLiteral("NIXPKGS_REV")] = rev;
    v[QStringLiteral("PYTHON_PACKAGES")] = python.packageSet();
    v[QStringLiteral("PYTHON_VERSION")] = indented(python.version);
    v[QStringLiteral("PACKAGE_ATTR")] = package.nixAttribute;
    v[QStringLiteral("PACKAGE_TITLE")] = indented(package.description);
    v[QStringLiteral("PACKAGE_RELEASE")] = indented(release(package, profile));
    v[QStringLiteral("TORCH_RELEASE")] = indented(torchRelease);

    QString description;
    if (variant.kind == VariantName::Kind::Darwin) {
        const DarwinTarget &darwin = m_catalog.darwin;
        if (!isPlainToken(darwin.id))
            return fail(QStringLiteral("darwin id '%1' is not a plain name").arg(darwin.id));
        v[QStringLiteral("DARWIN_ID")] = darwin.id;
        v[QStringLiteral("DARWIN_DESCRIPTION")] = indented(darwin.description);
        v[QStringLiteral("PLATFORM")] = quoted(darwin.platform);
        description = QStringLiteral("%1 for %2 (%3)").arg(release(package, profile), oneLine(darwin.description), darwin.id.toUpper());
    } else {
        const CpuIsa &isa = *m_catalog.cpuIsa(variant.isa);
        v[QStringLiteral("ISA")] = quoted(isa.id);
        v[QStringLiteral("ISA_DESCRIPTION")] = indented(isa.description);
        v[QStringLiteral("CPU_FLAGS")] = listLines(isa.compilerFlags);
        v[QStringLiteral("CPU_FLAGS_TEXT")] = indented(isa.compilerFlags.join(QLatin1Char(' ')));
        v[QStringLiteral("CMAKE_FLAGS")] = listLines(isa.cmakeFlags);
        v[QStringLiteral("PLATFORM")] = quoted(isa.platform);
        if (variant.kind == VariantName::Kind::Cpu) {
            description = QStringLiteral("%1 CPU-only for %2").arg(release(package, profile), shortDescription(isa.description));
        } else {
            const CudaRelease &cuda = *m_catalog.cudaRelease(variant.cuda);
            const GpuArch &gpu = *m_catalog.gpuArch(variant.gpu);
            static const QRegularExpression capability(QStringLiteral(R"(^\d+\.\d+$)"));
            if (!capability.match(gpu.computeCapability).hasMatch())
                return fail(QStringLiteral("compute capability '%1' of %2 is not MAJOR.MINOR").arg(gpu.computeCapability, gpu.id));
            if (!isIdentifier(cuda.nixAttribute))
                return fail(QStringLiteral("CUDA %1 has no usable nixAttribute ('%2')").arg(cuda.version, cuda.nixAttribute));
            v[QStringLiteral("CUDA_PACKAGES")] = cuda.nixAttribute;
            v[QStringLiteral("CUDA_VERSION")] = indented(cuda.version);
            v[QStringLiteral("MIN_DRIVER")] = indented(cuda.minDriverLinux.isEmpty() ? QStringLiteral("(unknown)") : cuda.minDriverLinux);
            v[QStringLiteral("GPU")] = indented(gpu.id);
            v[QStringLiteral("GPU_ARCH_SM")] = gpu.computeCapability;
            v[QStringLiteral("GPU_ARCH_NUM")] = QString(gpu.computeCapability).remove(QLatin1Char('.'));
            v[QStringLiteral("GPU_FAMILY")] = indented(gpu.family);
            v[QStringLiteral("GPU_PRODUCTS")] = indented(gpu.products.join(QLatin1String(", ")));
            // Three products name the class well enough for a one-line description.
            const QString products = gpu.products.isEmpty() ? gpu.family : QStringList(gpu.products.mid(0, 3)).join(QLatin1Char('/'));
            description = QStringLiteral("%1 for NVIDIA %2 (%3, CUDA %4) + %5")
                              .arg(release(package, profile), oneLine(products), gpu.id, cuda.version, shortDescription(isa.description));
        }
    }
    v[QStringLiteral("TITLE")] = oneLine(description);
    v[QStringLiteral("DESCRIPTION")] = quoted(description);
    return v;
}

RecipeGenerator::Result RecipeGenerator::generate(const VariantName &variant, const BranchProfile &profile, const QString &nixpkgsRev) const
{
    Result result;
    const QMap<QString, QString> v = values(variant, profile, nixpkgsRev, &result.error);
    if (!result.ok())
        return result;
    const RecipeTemplate recipeTemplate = cachedTemplate(templateName(variant));
    if (!recipeTemplate.isValid()) {
        result.error = recipeTemplate.error();
        return result;
    }
    result.text = recipeTemplate.fill(v, &result.error);
    if (!result.ok())
        result.text.clear();
    return result;
}

} // namespace vs
