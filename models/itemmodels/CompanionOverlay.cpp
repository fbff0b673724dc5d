#include "itemmodels/CompanionOverlay.h"

#include <QCoreApplication>

namespace vs {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("vs::CompanionOverlay", text);
}
} // namespace

CellStatus CompanionOverlay::partnerStatus() const
{
    if (partnerMissing())
        return CellStatus::NeedsPytorch;
    switch (entry.status) {
    case PartnerStatus::Built:
        return CellStatus::Built;
    case PartnerStatus::Published:
        return CellStatus::Published;
    default:
        return CellStatus::Defined;
    }
}

QString CompanionOverlay::statusText() const
{
    return partnerMissing() ? CellStatusInfo::name(CellStatus::NeedsPytorch) : toString(entry.status);
}

QStringList CompanionOverlay::tooltipLines() const
{
    const QString branch = entry.pytorchBranch.isEmpty() ? tr("(no paired branch)") : entry.pytorchBranch;
    QStringList lines { tr("PyTorch %1 on %2: %3").arg(entry.pytorchVariant, branch, statusText()) };
    if (entry.lastBuild != QLatin1String("none"))
        lines << tr("Its last build: %1").arg(entry.lastBuild);
    if (shared) {
        lines << shared->summary();
        for (const BuildDifference &d : shared->differences)
            lines << tr("  %1: %2 (PyTorch recipe: %3)").arg(d.what, d.companion, d.pytorch);
    }
    return lines;
}

} // namespace vs
