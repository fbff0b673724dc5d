#include "HardwareController.h"

#include "HardwareDock.h"
#include "MatrixController.h"
#include "hardware/HardwareProbe.h"
#include "itemmodels/MatrixModel.h"

namespace vs {

namespace {
QString dotted(QString id)
{
    return id.replace(QLatin1Char('_'), QLatin1Char('.'));
}
} // namespace

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

QString HardwareController::bestCudaForBranch() const
{
    const MatrixModel *model = m_matrix->model();
    const Catalog &catalog = model->catalog();
    const GpuArch *gpu = catalog.gpuArch(m_profile.recommendedGpu);
    if (!gpu || m_profile.maxCuda.isEmpty())
        return {};
    // The branch's releases in the order the branch uses them; the first the driver runs and that compiles for the GPU.
    for (const QString &id : model->cudaChoices()) {
        const CudaRelease *cuda = catalog.cudaRelease(id);
        if (cuda && Catalog::compareVersions(cuda->version, dotted(m_profile.maxCuda)) <= 0 && catalog.cudaSupportsArch(*cuda, *gpu))
            return id;
    }
    return m_profile.recommendedCuda;
}

void HardwareController::refresh()
{
    if (!m_known || m_refreshing)
        return;
    m_refreshing = true; // setMachine below does not change the slice, but be safe against loops
    MatrixModel *model = m_matrix->model();
    MachineFit fit;
    fit.known = true;
    fit.gpuArchs = m_profile.gpuArchs;
    fit.maxCuda = m_profile.maxCuda;
    fit.isas = m_profile.isas;
    fit.darwin = m_profile.recommendedSuffix.startsWith(QLatin1String("darwin"));
    const QString cuda = bestCudaForBranch();
    fit.recommendedSuffix = m_profile.hasGpu() && !cuda.isEmpty() && !m_profile.recommendedIsa.isEmpty()
        ? QStringLiteral("cuda%1-%2-%3").arg(cuda, m_profile.recommendedGpu, m_profile.recommendedIsa)
        : m_profile.recommendedSuffix;
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
        facts.append({ tr("Highest CUDA"), dotted(m_profile.maxCuda) });
    facts.append({ tr("CPU"),
        QStringLiteral("%1 (%2)").arg(m_profile.cpuModel.isEmpty() ? tr("unknown model") : m_profile.cpuModel, m_profile.machine) });
    facts.append({ tr("Runs ISAs"), m_profile.isas.isEmpty() ? tr("none of the catalogue") : m_profile.isas.join(QStringLiteral(", ")) });
    for (const QString &alt : m_profile.alternativeIsas)
        facts.append({ tr("Alternative"), tr("%1 for %2").arg(alt, m_profile.alternativePurpose.value(alt)) });
    facts.append({ tr("Recommended"), fit.recommendedSuffix.isEmpty() ? tr("nothing in the catalogue fits") : fit.recommendedSuffix });
    if (!m_profile.gpuChoice.isEmpty())
        facts.append({ tr("Why"), m_profile.gpuChoice });
    m_dock->setFacts(facts, warnings(), !fit.recommendedSuffix.isEmpty());
    m_refreshing = false;
}

QStringList HardwareController::warnings() const
{
    QStringList out;
    const MatrixModel *model = m_matrix->model();
    const Catalog &catalog = model->catalog();
    if (!m_profile.gpuError.isEmpty())
        out.append(m_profile.gpuError);
    if (!m_profile.cpuError.isEmpty())
        out.append(m_profile.cpuError);
    if (model->isPlan())
        return out;
    // The branch's main CUDA release against the installed driver.
    const CudaRelease *cuda = catalog.cudaRelease(model->cudaChoices().value(0));
    if (cuda && m_profile.hasGpu() && !m_profile.driver.isEmpty() && !cuda->minDriverLinux.isEmpty()
        && Catalog::compareVersions(m_profile.driver, cuda->minDriverLinux) < 0)
        out.append(tr("Branch '%1' builds CUDA %2, which needs driver %3 or newer; this machine has %4.")
                       .arg(model->branch(), cuda->version, cuda->minDriverLinux, m_profile.driver));
    if (model->runnableRecipeCount() == 0)
        out.append(tr("No recipe on branch '%1' runs on this machine.").arg(model->branch()));
    return out;
}

bool HardwareController::goToMyCell()
{
    if (!m_known)
        return false;
    MatrixModel *model = m_matrix->model();
    const QString cuda = bestCudaForBranch();
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
