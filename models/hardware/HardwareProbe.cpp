#include "hardware/HardwareProbe.h"

#include "catalog/Catalog.h"
#include "hardware/CpuInfo.h"
#include "hardware/HostProfileBuilder.h"
#include "hardware/NvidiaSmiCsv.h"
#include "system/ProcessRunner.h"
#include "variants/VariantName.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QSysInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace vs {

namespace {

struct SmiRun {
    bool found = false;
    NvidiaSmiResult result;
};

// A program that is not there means "no NVIDIA driver"; one that is there but
// will not start is a problem worth showing.
bool programExists(const QString &program)
{
    if (program.contains(QLatin1Char('/')))
        return QFileInfo::exists(program);
    return !QStandardPaths::findExecutable(program).isEmpty();
}

SmiRun runNvidiaSmi(const ProbeOptions &options)
{
    SmiRun run;
    if (!programExists(options.nvidiaSmiProgram))
        return run;
    run.found = true;
    const ProcessResult process
        = ProcessRunner(options.nvidiaSmiProgram, NvidiaSmiCsv::queryArguments()).setTimeout(options.timeoutMs).run();
    if (!process.started()) {
        run.result.error = process.message;
        return run;
    }
    if (process.error == ProcessError::TimedOut) {
        run.result.error = QStringLiteral("%1 did not answer within %2 s (the driver may be stuck)")
                               .arg(options.nvidiaSmiProgram)
                               .arg(options.timeoutMs / 1000.0, 0, 'g', 3);
        return run;
    }
    const QString out = QString::fromLocal8Bit(process.out);
    const QString err = QString::fromLocal8Bit(process.err).trimmed();
    run.result = NvidiaSmiCsv::parse(out.trimmed().isEmpty() ? err : out);
    // nvidia-smi exits non-zero with its message on stdout (driver failure):
    // the parser names that; otherwise say how it ended.
    if (run.result.ok() && !process.ok())
        run.result.error = QStringLiteral("%1 exited with status %2%3")
                               .arg(options.nvidiaSmiProgram)
                               .arg(process.exitCode)
                               .arg(err.isEmpty() ? QString() : QStringLiteral(": ") + err.section(QLatin1Char('\n'), 0, 0));
    return run;
}

QString readText(const QString &path, bool *ok)
{
    QFile f(path);
    *ok = f.open(QIODevice::ReadOnly);
    return *ok ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

HostProfile HardwareProbe::probe(const Catalog &catalog, const ProbeOptions &options)
{
    const SmiRun smi = runNvidiaSmi(options);
    const QString machine = options.machine.isEmpty() ? QSysInfo::currentCpuArchitecture() : options.machine;
    bool ok = false;
    const QString cpuinfo = readText(options.cpuinfoPath, &ok);
    CpuInfo cpu = CpuInfo::parse(cpuinfo, machine);
    if (!ok)
        cpu.error = QStringLiteral("cannot read %1").arg(options.cpuinfoPath);
    HostProfile p = HostProfileBuilder(catalog).build(smi.found, smi.result, cpu);
#ifdef Q_OS_MACOS
    // Apple Silicon has no cpuinfo; its one variant is the Metal build.
    if (p.machine == QLatin1String("aarch64")) {
        p.recommendedIsa = catalog.darwin.id;
        p.recommendedSuffix = VariantName::darwinSuffix(catalog.darwin.id);
        p.cpuError.clear();
    }
#endif
    return p;
}

HostProfile HardwareProbe::fromDirectory(const Catalog &catalog, const QString &dir)
{
    const QDir d(dir);
    bool ok = false;
    const QString csv = readText(d.filePath(QStringLiteral("query.csv")), &ok);
    const bool found = ok;
    const NvidiaSmiResult smi = found ? NvidiaSmiCsv::parse(csv) : NvidiaSmiResult {};
    const QString machine = readText(d.filePath(QStringLiteral("uname-m.txt")), &ok).trimmed();
    const QString cpuinfo = readText(d.filePath(QStringLiteral("cpuinfo.txt")), &ok);
    CpuInfo cpu = CpuInfo::parse(cpuinfo, machine);
    if (!ok)
        cpu.error = QStringLiteral("cannot read %1").arg(d.filePath(QStringLiteral("cpuinfo.txt")));
    return HostProfileBuilder(catalog).build(found, smi, cpu);
}

QFuture<HostProfile> HardwareProbe::probeAsync(const Catalog &catalog, const ProbeOptions &options)
{
    return QtConcurrent::run([catalog, options] { return probe(catalog, options); });
}

} // namespace vs
