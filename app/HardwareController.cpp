#include "HardwareController.h"

#include "HardwareDock.h"
#include "MatrixController.h"
#include "catalog/CudaVersion.h"
#include "hardware/HardwareProbe.h"
#include "itemmodels/MatrixModel.h"

namespace vs {

HardwareController::HardwareController(MatrixController *matrix, HardwareDock *dock, QObject *parent)
    : QObject(parent)
    , m_matrix(matrix)
    , m_dock(dock)
{
    connect(&m_probe, &QFutureWatcher<HostProfile>::finished, this, [this] { setProfile(m_probe.result()); });
    connect(m_dock, &HardwareDock::goToMyCellRequested, this, &HardwareController::goToMyCell);
    connect(m_matrix->model(), &MatrixModel::sliceChanged, this, &HardwareController::refresh);
}

void HardwareController::start()
{
    m_dock->setProbing();
    const QString captured = qEnvironmentVariable("VARIANT_STUDIO_HARDWARE_DIR");
    if (!captured.isEmpty()) {
        setProfile(HardwareProbe::fromDirectory(m_matrix->model()->catalog(), captured));
        return;
    }
    m_probe.setFuture(HardwareProbe::probeAsync(m_matrix->model()->catalog()));
}

void HardwareController::setProfile(const HostProfile &profile)
{
    m_profile = profile;
    m_known = true;
    refresh();
    emit probed();
}

Recommendation HardwareController::recommendation() const
{
    return Recommendation(m_matrix->model()->catalog(), m_profile);
}

void HardwareController::refresh()
{
    if (!m_known || m_refreshing)
        return;
    m_refreshing = true; // setMachine below does not change the slice, but be safe against loops
    MatrixModel *model = m_matrix->model();
    const Recommendation recommended = recommendation();
    const MachineFit fit = recommended.fit(model->cudaChoices());
    model->setMachine(fit);

    QList<QPair<QString, QString>> facts;
    if (!m_profile.nvidiaSmiFound)
        facts.append({ tr("GPU"), tr("No NVIDIA driver found (nvidia-smi is missing)") });
    for (const GpuInfo &g : m_profile.gpus)
        facts.append({ tr("GPU %1").arg(g.index),
            tr("%1 (%2, compute %3) %4")
                .arg(g.name, g.arch.isEmpty() ? tr("not in the catalogue") : g.arch, g.computeCapability, g.memory) });
    if (!m_profile.driver.isEmpty())
        facts.append({ tr("Driver"), m_profile.driver });
    if (!m_profile.maxCuda.isEmpty())
        facts.append({ tr("Highest CUDA"), CudaVersion::toVersion(m_profile.maxCuda) });
    facts.append({ tr("CPU"),
        QStringLiteral("%1 (%2)").arg(m_profile.cpuModel.isEmpty() ? tr("unknown model") : m_profile.cpuModel, m_profile.machine) });
    facts.append({ tr("Runs ISAs"), m_profile.isas.isEmpty() ? tr("none of the catalogue") : m_profile.isas.join(QStringLiteral(", ")) });
    for (const QString &alt : m_profile.alternativeIsas)
        facts.append({ tr("Alternative"), tr("%1 for %2").arg(alt, m_profile.alternativePurpose.value(alt)) });
    facts.append({ tr("Recommended"), fit.recommendedSuffix.isEmpty() ? tr("nothing in the catalogue fits") : fit.recommendedSuffix });
    if (!m_profile.gpuChoice.isEmpty())
        facts.append({ tr("Why"), m_profile.gpuChoice });
    const BranchOffer offer { model->branch(), model->cudaChoices(), model->runnableRecipeCount() };
    m_dock->setFacts(facts, recommended.warnings(offer), !fit.recommendedSuffix.isEmpty());
    m_refreshing = false;
}

bool HardwareController::goToMyCell()
{
    if (!m_known)
        return false;
    MatrixModel *model = m_matrix->model();
    const QString cuda = recommendation().bestCuda(model->cudaChoices());
    if (!cuda.isEmpty())
        model->setSlice(model->package(), model->python(), cuda);
    refresh();
    const QModelIndex cell = model->recommendedIndex();
    if (!cell.isValid())
        return false;
    m_matrix->selectCell(cell);
    return true;
}

} // namespace vs
