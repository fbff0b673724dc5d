#include "hardware/CpuInfo.h"

#include <QRegularExpression>

namespace vs {

QString CpuInfo::normaliseMachine(const QString &machine)
{
    const QString m = machine.trimmed().toLower();
    if (m == QLatin1String("arm64") || m == QLatin1String("aarch64"))
        return QStringLiteral("aarch64");
    if (m == QLatin1String("amd64") || m == QLatin1String("x86_64") || m == QLatin1String("x86-64"))
        return QStringLiteral("x86_64");
    return m;
}

QString CpuInfo::linuxPlatform(const QString &machine)
{
    return normaliseMachine(machine) + QStringLiteral("-linux");
}

CpuInfo CpuInfo::parse(const QString &cpuinfo, const QString &machine)
{
    CpuInfo info;
    info.machine = normaliseMachine(machine);
    // x86 lists "flags", ARM "Features"; both once per processor. The first
    // processor decides: heterogeneous cores share one ISA on the machines we build for.
    const QString flagKey = info.machine == QLatin1String("aarch64") ? QStringLiteral("features") : QStringLiteral("flags");
    for (const QString &line : cpuinfo.split(QLatin1Char('\n'))) {
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon < 0)
            continue;
        const QString key = line.left(colon).trimmed().toLower();
        const QString val = line.mid(colon + 1).trimmed();
        if (info.model.isEmpty() && key == QLatin1String("model name"))
            info.model = val;
        // Some ARM kernels print "flags" too and some x86 emulators "Features":
        // accept either once the expected one is missing.
        if (info.flags.isEmpty() && (key == flagKey || key == QLatin1String("flags") || key == QLatin1String("features")))
            info.flags = val.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    }
    if (info.flags.isEmpty())
        info.error = QStringLiteral("cpuinfo lists no %1: the CPU's instruction sets are unknown").arg(flagKey);
    return info;
}

} // namespace vs
