#include "hardware/HostProfileJson.h"

#include <QJsonArray>

namespace vs {

namespace {

QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

} // namespace

QJsonObject hostProfileToJson(const HostProfile &p)
{
    QJsonArray gpus;
    for (const GpuInfo &g : p.gpus) {
        gpus.append(QJsonObject { { QStringLiteral("index"), g.index }, { QStringLiteral("name"), g.name },
            { QStringLiteral("computeCapability"), orNull(g.computeCapability) }, { QStringLiteral("arch"), orNull(g.arch) },
            { QStringLiteral("driver"), orNull(g.driver) }, { QStringLiteral("memory"), orNull(g.memory) },
            { QStringLiteral("pciBusId"), orNull(g.pciBusId) } });
    }
    QJsonArray alternatives;
    for (const QString &isa : p.alternativeIsas)
        alternatives.append(QJsonObject { { QStringLiteral("isa"), isa }, { QStringLiteral("purpose"), p.alternativePurpose.value(isa) } });
    const QJsonObject cpu { { QStringLiteral("machine"), p.machine }, { QStringLiteral("model"), orNull(p.cpuModel) },
        { QStringLiteral("isas"), QJsonArray::fromStringList(p.isas) }, { QStringLiteral("error"), orNull(p.cpuError) } };
    const QJsonObject recommended { { QStringLiteral("gpu"), orNull(p.recommendedGpu) },
        { QStringLiteral("gpuIndex"), p.recommendedGpuIndex }, { QStringLiteral("gpuChoice"), orNull(p.gpuChoice) },
        { QStringLiteral("cuda"), orNull(p.recommendedCuda) }, { QStringLiteral("isa"), orNull(p.recommendedIsa) },
        { QStringLiteral("alternatives"), alternatives }, { QStringLiteral("suffix"), orNull(p.recommendedSuffix) } };
    return QJsonObject { { QStringLiteral("gpus"), gpus }, { QStringLiteral("gpuArchs"), QJsonArray::fromStringList(p.gpuArchs) },
        { QStringLiteral("gpuError"), orNull(p.gpuError) }, { QStringLiteral("nvidiaSmiFound"), p.nvidiaSmiFound },
        { QStringLiteral("driver"), orNull(p.driver) }, { QStringLiteral("maxCuda"), orNull(p.maxCuda) }, { QStringLiteral("cpu"), cpu },
        { QStringLiteral("recommended"), recommended } };
}

} // namespace vs
