#include "recipes/CpuFlagCheck.h"

#include <algorithm>

namespace vs {

namespace {

void addClosure(const CpuFeatureTable &t, const QString &feature, QSet<QString> &into)
{
    if (into.contains(feature))
        return;
    into.insert(feature);
    for (const QString &implied : t.implies.value(feature))
        addClosure(t, implied, into);
}

QSet<QString> closureOf(const CpuFeatureTable &t, const QStringList &features)
{
    QSet<QString> out;
    for (const QString &f : features)
        addClosure(t, f, out);
    return out;
}

void turnOn(const CpuFeatureTable &t, const QStringList &features, CpuFlagFeatures &r)
{
    for (const QString &f : closureOf(t, features)) {
        r.enabled.insert(f);
        r.disabled.remove(f);
    }
}

// GCC's -mno-avx2 also turns off AVX-512, which needs AVX2.
void turnOff(const CpuFeatureTable &t, const QStringList &features, CpuFlagFeatures &r)
{
    for (const QString &f : features) {
        r.disabled.insert(f);
        for (const QString &e : QSet<QString>(r.enabled))
            if (closureOf(t, { e }).contains(f))
                r.enabled.remove(e);
    }
}

// A flag the table does not know stands for itself: the catalogue may still use it
// (an overlay's ISA), and then a recipe with the same flag matches.
void unknownFlag(const QString &flag, CpuFlagFeatures &r)
{
    r.unknown.append(flag);
    r.enabled.insert(flag);
}

void readMarch(const CpuFeatureTable &t, const QString &flag, CpuFlagFeatures &r)
{
    const QStringList parts = flag.split(QLatin1Char('+'));
    if (!t.flags.contains(parts.first()))
        return unknownFlag(flag, r);
    turnOn(t, t.flags.value(parts.first()), r);
    for (const QString &ext : parts.mid(1)) {
        if (t.marchExtensions.contains(ext))
            turnOn(t, t.marchExtensions.value(ext), r);
        else if (ext.startsWith(QLatin1String("no")) && t.marchExtensions.contains(ext.mid(2)))
            turnOff(t, t.marchExtensions.value(ext.mid(2)), r);
        else
            unknownFlag(parts.first() + QLatin1Char('+') + ext, r);
    }
}

bool subset(const QSet<QString> &a, const QSet<QString> &b)
{
    for (const QString &x : a)
        if (!b.contains(x))
            return false;
    return true;
}

} // namespace

CpuFlagFeatures CpuFlagFeatures::of(const CpuFeatureTable &t, const QStringList &flags)
{
    CpuFlagFeatures r;
    for (const QString &flag : flags) {
        if (std::any_of(t.neutralFlags.begin(), t.neutralFlags.end(), [&](const QString &p) { return flag.startsWith(p); }))
            continue;
        if (flag.startsWith(QLatin1String("-march=")))
            readMarch(t, flag, r);
        else if (t.flags.contains(flag))
            turnOn(t, t.flags.value(flag), r);
        else if (flag.startsWith(QLatin1String("-mno-")) && t.flags.contains(QLatin1String("-m") + flag.mid(5)))
            turnOff(t, t.flags.value(QLatin1String("-m") + flag.mid(5)), r);
        else
            unknownFlag(flag, r);
    }
    return r;
}

CpuFlagVerdict CpuFlagVerdict::judge(const Catalog &catalog, const CpuIsa &isa, const QStringList &flags)
{
    if (flags == isa.compilerFlags)
        return {}; // the usual case, without building sets
    const CpuFeatureTable &t = catalog.cpuFeatures;
    auto featuresOf = [&](const QString &flag) { return CpuFlagFeatures::of(t, { flag }); };
    const CpuFlagFeatures have = CpuFlagFeatures::of(t, flags);
    const CpuFlagFeatures want = CpuFlagFeatures::of(t, isa.compilerFlags);
    QSet<QString> allowed = want.enabled;
    allowed.unite(CpuFlagFeatures::of(t, isa.machineFlags).enabled);

    // Errors: a required feature missing, or one some machine of the ISA lacks.
    QStringList missing, beyond;
    for (const QString &f : isa.requiredFlags.isEmpty() ? isa.compilerFlags : isa.requiredFlags)
        if (!subset(featuresOf(f).enabled, have.enabled))
            missing << f;
    for (const QString &f : flags) {
        const CpuFlagFeatures one = featuresOf(f);
        if (one.unknown.isEmpty() && !subset(one.enabled, allowed))
            beyond << f;
    }
    CpuFlagVerdict v;
    if (!missing.isEmpty() || !beyond.isEmpty()) {
        v.kind = Kind::Wrong;
        if (!missing.isEmpty())
            v.detail = QStringLiteral("missing %1").arg(missing.join(QLatin1Char(' ')));
        if (!beyond.isEmpty())
            v.detail += QStringLiteral("%1unexpected %2")
                            .arg(missing.isEmpty() ? QString() : QStringLiteral("; "), beyond.join(QLatin1Char(' ')));
        for (const CpuIsa &other : catalog.cpuIsas)
            if (other.id != isa.id && CpuFlagFeatures::of(t, other.compilerFlags).enabled == have.enabled)
                v.detail += QStringLiteral(" (these are the flags of %1)").arg(other.id);
        return v;
    }

    // Valid for the ISA; say how it differs from the catalogue's (recommended) set.
    QStringList without, also, unknown;
    for (const QString &f : isa.compilerFlags) {
        const CpuFlagFeatures one = featuresOf(f);
        if (!subset(one.enabled, have.enabled) || !subset(one.disabled, have.disabled))
            without << f;
    }
    for (const QString &f : flags)
        if (!featuresOf(f).unknown.isEmpty() && !want.unknown.contains(f))
            unknown << f;
        else if (!subset(featuresOf(f).enabled, want.enabled))
            also << f;
    QStringList parts;
    if (!without.isEmpty())
        parts << QStringLiteral("without %1").arg(without.join(QLatin1Char(' ')));
    if (!also.isEmpty())
        parts << QStringLiteral("also %1 (every %2 machine has it)").arg(also.join(QLatin1Char(' ')), isa.id);
    if (!unknown.isEmpty())
        parts << QStringLiteral("%1 not in the catalogue's cpuFeatures: cannot tell which machines run it")
                     .arg(unknown.join(QLatin1Char(' ')));
    if (parts.isEmpty())
        return v; // the same features, spelled differently
    v.kind = Kind::Differs;
    v.detail = parts.join(QStringLiteral("; "));
    return v;
}

} // namespace vs
