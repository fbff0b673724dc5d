#include "builds/BuildEstimate.h"

#include "variants/VariantName.h"

#include <algorithm>
#include <functional>
#include <queue>
#include <vector>

namespace vs {

QString toString(Estimate::Basis basis)
{
    switch (basis) {
    case Estimate::Basis::Variant:
        return QStringLiteral("variant");
    case Estimate::Basis::PackageGpu:
        return QStringLiteral("package+GPU");
    case Estimate::Basis::None:
        break;
    }
    return QStringLiteral("none");
}

QString BuildEstimate::packageGpuKey(const QString &variant)
{
    const std::optional<VariantName> name = VariantName::parse(variant);
    if (!name)
        return {};
    switch (name->kind) {
    case VariantName::Kind::Cuda:
        return name->package + QLatin1Char('|') + name->gpu;
    case VariantName::Kind::Cpu:
        return name->package + QStringLiteral("|cpu");
    case VariantName::Kind::Darwin:
        return name->package + QStringLiteral("|darwin");
    }
    return {};
}

BuildEstimate::BuildEstimate(const QList<HistoryEntry> &runs)
{
    QHash<QString, QString> keys; // packageGpuKey once per variant
    for (const HistoryEntry &e : runs) {
        // Only builds that ran to success say how long one takes.
        if (e.kind != BuildKind::Build || e.outcome != BuildState::Succeeded || e.durationMs <= 0)
            continue;
        const Run run { e.host, e.durationMs };
        m_byVariant[e.variant].append(run);
        auto key = keys.find(e.variant);
        if (key == keys.end())
            key = keys.insert(e.variant, packageGpuKey(e.variant));
        if (!key->isEmpty())
            m_byPackageGpu[*key].append(run);
    }
}

Estimate BuildEstimate::median(const QList<Run> &runs, Estimate::Basis basis, const std::optional<QString> &host)
{
    std::vector<qint64> durations;
    for (const Run &r : runs)
        if (!host || r.host == *host)
            durations.push_back(r.durationMs);
    Estimate e;
    if (durations.empty())
        return e;
    std::sort(durations.begin(), durations.end());
    const size_t n = durations.size();
    e.basis = basis;
    e.runs = int(n);
    e.durationMs = n % 2 ? durations[n / 2] : (durations[n / 2 - 1] + durations[n / 2]) / 2;
    e.sameHost = host.has_value();
    return e;
}

Estimate BuildEstimate::forVariant(const QString &variant, const std::optional<QString> &host) const
{
    const QList<Run> sameVariant = m_byVariant.value(variant);
    const QList<Run> sameGpu = m_byPackageGpu.value(packageGpuKey(variant));
    for (const auto &[runs, basis] :
        { std::pair { &sameVariant, Estimate::Basis::Variant }, std::pair { &sameGpu, Estimate::Basis::PackageGpu } }) {
        if (host)
            if (Estimate e = median(*runs, basis, host); e.known())
                return e;
        if (Estimate e = median(*runs, basis, std::nullopt); e.known())
            return e;
    }
    return {};
}

TimeLeft BuildEstimate::timeLeft(const Estimate &estimate, qint64 elapsedMs)
{
    TimeLeft left;
    if (!estimate.known())
        return left;
    left.known = true;
    left.ms = qMax<qint64>(0, estimate.durationMs - qMax<qint64>(0, elapsedMs));
    left.overdue = elapsedMs > estimate.durationMs;
    return left;
}

QueueTimeLeft BuildEstimate::queueTimeLeft(const QList<Running> &running, const QList<Estimate> &queued, int parallel)
{
    QueueTimeLeft total;
    // When each slot frees, earliest on top. More running builds than slots
    // (the setting was lowered meanwhile) each hold a slot until they end.
    std::priority_queue<qint64, std::vector<qint64>, std::greater<>> freeAt;
    for (const Running &r : running) {
        const TimeLeft left = timeLeft(r.estimate, r.elapsedMs);
        total.unknown += left.known ? 0 : 1;
        total.overdue += left.overdue ? 1 : 0;
        freeAt.push(left.ms);
    }
    while (freeAt.size() < size_t(qMax(1, parallel)))
        freeAt.push(0);
    qint64 end = 0;
    for (const Estimate &e : queued) {
        total.unknown += e.known() ? 0 : 1;
        const qint64 start = freeAt.top();
        freeAt.pop();
        freeAt.push(start + e.durationMs);
    }
    while (!freeAt.empty()) {
        end = qMax(end, freeAt.top());
        freeAt.pop();
    }
    total.ms = end;
    return total;
}

} // namespace vs
