#include "variants/VariantName.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace vs {

namespace {
// Lenient on purpose: real repositories glue versions to package names and
// spell ISAs with dots; both parse, and the difference is reported.
const QRegularExpression &pattern()
{
    static const QRegularExpression re(QStringLiteral(
        R"(^(?<package>[a-z][a-z]*?)(?<glued>\d+)?-python(?<python>3\d{1,2})-)"
        R"((?:(?<cpu>cpu)|cuda(?<cmaj>\d+)_(?<cmin>\d+)-(?<gpu>sm\d+[a-z]?)|(?<darwin>darwin))-(?<isa>[A-Za-z0-9_.]+)$)"));
    return re;
}
} // namespace

std::optional<VariantName> VariantName::parse(const QString &text, QString *whyNot)
{
    QString name = QFileInfo(text.trimmed()).fileName();
    if (name.endsWith(QLatin1String(".nix")))
        name.chop(4);
    const QRegularExpressionMatch m = pattern().match(name);
    if (!m.hasMatch()) {
        if (whyNot)
            *whyNot = QStringLiteral("'%1' does not follow {package}-python{3XY}-{cpu|cudaM_m-smNN|darwin}-{isa}").arg(name);
        return std::nullopt;
    }
    VariantName v;
    v.package = m.captured(u"package");
    v.gluedVersion = m.captured(u"glued");
    v.python = m.captured(u"python");
    QString isa = m.captured(u"isa");
    if (!m.captured(u"cpu").isEmpty()) {
        v.kind = Kind::Cpu;
    } else if (!m.captured(u"darwin").isEmpty()) {
        v.kind = Kind::Darwin;
    } else {
        v.kind = Kind::Cuda;
        v.cuda = m.captured(u"cmaj") + QLatin1Char('_') + m.captured(u"cmin");
        v.gpu = m.captured(u"gpu");
    }
    const QString canonicalIsa = isa.toLower().replace(QLatin1Char('.'), QLatin1Char('_'));
    if (canonicalIsa != isa)
        v.nonCanonical.append(QStringLiteral("ISA '%1' is canonically written '%2'").arg(isa, canonicalIsa));
    v.isa = canonicalIsa;
    if (!v.gluedVersion.isEmpty())
        v.nonCanonical.append(QStringLiteral("version '%1' is glued to the package name '%2'").arg(v.gluedVersion, v.package));
    return v;
}

QString VariantName::suffix() const
{
    switch (kind) {
    case Kind::Cuda:
        return cudaSuffix(cuda, gpu, isa);
    case Kind::Darwin:
        return darwinSuffix(isa);
    case Kind::Cpu:
        break;
    }
    return cpuSuffix(isa);
}

QString VariantName::cudaSuffix(const QString &cuda, const QString &gpu, const QString &isa)
{
    return QStringLiteral("cuda%1-%2-%3").arg(cuda, gpu, isa);
}

QString VariantName::cpuSuffix(const QString &isa)
{
    return QStringLiteral("cpu-%1").arg(isa);
}

QString VariantName::darwinSuffix(const QString &isa)
{
    return QStringLiteral("darwin-%1").arg(isa);
}

bool VariantName::isDarwinSuffix(const QString &suffix)
{
    return suffix.startsWith(QLatin1String("darwin"));
}

QString VariantName::toString() const
{
    return QStringLiteral("%1-python%2-%3").arg(package, python, suffix());
}

} // namespace vs
